import { describe, expect, it } from "vitest";
import type { Cluster } from "../../../engine/runtime/cluster";
import { applyEditedYaml } from "../../../engine/kubectl/commands/write";
import { brokenWeb, deployment, kubectl, pods, replicaSets, webManifest } from "./fixture";

/** Every route a learner may take to fix the image of the broken `web` Deployment. */
const ROUTES: Record<string, (c: Cluster) => { stdout: string; stderr: string; exitCode: number }> = {
  "set image": (c) => kubectl(c, "set image deployment/web app=nginx:1.27"),
  "set image *": (c) => kubectl(c, "set image deploy web *=nginx:1.27"),
  edit: (c) => {
    const edit = kubectl(c, "edit deployment web").edit!;
    return applyEditedYaml({ cluster: c, namespace: "default", namespaceExplicit: false }, edit, edit.yaml.replace("image: nginx:1.27x", "image: nginx:1.27"));
  },
  "patch (strategic)": (c) => kubectl(c, `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}}}'`),
  "patch (merge)": (c) =>
    kubectl(
      c,
      `patch deployment web --type=merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.27","ports":[{"containerPort":80}],"env":[{"name":"MODE","value":"prod"}]}]}}}}'`,
    ),
  "patch (json)": (c) => kubectl(c, `patch deployment web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]'`),
  "patch (yaml strategic)": (c) => kubectl(c, "patch deployment web -p 'spec: {template: {spec: {containers: [{name: app, image: nginx:1.27}]}}}'"),
  "apply -f -": (c) => kubectl(c, "apply -f -", webManifest("nginx:1.27")),
  "replace -f -": (c) => kubectl(c, "replace -f -", webManifest("nginx:1.27")),
};

const EXPECTED_OUTPUT: Record<string, string> = {
  "set image": "deployment.apps/web image updated\n",
  "set image *": "deployment.apps/web image updated\n",
  edit: "deployment.apps/web edited\n",
  "patch (strategic)": "deployment.apps/web patched\n",
  "patch (merge)": "deployment.apps/web patched\n",
  "patch (json)": "deployment.apps/web patched\n",
  "patch (yaml strategic)": "deployment.apps/web patched\n",
  "apply -f -": "deployment.apps/web configured\n",
  "replace -f -": "deployment.apps/web replaced\n",
};

describe("every route to the same fix gives the same Deployment, a new ReplicaSet and running pods", () => {
  const reference = (() => {
    const c = brokenWeb();
    ROUTES["set image"](c);
    return structuredClone(deployment(c).spec);
  })();

  for (const [route, fix] of Object.entries(ROUTES)) {
    it(route, () => {
      const c = brokenWeb();
      const before = replicaSets(c).map((rs) => rs.metadata.name);
      const r = fix(c);
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe(EXPECTED_OUTPUT[route]);
      expect(deployment(c).spec).toEqual(reference);
      const after = replicaSets(c);
      const fresh = after.filter((rs) => !before.includes(rs.metadata.name));
      expect(fresh).toHaveLength(1);
      expect(fresh[0].spec.template.spec.containers[0].image).toBe("nginx:1.27");
      c.advanceBy(120_000);
      const running = pods(c);
      expect(running).toHaveLength(2);
      for (const p of running) {
        expect(p.spec.containers[0].image).toBe("nginx:1.27");
        expect(p.status.phase).toBe("Running");
        expect(p.status.containerStatuses?.[0].ready).toBe(true);
      }
      expect(kubectl(c, "rollout status deployment/web").stdout).toBe('deployment "web" successfully rolled out\n');
    });
  }

  it("a second, identical fix changes nothing", () => {
    const c = brokenWeb();
    kubectl(c, "apply -f -", webManifest("nginx:1.27"));
    const rv = deployment(c).metadata.resourceVersion;
    expect(kubectl(c, "apply -f -", webManifest("nginx:1.27")).stdout).toBe("deployment.apps/web unchanged\n");
    expect(kubectl(c, `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}}}'`).stdout).toBe(
      "deployment.apps/web patched (no change)\n",
    );
    expect(kubectl(c, "set image deployment/web app=nginx:1.27").stdout).toBe("");
    expect(deployment(c).metadata.resourceVersion).toBe(rv);
  });
});
