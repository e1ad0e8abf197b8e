import { describe, expect, it } from "vitest";
import type { DaemonSet, Pod } from "../../../engine/model/types";
import { eventsOf, kubectl, world } from "./harness";

const AGENT = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: log-agent, namespace: shop }
spec:
  selector:
    matchLabels: { app: log-agent }
  template:
    metadata:
      labels: { app: log-agent }
    spec:
      containers:
        - name: agent
          image: busybox:1.36
          command: ["sh", "-c", "while true; do echo shipping; sleep 30; done"]
`;

function podsOn(pods: Pod[]): string[] {
  return pods.map((p) => `${p.spec.nodeName} ${p.status.phase}`).sort();
}

describe("DaemonSet controller", () => {
  it("runs one pod per schedulable worker and reports status", () => {
    const { cluster } = world(AGENT);
    const ds = cluster.store.get<DaemonSet>("DaemonSet", "shop", "log-agent")!;
    expect(ds.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    const pods = cluster.store.list<Pod>("Pod", "shop");
    expect(podsOn(pods)).toEqual(["worker-1 Running", "worker-2 Running"]);
    const p = pods[0];
    expect(p.metadata.name).toMatch(/^log-agent-[a-z0-9]{5}$/);
    expect(p.metadata.labels).toMatchObject({ app: "log-agent", "pod-template-generation": "1" });
    expect(p.metadata.labels?.["controller-revision-hash"]).toMatch(/^[a-z0-9]+$/);
    expect(p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([{ matchFields: [{ key: "metadata.name", operator: "In", values: [p.spec.nodeName] }] }]);
    expect(p.spec.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      "node.kubernetes.io/not-ready:NoExecute",
      "node.kubernetes.io/unreachable:NoExecute",
      "node.kubernetes.io/disk-pressure:NoSchedule",
      "node.kubernetes.io/memory-pressure:NoSchedule",
      "node.kubernetes.io/pid-pressure:NoSchedule",
      "node.kubernetes.io/unschedulable:NoSchedule",
    ]);
    expect(ds.status).toEqual({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2 });
    expect(eventsOf(cluster, ds).every((e) => /^SuccessfulCreate: Created pod: log-agent-[a-z0-9]{5}$/.test(e))).toBe(true);
    expect(kubectl(cluster, "get ds").stdout).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nlog-agent\s+2\s+2\s+2\s+2\s+2\s+<none>\s+6m\n$/);
  });

  it("runs on the control plane when it tolerates its taint, and honours nodeSelector", () => {
    const tolerating = AGENT.replace("      containers:", "      tolerations:\n        - { key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule }\n      containers:");
    expect(podsOn(world(tolerating).cluster.store.list<Pod>("Pod", "shop"))).toEqual(["control-plane Running", "worker-1 Running", "worker-2 Running"]);
    const selecting = AGENT.replace("      containers:", "      nodeSelector: { kubernetes.io/hostname: worker-2 }\n      containers:");
    expect(podsOn(world(selecting).cluster.store.list<Pod>("Pod", "shop"))).toEqual(["worker-2 Running"]);
  });

  it("rolls an update one node at a time", () => {
    const { cluster } = world(AGENT);
    const before = cluster.store.list<Pod>("Pod", "shop").map((p) => p.metadata.name);
    expect(kubectl(cluster, "set image ds/log-agent agent=busybox:latest").stderr).toBe("");
    cluster.reconcile();
    const terminating = cluster.store.list<Pod>("Pod", "shop").filter((p) => p.metadata.deletionTimestamp);
    expect(terminating.length).toBe(1);
    cluster.advanceBy(120_000);
    const after = cluster.store.list<Pod>("Pod", "shop");
    expect(after.length).toBe(2);
    expect(after.some((p) => before.includes(p.metadata.name))).toBe(false);
    const ds = cluster.store.get<DaemonSet>("DaemonSet", "shop", "log-agent")!;
    expect(ds.status).toMatchObject({ updatedNumberScheduled: 2, numberReady: 2, observedGeneration: 2 });
    expect(after.every((p) => p.metadata.labels?.["pod-template-generation"] === "2")).toBe(true);
  });

  it("removes its pods from a node it no longer selects", () => {
    const { cluster } = world(AGENT);
    expect(kubectl(cluster, "label node worker-1 disktype=ssd").stderr).toBe("");
    const r = kubectl(cluster, "patch ds log-agent -p {\"spec\":{\"template\":{\"spec\":{\"nodeSelector\":{\"disktype\":\"ssd\"}}}}}");
    expect(r.stderr).toBe("");
    cluster.advanceBy(120_000);
    expect(podsOn(cluster.store.list<Pod>("Pod", "shop"))).toEqual(["worker-1 Running"]);
    expect(cluster.store.get<DaemonSet>("DaemonSet", "shop", "log-agent")!.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 0 });
  });
});
