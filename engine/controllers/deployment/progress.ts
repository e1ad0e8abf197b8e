/**
 * `syncRolloutStatus` (`progress.go`): status during a rollout, the Progressing condition
 * (created, progressing, complete, timed out) and ReplicaFailure copied from ReplicaSets,
 * with a wake-up at the progress deadline so ProgressDeadlineExceeded appears on time.
 */
import type { Deployment, DeploymentCondition, ReplicaSet } from "../../model/types";
import type { ControllerContext } from "../../runtime/controller";
import {
  DeploymentReason,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  newCondition,
  progressDeadlineAt,
  removeCondition,
  setCondition,
} from "./deployment-util";
import { calculateStatus, statusEqual } from "./sync";

function replicaFailure(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition | undefined {
  const ordered = newRS ? [newRS, ...allRSs.filter((rs) => rs && rs !== newRS)] : allRSs;
  for (const rs of ordered) {
    const c = (rs?.status as { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] } | undefined)?.conditions?.find(
      (x) => x.type === "ReplicaFailure",
    );
    if (c) {
      return {
        type: "ReplicaFailure",
        status: c.status as DeploymentCondition["status"],
        lastUpdateTime: c.lastTransitionTime,
        lastTransitionTime: c.lastTransitionTime,
        reason: c.reason,
        message: c.message,
      };
    }
  }
  return undefined;
}

/** `syncRolloutStatus`: computes and writes the Deployment status during a rollout. */
export function syncRolloutStatus(ctx: ControllerContext, d: Deployment, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  const next = calculateStatus(ctx, d, allRSs, newRS);
  if (!hasProgressDeadline(d)) removeCondition(next, "Progressing");

  const current = getCondition(d.status, "Progressing");
  const isComplete = (next.replicas ?? 0) === (next.updatedReplicas ?? 0) && current?.reason === DeploymentReason.NewRSAvailable;
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, next)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(next, newCondition("Progressing", "True", DeploymentReason.NewRSAvailable, msg, ctx.now));
    } else if (deploymentProgressing(d, next)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const cond = newCondition("Progressing", "True", DeploymentReason.ReplicaSetUpdated, msg, ctx.now);
      if (current) {
        if (current.status === "True") cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(next, "Progressing");
      }
      setCondition(next, cond);
    } else if (deploymentTimedOut(d, next, ctx.now)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(next, newCondition("Progressing", "False", DeploymentReason.TimedOut, msg, ctx.now));
    }
  }

  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(next, failure);
  else removeCondition(next, "ReplicaFailure");

  if (statusEqual(d.status, next)) {
    requeueStuckDeployment(ctx, d, next);
    return;
  }
  d.status = next;
  ctx.store.touch(d);
  requeueStuckDeployment(ctx, d, next);
}

/** `requeueStuckDeployment`: wakes the controller just after the progress deadline. */
function requeueStuckDeployment(ctx: ControllerContext, d: Deployment, next: Deployment["status"]): void {
  const current = getCondition(d.status, "Progressing");
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, next) || current.reason === DeploymentReason.TimedOut || current.reason === DeploymentReason.NewRSAvailable) return;
  const at = progressDeadlineAt(d, d.status);
  if (at !== undefined) ctx.wakeAt(Math.max(ctx.now, at + 1000));
}
