/**
 * `kubectl create role|clusterrole|rolebinding|clusterrolebinding … --dry-run=client` builds
 * the same objects and prints the same warnings and errors as the real kubectl v1.32 (which
 * resolves resource types through the fake API server's discovery).
 */
import { afterAll, describe, expect, it } from "vitest";
import { runKubectl } from "../../../engine/kubectl/kubectl";
import type { FakeApiServer } from "../oracle/fake-api-server";
import { hasKubectl, runRealKubectl, serve } from "../oracle/harness";
import { world } from "../workloads/harness";

/** Each case is an argv after `kubectl create`; `-o yaml --dry-run=client` is added unless the case prints otherwise. */
const CASES: string[][] = [
  ["role", "pod-reader", "--verb=get,list,watch", "--resource=pods"],
  ["role", "x", "--verb=get,list", "--resource=pods,deployments.apps", "--resource-name=a"],
  ["role", "x", "--verb=get", "--resource=deploy,rs.apps", "--resource-name=a", "--resource-name=b"],
  ["role", "x", "--verb=get", "--resource=pods,pods", "--resource-name=a,b"],
  ["role", "x", "--verb=foo", "--resource=pods,po,pods/log,deployments.apps/scale"],
  ["role", "x", "--verb=get,*", "--resource=*"],
  ["role", "x", "--verb=get,get,list", "--resource=secrets", "-n", "shop"],
  ["role", "x", "--verb=get", "--resource=foo"],
  ["role", "x", "--verb=get", "--resource=foo.apps"],
  ["role", "x", "--verb=use", "--resource=pods"],
  ["role", "x", "--verb=get", "--resource=.apps"],
  ["role", "x", "--resource=pods"],
  ["role", "x", "--verb=get"],
  ["role", "--verb=get", "--resource=pods"],
  ["role", "a", "b", "--verb=get", "--resource=pods"],
  ["clusterrole", "x", "--verb=get", "--non-resource-url=/healthz"],
  ["clusterrole", "x", "--verb=get", "--resource=pods", "--non-resource-url=/healthz,/metrics*", "-n", "foo"],
  ["clusterrole", "x", "--verb=get", "--non-resource-url=*", "--non-resource-url=/a", "--non-resource-url=/a"],
  ["clusterrole", "x", "--verb=get", "--non-resource-url=/a", "--resource-name=b"],
  ["clusterrole", "x", "--aggregation-rule=a=b,c=d"],
  ["clusterrole", "x", "--aggregation-rule=a=b", "--verb=get"],
  ["clusterrole", "x"],
  ["clusterrole", "x", "--verb=get"],
  ["clusterrole", "x", "--verb=list", "--non-resource-url=/x"],
  ["clusterrole", "x", "--verb=get", "--non-resource-url=x"],
  ["clusterrole", "x", "--verb=get", "--non-resource-url=/a*b"],
  ["clusterrole", "x", "--verb=bind", "--resource=clusterroles"],
  ["rolebinding", "rb", "--clusterrole=view", "--user=bob", "--group=devs", "--serviceaccount=ns1:sa1"],
  ["rolebinding", "rb", "--role=pod-reader", "--serviceaccount=shop:ci", "-n", "shop"],
  ["rolebinding", "x", "--role=a"],
  ["rolebinding", "x"],
  ["rolebinding", "x", "--role=a", "--clusterrole=b"],
  ["rolebinding", "x", "--role=a", "--serviceaccount=foo"],
  ["rolebinding", "x", "--role=a", "--serviceaccount=:foo"],
  ["clusterrolebinding", "crb", "--clusterrole=view", "--user=u1,u2", "--user=u3", "--serviceaccount=ns1:sa1", "-n", "foo"],
  ["clusterrolebinding", "crb", "--clusterrole=cluster-admin", "--group=admins"],
  ["clusterrolebinding", "--clusterrole=view"],
];

describe.skipIf(!hasKubectl)("create role/rolebinding generators match the real kubectl v1.32", () => {
  const servers: FakeApiServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  it("prints the same objects, warnings and errors", async () => {
    const { cluster } = world("apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n");
    const server = await serve([]);
    servers.push(server);
    for (const c of CASES) {
      const argv = ["create", ...c, "--dry-run=client", "-o", "yaml"];
      const real = await runRealKubectl(server.port, argv);
      const engine = runKubectl(cluster, argv, undefined, { namespace: "default" });
      expect.soft({ argv: argv.join(" "), stdout: engine.stdout, stderr: engine.stderr, exitCode: engine.exitCode }).toEqual({ argv: argv.join(" "), stdout: real.stdout, stderr: real.stderr, exitCode: real.exitCode });
    }
  }, 120_000);
});
