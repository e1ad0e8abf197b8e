import { describe, expect, it } from "vitest";
import type { Node, Pod } from "../../../engine/model/types";
import { formatFitError } from "../../../engine/controllers/scheduler/fit-error";
import { errReasonUntoleratedTaint } from "../../../engine/controllers/scheduler/taint-toleration";
import { apply, eventsWithReason, makeCluster, pod, START, update } from "./helpers";
import type { Cluster } from "../../../engine/runtime/cluster";

function getPod(c: Cluster, name: string): Pod {
  return c.store.get<Pod>("Pod", "default", name)!;
}
function failedScheduling(c: Cluster, name: string) {
  return c.events.about(getPod(c, name)).filter((e) => e.reason === "FailedScheduling");
}

const kindLike = [
  { name: "control-plane", cpu: "4", memory: "8Gi", role: "control-plane" as const },
  { name: "worker", cpu: "2", memory: "4Gi" },
  { name: "worker2", cpu: "2", memory: "4Gi" },
];

describe("scheduler", () => {
  it("binds a pod, sets PodScheduled and records Scheduled", () => {
    const c = makeCluster({ nodes: kindLike });
    apply(c, pod("web"));
    const p = getPod(c, "web");
    expect(["worker", "worker2"]).toContain(p.spec.nodeName);
    expect(p.status.conditions).toEqual([{ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: "2026-03-02T09:00:00Z" }]);
    const [ev] = c.events.about(p);
    expect(ev).toMatchObject({ type: "Normal", reason: "Scheduled", message: `Successfully assigned default/web to ${p.spec.nodeName}`, source: { component: "default-scheduler" } });
  });

  it("spreads pods by least allocated", () => {
    const c = makeCluster();
    for (let i = 0; i < 6; i++) apply(c, pod(`p${i}`, { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "500m", memory: "512Mi" } } }] }));
    const perNode = new Map<string, number>();
    for (const p of c.store.list<Pod>("Pod")) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([2, 2, 2]);
  });

  it("explains insufficient cpu next to a tainted control plane, with the preemption suffix", () => {
    const c = makeCluster({ nodes: kindLike });
    apply(c, pod("big", { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "3" } } }] }));
    const p = getPod(c, "big");
    const msg =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
    expect(failedScheduling(c, "big").map((e) => [e.type, e.message, e.source.component])).toEqual([["Warning", msg, "default-scheduler"]]);
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status.conditions).toEqual([{ type: "PodScheduled", status: "False", reason: "Unschedulable", message: msg, lastProbeTime: null, lastTransitionTime: "2026-03-02T09:00:00Z" }]);
  });

  it("counts every reason of a node, and sorts the histogram as strings", () => {
    const c = makeCluster();
    apply(c, pod("huge", { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "8", memory: "64Gi" } } }] }));
    expect(failedScheduling(c, "huge")[0].message).toBe(
      "0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
    expect(
      formatFitError(12, undefined, [
        ...Array(10).fill({ code: "Unschedulable", reasons: ["Insufficient memory"], plugin: "x" }),
        ...Array(2).fill({ code: "Unschedulable", reasons: ["Insufficient cpu"], plugin: "x" }),
      ]),
    ).toBe("0/12 nodes are available: 10 Insufficient memory, 2 Insufficient cpu.");
  });

  it("explains nodeSelector mismatches and cordoned nodes", () => {
    const c = makeCluster({ nodes: kindLike });
    update(c, c.store.get<Node>("Node", undefined, "worker2")!, (n) => (n.spec.unschedulable = true));
    apply(c, pod("gpu", { nodeSelector: { accelerator: "nvidia" } }));
    expect(failedScheduling(c, "gpu")[0].message).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it("formats taints with and without a value, and honours tolerations and required affinity", () => {
    expect(errReasonUntoleratedTaint({ key: "dedicated", value: "gpu", effect: "NoSchedule" })).toBe("node(s) had untolerated taint {dedicated: gpu}");
    const c = makeCluster({
      nodes: [
        { name: "a", cpu: "2", memory: "4Gi", taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }], labels: { zone: "z1" } },
        { name: "b", cpu: "2", memory: "4Gi", labels: { zone: "z2" } },
      ],
    });
    apply(c, pod("x", { nodeSelector: { zone: "z1" } }));
    expect(failedScheduling(c, "x")[0].message).toBe(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
    apply(c, pod("y", { tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["z1"] }] }] } } } }));
    expect(getPod(c, "y").spec.nodeName).toBe("a");
  });

  it("rejects in PreFilter for a missing claim and an unbound immediate claim", () => {
    const c = makeCluster();
    apply(c, pod("db", { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] }));
    expect(failedScheduling(c, "db")[0].message).toBe(
      '0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    apply(c, { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "other", namespace: "default" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, storageClassName: "fast" } });
    apply(c, pod("db2", { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "other" } }] }));
    expect(failedScheduling(c, "db2")[0].message).toBe(
      "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it("retries every five minutes when nothing changes, aggregating the event", () => {
    const c = makeCluster();
    apply(c, pod("big", { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "3" } } }] }));
    c.advanceBy(60_000);
    expect(failedScheduling(c, "big")[0].count).toBe(1);
    c.advanceBy(14 * 60_000);
    const [ev] = failedScheduling(c, "big");
    expect(ev.count).toBe(3);
    expect(Date.parse(ev.lastTimestamp) - START).toBeGreaterThanOrEqual(10 * 60_000);
    expect(Date.parse(ev.lastTimestamp) - START).toBeLessThanOrEqual(11 * 60_000);
  });

  it("retries when the cluster changes: a node is labelled", () => {
    const c = makeCluster();
    apply(c, pod("gpu", { nodeSelector: { accelerator: "nvidia" } }));
    c.advanceBy(30_000);
    update(c, c.store.get<Node>("Node", undefined, "worker-2")!, (n) => (n.metadata.labels = { ...n.metadata.labels, accelerator: "nvidia" }));
    expect(getPod(c, "gpu").spec.nodeName).toBe("worker-2");
    expect(eventsWithReason(c, "FailedScheduling")).toHaveLength(1);
  });

  it("retries when a pod leaves a node and frees resources", () => {
    const c = makeCluster({ nodes: [{ name: "only", cpu: "2", memory: "4Gi" }] });
    apply(c, pod("hog", { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "1500m" } } }] }));
    apply(c, pod("next", { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "1" } } }] }));
    expect(getPod(c, "next").spec.nodeName).toBeUndefined();
    c.advanceBy(10_000);
    c.store.remove("Pod", "default", "hog");
    c.advanceBy(100);
    expect(getPod(c, "next").spec.nodeName).toBe("only");
    expect(failedScheduling(c, "next")[0].count).toBe(1);
  });

  it("preempts lower-priority pods for a higher-priority one", () => {
    const c = makeCluster({ nodes: [{ name: "only", cpu: "2", memory: "4Gi" }] });
    apply(c, pod("low", { containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "1500m" } } }] }));
    c.advanceBy(5000);
    apply(c, pod("high", { priority: 1000, containers: [{ name: "app", image: "nginx", resources: { requests: { cpu: "1" } } }] }));
    expect(getPod(c, "low").metadata.deletionTimestamp).toBeDefined();
    expect(c.events.about(getPod(c, "low")).at(-1)).toMatchObject({ reason: "Preempted", message: `Preempted by pod ${getPod(c, "high").metadata.uid} on node only` });
    expect((getPod(c, "high").status as { nominatedNodeName?: string }).nominatedNodeName).toBe("only");
    c.advanceBy(5000);
    expect(getPod(c, "high").spec.nodeName).toBe("only");
  });

  it("says so when there are no nodes", () => {
    const c = makeCluster({ nodes: [] });
    apply(c, pod("lonely"));
    expect(failedScheduling(c, "lonely")[0].message).toBe("no nodes available to schedule pods");
  });
});
