import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../engine/scenario/loader";
import { instantiate } from "../../../engine/scenario/instantiate";
import { nextHint } from "../../../engine/scenario/hints";
import { grade } from "../../../engine/scenario/grade";
import { parseTime } from "../../../engine/runtime/clock";
import type { KObject, Service } from "../../../engine/model/types";
import { FIXTURE_YAML } from "./fixture";

const scenario = parseScenario({ path: "fixture.yaml", text: FIXTURE_YAML });

describe("instantiate", () => {
  it("builds the cluster along the time line", () => {
    const inst = instantiate(scenario, 11);
    const { cluster, params } = inst;
    expect(cluster.now()).toBe(inst.learnerStartMs);
    const nodes = cluster.store.list("Node");
    expect(nodes.map((n) => n.metadata.name)).toEqual(["control-plane", "worker-1", "worker-2"]);
    expect(inst.learnerStartMs - parseTime(nodes[0].metadata.creationTimestamp)).toBeGreaterThan(20 * 86_400_000);
    const dep = cluster.store.get("Deployment", String(params.ns), String(params.app))!;
    expect(inst.learnerStartMs - parseTime(dep.metadata.creationTimestamp)).toBe(6 * 60_000);
    expect(dep.spec.replicas).toBe(params.replicas);
    expect(dep.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toMatch(/^\{"apiVersion":"apps\/v1","kind":"Deployment",/);
    expect(cluster.store.get("Namespace", undefined, String(params.ns))).toBeDefined();
    const secret = cluster.store.get<KObject>("Secret", String(params.ns), "creds")!;
    expect(secret.data).toEqual({ password: Buffer.from(`${params.app}-pw`).toString("base64") });
    expect(secret.stringData).toBeUndefined();
    expect(inst.initialUids[`Deployment/${params.ns}/${params.app}`]).toBe(dep.metadata.uid);
  });
  it("creates the system objects", () => {
    const { cluster } = instantiate(scenario, 3);
    const k = cluster.store.get<Service>("Service", "default", "kubernetes")!;
    expect(k.spec.clusterIP).toBe("10.96.0.1");
    expect(cluster.store.get<Service>("Service", "kube-system", "kube-dns")!.spec.clusterIP).toBe("10.96.0.10");
    expect(cluster.store.get("Deployment", "kube-system", "coredns")).toBeDefined();
    expect(cluster.store.list("Namespace").map((n) => n.metadata.name)).toEqual(expect.arrayContaining(["default", "kube-node-lease", "kube-public", "kube-system"]));
  });
  it("is deterministic and renders the variant's texts", () => {
    const a = instantiate(scenario, 5);
    const b = instantiate(scenario, 5);
    expect(JSON.stringify(a.cluster.store.all())).toBe(JSON.stringify(b.cluster.store.all()));
    expect(a.brief).toBe(`The ${a.params.app} pods in ${a.params.ns} do not start.`);
    expect(a.solution).toEqual([`kubectl -n ${a.params.ns} set image deployment/${a.params.app} app=nginx:${a.params.tag}`]);
    expect(a.checks[0].kind === "workloadHealthy" && a.checks[0].minReplicas).toBe(a.params.replicas);
  });
  it("gives hints along the ladder, following the cluster state", () => {
    const inst = instantiate(scenario, 5);
    expect(nextHint(inst, 0, inst.cluster)).toBe("Look at the events of a pod.");
    const second = nextHint(inst, 1, inst.cluster);
    expect(["The image tag does not exist.", "Pods are pending first."]).toContain(second);
    expect(nextHint(inst, 2, inst.cluster)).toBe(`Set the image to nginx:${inst.params.tag}.`);
    expect(nextHint(inst, 3, inst.cluster)).toBeNull();
  });
  it("grades doing nothing as a failure", () => {
    const inst = instantiate(scenario, 5);
    const g = grade(inst, inst.cluster, []);
    expect(g.passed).toBe(false);
    expect(g.breakdown.fixed).toBe(0);
    expect(g.breakdown.efficiency).toBe(0);
    expect(g.checks.find((c) => c.id === "healthy")!.passed).toBe(false);
  });
});
