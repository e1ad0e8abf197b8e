/**
 * The deployment controller (`deployment_controller.go` `syncDeployment`): adopts matching
 * orphan ReplicaSets, keeps the paused condition, and runs a scaling sync or one step of the
 * Deployment's strategy on every pass.
 */
import type { Deployment, ReplicaSet } from "../../model/types";
import { matchesSelector } from "../../model/labels";
import { controllerRef } from "../../runtime/controller";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { DeploymentReason, getCondition, hasProgressDeadline, newCondition, progressDeadlineAt, setCondition } from "./deployment-util";
import { rolloutRecreate } from "./recreate";
import { rolloutRolling } from "./rolling";
import { DEPLOYMENT_CONTROLLER, getAllReplicaSetsAndSyncRevision, isScalingEvent, syncDeploymentStatus, syncScaling } from "./sync";

/** ReplicaSets the Deployment controls, adopting orphans its selector matches (`ClaimReplicaSets`). */
function getReplicaSetsForDeployment(ctx: ControllerContext, d: Deployment): ReplicaSet[] {
  const out: ReplicaSet[] = [];
  for (const rs of ctx.store.list<ReplicaSet>("ReplicaSet", d.metadata.namespace)) {
    const ref = rs.metadata.ownerReferences?.find((r) => r.controller);
    if (ref) {
      if (ref.uid === d.metadata.uid) out.push(rs);
      continue;
    }
    if (d.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
    if (!matchesSelector(rs.metadata.labels, d.spec.selector)) continue;
    rs.metadata.ownerReferences = [...(rs.metadata.ownerReferences ?? []), controllerRef(d, "apps/v1")];
    ctx.store.touch(rs);
    out.push(rs);
  }
  return out;
}

/** `checkPausedConditions`: Progressing Unknown with DeploymentPaused / DeploymentResumed. */
function checkPausedConditions(ctx: ControllerContext, d: Deployment): void {
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, "Progressing");
  if (cond?.reason === DeploymentReason.TimedOut) return;
  const pausedCondExists = cond?.reason === DeploymentReason.Paused;
  d.status ??= {};
  if (d.spec.paused && !pausedCondExists) {
    setCondition(d.status, newCondition("Progressing", "Unknown", DeploymentReason.Paused, "Deployment is paused", ctx.now));
    ctx.store.touch(d);
  } else if (!d.spec.paused && pausedCondExists) {
    setCondition(d.status, newCondition("Progressing", "Unknown", DeploymentReason.Resumed, "Deployment is resumed", ctx.now));
    ctx.store.touch(d);
  }
}

/** One `syncDeployment` for one Deployment. */
export function syncDeployment(ctx: ControllerContext, d: Deployment): void {
  const rsList = getReplicaSetsForDeployment(ctx, d);
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
    syncDeploymentStatus(ctx, d, [...oldRSs, newRS], newRS);
    return;
  }
  checkPausedConditions(ctx, d);
  // Found once and handed on: every path below starts by finding them the same way.
  const found = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  if (d.spec.paused || isScalingEvent(d, found)) {
    syncScaling(ctx, d, found);
    return;
  }
  if (d.spec.strategy?.type === "Recreate") rolloutRecreate(ctx, d, rsList, found);
  else rolloutRolling(ctx, d, rsList, found);
}

/**
 * The controller reads the clock only to tell whether a progress deadline passed
 * (`deploymentTimedOut`: deadline < now); every other use stamps a condition it writes. So a
 * pass that changed nothing at `ctx.now` decides the same until just after the next deadline
 * not yet passed.
 */
function nextProgressDeadline(ctx: ControllerContext): number {
  let next = Infinity;
  for (const d of ctx.store.list<Deployment>("Deployment")) {
    if (!d.spec || !d.status) continue;
    const at = progressDeadlineAt(d, d.status);
    if (at !== undefined && at >= ctx.now && at + 1 < next) next = at + 1;
  }
  return next;
}

const WITH_PODS = ["Deployment", "ReplicaSet", "Pod"] as const;
const WITHOUT_PODS = ["Deployment", "ReplicaSet"] as const;

/**
 * What the controller reads: Deployments and ReplicaSets, and Pods only for a Recreate
 * Deployment (which waits for the old pods to be gone); a rolling update reads only its
 * ReplicaSets' counts, so the Pod writes of every kubelet sync cannot change its decisions.
 */
function inputKinds(ctx: ControllerContext): readonly string[] {
  return ctx.store.some<Deployment>("Deployment", (d) => d.spec?.strategy?.type === "Recreate") ? WITH_PODS : WITHOUT_PODS;
}

/** What a Deployment's last sync that changed nothing saw, and until when the same inputs decide the same. */
interface UnchangedDeployment {
  inputs: string;
  untilMs: number;
}

/**
 * Everything one Deployment's sync reads, as versions: the Deployment, every ReplicaSet of its
 * namespace (its own, and orphans it could adopt) and, for Recreate, the Pods. With the same
 * inputs and no progress deadline passed, the sync decides the same, so another Deployment's
 * changes do not make it run again.
 */
function deploymentInputs(ctx: ControllerContext, d: Deployment): string {
  let key = `${d.metadata.resourceVersion}`;
  if (d.spec.strategy?.type === "Recreate") key += `|pods:${ctx.store.kindVersion("Pod")}`;
  for (const rs of ctx.store.list<ReplicaSet>("ReplicaSet", d.metadata.namespace)) key += `|${rs.metadata.uid}@${rs.metadata.resourceVersion}`;
  return key;
}

/** The deployment controller. */
export const deploymentController = skipWhenUnchanged(
  {
  name: DEPLOYMENT_CONTROLLER,
  reconcile(ctx: ControllerContext): void {
    const memo = ctx.state<Record<string, UnchangedDeployment>>(DEPLOYMENT_CONTROLLER, "unchanged-deployments", () => ({}));
    const live = new Set<string>();
    for (const d of ctx.store.list<Deployment>("Deployment")) {
      if (!d.spec?.template || !d.spec.selector) continue;
      const uid = d.metadata.uid!;
      live.add(uid);
      const inputs = deploymentInputs(ctx, d);
      const last = memo[uid];
      if (last && last.inputs === inputs && ctx.now < last.untilMs) continue;
      const before = ctx.store.version;
      syncDeployment(ctx, d);
      if (ctx.store.version !== before) {
        delete memo[uid];
        continue;
      }
      const at = d.status ? progressDeadlineAt(d, d.status) : undefined;
      memo[uid] = { inputs, untilMs: at !== undefined && at >= ctx.now ? at + 1 : Infinity };
    }
    for (const uid of Object.keys(memo)) if (!live.has(uid)) delete memo[uid];
  },
} satisfies Controller,
  { kinds: inputKinds, clock: true, clockMattersAt: nextProgressDeadline },
);
