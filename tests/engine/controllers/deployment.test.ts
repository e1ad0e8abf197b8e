import { describe, expect, it } from "vitest";
import type { Deployment, Pod, ReplicaSet } from "../../../engine/model/types";
import { rollbackDeployment } from "../../../engine/controllers/deployment/rollback";
import { computePodTemplateHash } from "../../../engine/controllers/deployment/pod-template-hash";
import { maxSurge, maxUnavailable } from "../../../engine/controllers/deployment/deployment-util";
import { isPodAvailable } from "../../../engine/controllers/pod-util";
import { apply, deployment, eventLines, makeCluster, NEVER_READY, START, update } from "./helpers";
import type { Cluster } from "../../../engine/runtime/cluster";

function rsOf(cluster: Cluster, name: string): ReplicaSet[] {
  return cluster.store.list<ReplicaSet>("ReplicaSet", "default").filter((rs) => rs.metadata.name.startsWith(`${name}-`));
}
function podsOf(cluster: Cluster, app: string): Pod[] {
  return cluster.store.list<Pod>("Pod", "default").filter((p) => p.metadata.labels?.app === app);
}
function getDeploy(cluster: Cluster, name: string): Deployment {
  return cluster.store.get<Deployment>("Deployment", "default", name)!;
}

describe("deployment controller", () => {
  it("creates one ReplicaSet per template hash, with revision annotations and pods", () => {
    const c = makeCluster();
    const d = apply(c, deployment("web"));
    const [rs] = rsOf(c, "web");
    const hash = computePodTemplateHash(d.spec.template);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.spec.selector.matchLabels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.metadata.annotations).toEqual({
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
      "deployment.kubernetes.io/revision": "1",
    });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", name: "web", controller: true, blockOwnerDeletion: true });
    expect(getDeploy(c, "web").metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("1");
    expect(eventLines(c, getDeploy(c, "web"))).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    const pods = podsOf(c, "web");
    expect(pods).toHaveLength(3);
    for (const p of pods) expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
  });

  it("reports progress, then availability and NewReplicaSetAvailable", () => {
    const c = makeCluster();
    apply(c, deployment("web"));
    let d = getDeploy(c, "web");
    const rsName = rsOf(c, "web")[0].metadata.name;
    // NewReplicaSetCreated is replaced within the same instant, once the ReplicaSet reports its pods.
    expect(d.status.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."],
      ["Progressing", "True", "ReplicaSetUpdated", `ReplicaSet "${rsName}" is progressing.`],
    ]);
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    c.advanceBy(5000);
    d = getDeploy(c, "web");
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(d.status.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."],
      ["Progressing", "True", "NewReplicaSetAvailable", `ReplicaSet "${rsName}" has successfully progressed.`],
    ]);
  });

  it("marks ProgressDeadlineExceeded when pods never become ready", () => {
    const c = makeCluster();
    apply(c, deployment("web", { labels: { [NEVER_READY]: "1" }, progressDeadlineSeconds: 60 }));
    const rsName = rsOf(c, "web")[0].metadata.name;
    c.advanceBy(30_000);
    expect(getDeploy(c, "web").status.conditions?.find((x) => x.type === "Progressing")?.reason).toBe("ReplicaSetUpdated");
    c.advanceBy(35_000);
    const cond = getDeploy(c, "web").status.conditions?.find((x) => x.type === "Progressing");
    expect(cond).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded", message: `ReplicaSet "${rsName}" has timed out progressing.` });
    // 60s after the condition's last update, plus the controller's one-second requeue margin.
    expect(Date.parse(cond!.lastUpdateTime!) - START).toBe(61_000);
  });

  it("resolves fenceposts: surge rounds up, unavailable rounds down, never both zero", () => {
    const d = deployment("x", { replicas: 3 });
    d.spec.strategy = { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } };
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([1, 0]);
    d.spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: "10%" };
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 1]);
    d.spec.replicas = 10;
    d.spec.strategy.rollingUpdate = { maxSurge: "30%", maxUnavailable: "30%" };
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([3, 3]);
  });

  for (const [surge, unavailable] of [
    ["25%", "25%"],
    [0, 1],
    [2, 0],
    ["50%", "50%"],
  ] as const) {
    it(`rolls out within maxSurge=${surge} maxUnavailable=${unavailable} at every step`, () => {
      const c = makeCluster();
      const replicas = 4;
      apply(c, deployment("web", { replicas, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } }));
      c.advanceBy(5000);
      const d0 = getDeploy(c, "web");
      const maxTotal = replicas + maxSurge(d0);
      const minAvailable = replicas - maxUnavailable(d0);
      update(c, d0, (d) => (d.spec.template.spec.containers[0].image = "nginx:1.28"));
      let done = false;
      for (let step = 0; step < 200 && !done; step++) {
        const rss = rsOf(c, "web");
        const total = rss.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
        const available = podsOf(c, "web").filter((p) => !p.metadata.deletionTimestamp && isPodAvailable(p, 0, c.now())).length;
        expect(total).toBeLessThanOrEqual(maxTotal);
        expect(available).toBeGreaterThanOrEqual(minAvailable);
        const d = getDeploy(c, "web");
        done = d.status.conditions?.some((x) => x.reason === "NewReplicaSetAvailable") === true && (d.status.updatedReplicas ?? 0) === replicas && rss.length === 2 && rss.some((rs) => rs.spec.replicas === 0);
        c.advanceBy(500);
      }
      expect(done).toBe(true);
      const rss = rsOf(c, "web");
      const newRS = rss.find((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"] === "2")!;
      expect(newRS.spec.replicas).toBe(replicas);
      c.advanceBy(5000);
      expect(podsOf(c, "web").map((p) => p.spec.containers[0].image)).toEqual(Array(replicas).fill("nginx:1.28"));
      expect(getDeploy(c, "web").metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    });
  }

  it("writes v1.32 ScalingReplicaSet events during a rolling update", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 2 }));
    c.advanceBy(5000);
    const old = rsOf(c, "web")[0].metadata.name;
    update(c, getDeploy(c, "web"), (d) => (d.spec.template.spec.containers[0].image = "nginx:1.28"));
    c.advanceBy(20_000);
    const next = rsOf(c, "web").find((rs) => rs.metadata.name !== old)!.metadata.name;
    expect(eventLines(c, getDeploy(c, "web"))).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${old} from 0 to 2`,
      `ScalingReplicaSet: Scaled up replica set ${next} from 0 to 1`,
      `ScalingReplicaSet: Scaled down replica set ${old} from 2 to 1`,
      `ScalingReplicaSet: Scaled up replica set ${next} from 1 to 2`,
      `ScalingReplicaSet: Scaled down replica set ${old} from 1 to 0`,
    ]);
  });

  it("Recreate scales the old ReplicaSet to zero and waits for its pods to go before the new one", () => {
    const c = makeCluster();
    apply(c, deployment("db", { replicas: 2, strategy: { type: "Recreate" } }));
    c.advanceBy(5000);
    const old = rsOf(c, "db")[0];
    update(c, getDeploy(c, "db"), (d) => (d.spec.template.spec.containers[0].image = "postgres:17"));
    expect(old.spec.replicas).toBe(0);
    expect(rsOf(c, "db")).toHaveLength(1);
    expect(podsOf(c, "db").every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.advanceBy(1500);
    const rss = rsOf(c, "db");
    expect(rss).toHaveLength(2);
    expect(podsOf(c, "db").every((p) => p.spec.containers[0].image === "postgres:17")).toBe(true);
    c.advanceBy(5000);
    expect(getDeploy(c, "db").status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
  });

  it("scales proportionally and records scaling events", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 2 }));
    c.advanceBy(5000);
    update(c, getDeploy(c, "web"), (d) => (d.spec.replicas = 5));
    const [rs] = rsOf(c, "web");
    expect(rs.spec.replicas).toBe(5);
    expect(rs.metadata.annotations?.["deployment.kubernetes.io/desired-replicas"]).toBe("5");
    expect(eventLines(c, getDeploy(c, "web")).at(-1)).toBe(`ScalingReplicaSet: Scaled up replica set ${rs.metadata.name} from 2 to 5`);
  });

  it("rolls back to the previous revision and to a given revision, with kubectl's messages", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 1 }));
    c.advanceBy(5000);
    update(c, getDeploy(c, "web"), (d) => {
      d.spec.template.spec.containers[0].image = "nginx:1.28";
      d.metadata.annotations = { ...d.metadata.annotations, "kubernetes.io/change-cause": "bump to 1.28" };
    });
    c.advanceBy(20_000);
    expect(rsOf(c, "web").find((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"] === "2")?.metadata.annotations?.["kubernetes.io/change-cause"]).toBe("bump to 1.28");

    expect(rollbackDeployment(c.store, getDeploy(c, "web"), 5)).toEqual({ ok: false, error: "error: unable to find specified revision 5 in history" });
    const undo = rollbackDeployment(c.store, getDeploy(c, "web"));
    expect(undo).toEqual({ ok: true, message: "deployment.apps/web rolled back" });
    c.reconcile();
    c.advanceBy(20_000);
    const d = getDeploy(c, "web");
    expect(d.spec.template.spec.containers[0].image).toBe("nginx:1.27");
    expect(d.spec.template.metadata?.labels?.["pod-template-hash"]).toBeUndefined();
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    const revived = rsOf(c, "web").find((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"] === "3")!;
    expect(revived.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(rsOf(c, "web")).toHaveLength(2);
    expect(rollbackDeployment(c.store, getDeploy(c, "web"), 3)).toEqual({
      ok: true,
      message: "deployment.apps/web skipped rollback (current template already matches revision 3)",
    });
  });

  it("refuses to roll back a paused deployment, and reports the paused condition", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 1 }));
    c.advanceBy(5000);
    update(c, getDeploy(c, "web"), (d) => (d.spec.template.spec.containers[0].image = "nginx:1.26"));
    c.advanceBy(20_000);
    update(c, getDeploy(c, "web"), (d) => (d.spec.paused = true));
    expect(getDeploy(c, "web").status.conditions?.find((x) => x.type === "Progressing")).toMatchObject({ status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused" });
    update(c, getDeploy(c, "web"), (d) => (d.spec.template.spec.containers[0].image = "nginx:1.28"));
    expect(rsOf(c, "web")).toHaveLength(2);
    expect(rollbackDeployment(c.store, getDeploy(c, "web"))).toEqual({
      ok: false,
      error: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    });
    update(c, getDeploy(c, "web"), (d) => (d.spec.paused = false));
    expect(rsOf(c, "web")).toHaveLength(3);
  });

  it("cleans up old zero-replica ReplicaSets beyond revisionHistoryLimit", () => {
    const c = makeCluster();
    const d = deployment("web", { replicas: 1 });
    d.spec.revisionHistoryLimit = 2;
    apply(c, d);
    for (const tag of ["1.20", "1.21", "1.22", "1.23", "1.24"]) {
      c.advanceBy(5000);
      update(c, getDeploy(c, "web"), (x) => (x.spec.template.spec.containers[0].image = `nginx:${tag}`));
    }
    c.advanceBy(30_000);
    const revisions = rsOf(c, "web")
      .map((rs) => Number(rs.metadata.annotations?.["deployment.kubernetes.io/revision"]))
      .sort((a, b) => a - b);
    expect(revisions).toEqual([4, 5, 6]);
  });

  it("copies ReplicaFailure from a ReplicaSet that cannot create pods", () => {
    const c = makeCluster();
    const d = deployment("api", { replicas: 1 });
    d.spec.template.spec.serviceAccountName = "api";
    apply(c, d);
    c.advanceBy(1000);
    const rs = rsOf(c, "api")[0];
    const cond = getDeploy(c, "api").status.conditions?.find((x) => x.type === "ReplicaFailure");
    expect(cond).toMatchObject({
      status: "True",
      reason: "FailedCreate",
      message: `pods "${rs.metadata.name}-" is forbidden: error looking up service account default/api: serviceaccount "api" not found`,
    });
    const failed = c.events.about(rs).filter((e) => e.reason === "FailedCreate");
    expect(failed).toHaveLength(1);
    expect(failed[0].count).toBeGreaterThan(5);
    expect(failed[0].message).toBe(`Error creating: pods "${rs.metadata.name}-" is forbidden: error looking up service account default/api: serviceaccount "api" not found`);
  });
});

describe("replicaset create failures", () => {
  it("retries after its back-off once the ServiceAccount exists", () => {
    const c = makeCluster();
    const d = deployment("api", { replicas: 1 });
    d.spec.template.spec.serviceAccountName = "api";
    apply(c, d);
    c.advanceBy(60_000);
    const rs = c.store.list<ReplicaSet>("ReplicaSet", "default")[0];
    const before = c.events.about(rs).find((e) => e.reason === "FailedCreate")!;
    const lastTry = Date.parse(before.lastTimestamp);
    apply(c, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "api", namespace: "default" } });
    expect(c.store.list<Pod>("Pod", "default")).toHaveLength(0);
    c.advanceBy(120_000);
    const pods = c.store.list<Pod>("Pod", "default");
    expect(pods).toHaveLength(1);
    expect(Date.parse(pods[0].metadata.creationTimestamp!)).toBeGreaterThan(lastTry);
    expect(rs.status).not.toHaveProperty("conditions");
  });
});
