/**
 * The RollingUpdate strategy (`rolling.go`): grow the new ReplicaSet within maxSurge, shrink
 * the old ones within maxUnavailable (unhealthy replicas first), then clean up history.
 */
import type { Deployment, ReplicaSet } from "../../model/types";
import type { ControllerContext } from "../../runtime/controller";
import {
  activeReplicaSets,
  availableReplicaCount,
  byCreationTimestamp,
  deploymentComplete,
  maxUnavailable,
  replicasOf,
  specReplicaCount,
} from "./deployment-util";
import { syncRolloutStatus } from "./progress";
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, newRSNewReplicas, scaleReplicaSetAndRecordEvent, type ReplicaSetsOfDeployment } from "./sync";

function reconcileNewReplicaSet(ctx: ControllerContext, d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
  if (replicasOf(newRS) === replicasOf(d)) return false;
  if (replicasOf(newRS) > replicasOf(d)) return scaleReplicaSetAndRecordEvent(ctx, d, newRS, replicasOf(d));
  return scaleReplicaSetAndRecordEvent(ctx, d, newRS, newRSNewReplicas(d, allRSs, newRS));
}

function cleanupUnhealthyReplicas(ctx: ControllerContext, d: Deployment, oldRSs: ReplicaSet[], maxCleanup: number): number {
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= maxCleanup) break;
    const replicas = replicasOf(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const down = Math.min(maxCleanup - total, replicas - available);
    scaleReplicaSetAndRecordEvent(ctx, d, rs, replicas - down);
    total += down;
  }
  return total;
}

function scaleDownOldReplicaSetsForRollingUpdate(ctx: ControllerContext, d: Deployment, allRSs: ReplicaSet[], oldRSs: ReplicaSet[]): number {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  oldRSs.sort(byCreationTimestamp);
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= toScaleDown) break;
    if (replicasOf(rs) === 0) continue;
    const down = Math.min(replicasOf(rs), toScaleDown - total);
    scaleReplicaSetAndRecordEvent(ctx, d, rs, replicasOf(rs) - down);
    total += down;
  }
  return total;
}

function reconcileOldReplicaSets(ctx: ControllerContext, d: Deployment, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): boolean {
  const oldPods = specReplicaCount(oldRSs);
  if (oldPods === 0) return false;
  const allPods = specReplicaCount(allRSs);
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(ctx, d, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctx, d, [...oldRSs, newRS], oldRSs);
  return cleaned + scaledDown > 0;
}

/**
 * `rolloutRolling`: one step of a rolling update. `found` is what
 * `getAllReplicaSetsAndSyncRevision(…, false)` gave in this sync: when it holds the new
 * ReplicaSet, asking again with `create` would find the same ones and write nothing.
 */
export function rolloutRolling(ctx: ControllerContext, d: Deployment, rsList: ReplicaSet[], found: ReplicaSetsOfDeployment): void {
  const { newRS, oldRSs } = found.newRS ? found : getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(ctx, d, allRSs, newRS)) {
    syncRolloutStatus(ctx, d, allRSs, newRS);
    return;
  }
  if (reconcileOldReplicaSets(ctx, d, allRSs, activeReplicaSets(oldRSs), newRS)) {
    syncRolloutStatus(ctx, d, allRSs, newRS);
    return;
  }
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, d, oldRSs);
  syncRolloutStatus(ctx, d, allRSs, newRS);
}
