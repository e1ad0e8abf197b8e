/**
 * The Recreate strategy (`recreate.go`): scale every old ReplicaSet to zero, wait until no
 * old pod is left (terminating pods included), then create and scale up the new one.
 */
import type { Deployment, Pod, ReplicaSet } from "../../model/types";
import type { ControllerContext } from "../../runtime/controller";
import { matchesSelector } from "../../model/labels";
import { activeReplicaSets, actualReplicaCount, deploymentComplete, replicasOf } from "./deployment-util";
import { syncRolloutStatus } from "./progress";
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type ReplicaSetsOfDeployment } from "./sync";

function oldPodsRunning(ctx: ControllerContext, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  const owners = new Set(oldRSs.map((rs) => rs.metadata.uid));
  for (const pod of ctx.store.list<Pod>("Pod", d.metadata.namespace)) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || !owners.has(ref.uid) || (newRS && ref.uid === newRS.metadata.uid)) continue;
    if (!matchesSelector(pod.metadata.labels, d.spec.selector)) continue;
    if (pod.status?.phase === "Failed" || pod.status?.phase === "Succeeded") continue;
    return true;
  }
  return false;
}

/**
 * `rolloutRecreate`: one step of a Recreate rollout. `found` is what
 * `getAllReplicaSetsAndSyncRevision(…, false)` gave in this sync.
 */
export function rolloutRecreate(ctx: ControllerContext, d: Deployment, rsList: ReplicaSet[], found: ReplicaSetsOfDeployment): void {
  let { newRS, oldRSs } = found;
  let allRSs: (ReplicaSet | undefined)[] = [...oldRSs, newRS];

  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) {
    if (replicasOf(rs) === 0) continue;
    if (scaleReplicaSetAndRecordEvent(ctx, d, rs, 0)) scaledDown = true;
  }
  if (scaledDown || oldPodsRunning(ctx, d, newRS, oldRSs)) {
    syncRolloutStatus(ctx, d, allRSs, newRS);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) scaleReplicaSetAndRecordEvent(ctx, d, newRS, replicasOf(d));
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, d, oldRSs);
  syncRolloutStatus(ctx, d, allRSs, newRS);
}
