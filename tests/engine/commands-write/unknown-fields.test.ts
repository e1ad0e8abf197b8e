/**
 * Server-side field validation: unknown fields are refused (`--validate=strict`, kubectl's
 * default for create/apply/replace/edit), warned about and dropped (`warn`, and requests that
 * send no validation such as `patch`), or dropped silently (`ignore`) — with the API server's
 * strict-decoding texts.
 */
import { describe, expect, it } from "vitest";
import { deployment, kubectl, makeCluster } from "./fixture";
import { pruneUnknownFields } from "../../../engine/kubectl/manifests/schema-decode";

const manifest = (replicas = 1, extra = "        imagePullPolicyy: Always\n") =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: typo
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: typo}
  template:
    metadata:
      labels: {app: typo}
    spec:
      containers:
      - name: web
        image: nginx:1.27
${extra}`;

const STRICT = 'strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"';

describe("unknown fields", () => {
  it("are named in document order with list indices, and pruned", () => {
    const obj = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", labelz: { a: "b" }, labels: { any: "thing" } },
      spec: { containers: [{ name: "a", image: "x" }, { name: "b", image: "y", cmd: ["sh"], resources: { limits: { cpu: "1" } } }], nodeSelectorr: {} },
      status: { phasee: "Running" },
    };
    expect(pruneUnknownFields(obj)).toEqual(["metadata.labelz", "spec.containers[1].cmd", "spec.nodeSelectorr", "status.phasee"]);
    expect(obj.spec.containers[1]).toEqual({ name: "b", image: "y", resources: { limits: { cpu: "1" } } });
    expect(pruneUnknownFields(obj)).toEqual([]);
  });

  it("refuse create and apply by default, and change nothing", () => {
    const c = makeCluster();
    const created = kubectl(c, "create -f -", manifest());
    expect(created.stderr).toBe(`Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: ${STRICT}\n`);
    expect(created.exitCode).toBe(1);
    expect(kubectl(c, "apply -f -", manifest()).stderr).toBe(`Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: ${STRICT}\n`);
    expect(c.store.get("Deployment", "default", "typo")).toBeUndefined();
  });

  it("are warned about and dropped with --validate=warn, silently with --validate=false", () => {
    const c = makeCluster();
    const warned = kubectl(c, "apply --validate=warn -f -", manifest());
    expect(warned.stdout).toBe("deployment.apps/typo created\n");
    expect(warned.stderr).toBe('Warning: unknown field "spec.template.spec.containers[0].imagePullPolicyy"\n');
    expect(warned.exitCode).toBe(0);
    expect(deployment(c, "typo").spec.template.spec.containers[0]).not.toHaveProperty("imagePullPolicyy");
    const ignored = kubectl(c, "replace --validate=false -f -", manifest(2));
    expect(ignored).toMatchObject({ stdout: "deployment.apps/typo replaced\n", stderr: "", exitCode: 0 });
    expect(kubectl(c, "apply --validate=Bogus -f -", manifest()).stderr).toBe('error: invalid - validate option "Bogus"; must be one of: strict (or true), warn, ignore (or false)\n');
  });

  it("refuse an apply to an existing object as the patch handler does", () => {
    const c = makeCluster();
    expect(kubectl(c, "apply -f -", manifest(1, "")).stdout).toBe("deployment.apps/typo created\n");
    const r = kubectl(c, "apply -f -", manifest(1, "        portz: []\n"));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl.kubernetes.io\/last-applied-configuration:\{\\"apiVersion\\":\\"apps\/v1\\",.*\\n\]\] spec:map\[template:map\[spec:map\[\$setElementOrder\/containers:\[map\[name:web\]\] containers:\[map\[name:web portz:\[\]\]\]\]\]\]\]": strict decoding error: unknown field "spec.template.spec.containers\[0\].portz"\n$/);
  });

  it("in a plain patch are dropped with a warning, as the server's default is Warn", () => {
    const c = makeCluster();
    kubectl(c, "apply -f -", manifest(1, ""));
    const r = kubectl(c, `patch deployment typo -p '{"spec":{"replicaz":3,"replicas":2}}'`);
    expect(r).toMatchObject({ stdout: "deployment.apps/typo patched\n", stderr: 'Warning: unknown field "spec.replicaz"\n', exitCode: 0 });
    expect(deployment(c, "typo").spec.replicas).toBe(2);
  });

  it("decode a null list item as its zero value, so validation (not a crash) answers", () => {
    const c = makeCluster();
    const svc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: s}\n  ports: [null]\n";
    const r = kubectl(c, "apply -f -", svc);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^The Service "s" is invalid: spec\.ports\[0\]\.port: /);
  });
});
