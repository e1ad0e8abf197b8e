/**
 * The parts of the deployment controller every strategy shares (`sync.go`): finding the new
 * and old ReplicaSets and syncing revisions, creating the new ReplicaSet, scaling (with
 * proportional scaling mid-rollout), cleaning up history, and computing status.
 */
import { clonePlain } from "../clone-plain";
import type { Deployment, ReplicaSet } from "../../model/types";
import { controllerRef } from "../../runtime/controller";
import type { ControllerContext } from "../../runtime/controller";
import { podTemplateHashOf, POD_TEMPLATE_HASH_LABEL, rememberTemplateKey, templateKeyIgnoringHash, templateKeyOf } from "./pod-template-hash";
import {
  activeReplicaSets,
  actualReplicaCount,
  availableReplicaCount,
  byCreationTimestamp,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  DeploymentReason,
  type DeploymentStatus,
  getCondition,
  getProportion,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  readyReplicaCount,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  REVISION_ANNOTATION,
  setCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicaCount,
} from "./deployment-util";

/** The component name on the deployment controller's events. */
export const DEPLOYMENT_CONTROLLER = "deployment-controller";

/** The Deployment's new ReplicaSet (template matches) and all the others. */
export interface ReplicaSetsOfDeployment {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

function recordScaling(ctx: ControllerContext, d: Deployment, op: "up" | "down", rs: ReplicaSet, from: number, to: number): void {
  ctx.events.record(d, "Normal", "ScalingReplicaSet", `Scaled ${op} replica set ${rs.metadata.name} from ${from} to ${to}`, { component: DEPLOYMENT_CONTROLLER });
}

/** `FindNewReplicaSet`: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash label). */
export function findNewReplicaSet(d: Deployment, rsList: ReplicaSet[]): ReplicaSet | undefined {
  const want = templateKeyOf(d);
  return [...rsList].sort(byCreationTimestamp).find((rs) => templateKeyOf(rs) === want);
}

/** The ReplicaSets a Deployment owns (by controller reference uid). */
export function replicaSetsOwnedBy(ctx: ControllerContext, d: Deployment): ReplicaSet[] {
  return ctx.store
    .list<ReplicaSet>("ReplicaSet", d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/** The new ReplicaSet (creating it when `create`), its revision synced, and the old ones. */
export function getAllReplicaSetsAndSyncRevision(ctx: ControllerContext, d: Deployment, rsList: ReplicaSet[], create: boolean): ReplicaSetsOfDeployment {
  const existing = findNewReplicaSet(d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const newRS = getNewReplicaSet(ctx, d, existing, oldRSs, create);
  return { newRS, oldRSs: oldRSs.filter((rs) => rs !== newRS) };
}

function getNewReplicaSet(ctx: ControllerContext, d: Deployment, existing: ReplicaSet | undefined, oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    const annotationsUpdated = setNewReplicaSetAnnotations(d, existing, newRevision, true);
    const minReady = d.spec.minReadySeconds ?? 0;
    const minReadyChanged = (existing.spec.minReadySeconds ?? 0) !== minReady;
    if (minReadyChanged) {
      if (minReady) existing.spec.minReadySeconds = minReady;
      else delete existing.spec.minReadySeconds;
    }
    if (annotationsUpdated || minReadyChanged) ctx.store.touch(existing, minReadyChanged);
    let needsUpdate = setDeploymentRevision(d, existing.metadata.annotations?.[REVISION_ANNOTATION]);
    if (hasProgressDeadline(d) && !getCondition(d.status, "Progressing")) {
      d.status ??= {};
      setCondition(d.status, newCondition("Progressing", "True", DeploymentReason.FoundNewRS, `Found new replica set "${existing.metadata.name}"`, ctx.now));
      needsUpdate = true;
    }
    if (needsUpdate) ctx.store.touch(d);
    return existing;
  }
  if (!create) return undefined;

  const collisionCount = (d.status as { collisionCount?: number } | undefined)?.collisionCount;
  const hash = podTemplateHashOf(d, collisionCount);
  const template = clonePlain(d.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const selector = clonePlain(d.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = `${d.metadata.name}-${hash}`;

  const clash = ctx.store.get<ReplicaSet>("ReplicaSet", d.metadata.namespace, name);
  if (clash) {
    // A ReplicaSet with this name but another template: a hash collision. Bump the count and retry.
    const ownedByUs = clash.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid);
    if (!ownedByUs || templateKeyIgnoringHash(clash.spec.template) !== templateKeyOf(d)) {
      d.status ??= {};
      (d.status as { collisionCount?: number }).collisionCount = (collisionCount ?? 0) + 1;
      ctx.store.touch(d);
    }
    return undefined;
  }

  const rs: ReplicaSet = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels! },
      ownerReferences: [controllerRef(d, "apps/v1")],
    },
    spec: { replicas: 0, selector, template },
    status: { replicas: 0 },
  };
  if (d.spec.minReadySeconds) rs.spec.minReadySeconds = d.spec.minReadySeconds;
  const newReplicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  rs.spec.replicas = newReplicas;
  setNewReplicaSetAnnotations(d, rs, newRevision, false);
  ctx.store.create(rs);
  // Its template is the Deployment's plus the hash label (when the Deployment's has labels, as
  // its selector requires): the same key, ignoring that label.
  if (d.spec.template.metadata?.labels) rememberTemplateKey(rs, templateKeyOf(d));
  if (newReplicas > 0) recordScaling(ctx, d, "up", rs, 0, newReplicas);

  setDeploymentRevision(d, String(newRevision));
  if (hasProgressDeadline(d)) {
    d.status ??= {};
    setCondition(d.status, newCondition("Progressing", "True", DeploymentReason.NewReplicaSet, `Created new replica set "${name}"`, ctx.now));
  }
  ctx.store.touch(d);
  return rs;
}

/** `NewRSNewReplicas`: how far the new ReplicaSet may grow now (bounded by maxSurge for RollingUpdate). */
export function newRSNewReplicas(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
  if ((d.spec.strategy?.type ?? "RollingUpdate") === "Recreate") return replicasOf(d);
  const surge = maxSurgeRaw(d);
  const current = specReplicaCount(allRSs);
  const maxTotal = replicasOf(d) + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  const up = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  return replicasOf(newRS) + up;
}

/** maxSurge as `NewRSNewReplicas` reads it: scaled, rounded up, without the fencepost fix. */
function maxSurgeRaw(d: Deployment): number {
  const v = d.spec.strategy?.rollingUpdate?.maxSurge;
  if (v === undefined) return 0;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  return m ? Math.ceil((Number(m[1]) * replicasOf(d)) / 100) : Number(v) || 0;
}

/**
 * `scaleReplicaSet`: sets replicas and the replicas annotations; records `ScalingReplicaSet`
 * when the size changed. Returns whether it scaled.
 */
export function scaleReplicaSet(ctx: ControllerContext, d: Deployment, rs: ReplicaSet, newScale: number, op: "up" | "down"): boolean {
  const old = replicasOf(rs);
  const sizeNeedsUpdate = old !== newScale;
  const desired = replicasOf(d);
  const max = desired + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
  rs.spec.replicas = newScale;
  setReplicasAnnotations(rs, desired, max);
  ctx.store.touch(rs, sizeNeedsUpdate);
  if (sizeNeedsUpdate) recordScaling(ctx, d, op, rs, old, newScale);
  return sizeNeedsUpdate;
}

/** `scaleReplicaSetAndRecordEvent`. */
export function scaleReplicaSetAndRecordEvent(ctx: ControllerContext, d: Deployment, rs: ReplicaSet, newScale: number): boolean {
  if (replicasOf(rs) === newScale) return false;
  return scaleReplicaSet(ctx, d, rs, newScale, replicasOf(rs) < newScale ? "up" : "down");
}

function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sortedOld = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = activeReplicaSets([...sortedOld, newRS]);
  if (active.length === 0) return newRS ?? sortedOld[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** `scale`: scaling events and paused Deployments, including proportional scaling mid-rollout. */
export function scale(ctx: ControllerContext, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const target = findActiveOrLatest(newRS, oldRSs);
  if (target) {
    if (replicasOf(target) !== replicasOf(d)) scaleReplicaSetAndRecordEvent(ctx, d, target, replicasOf(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, d, old, 0);
    return;
  }
  if ((d.spec.strategy?.type ?? "RollingUpdate") !== "RollingUpdate") return;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allReplicas = specReplicaCount(all);
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - allReplicas;
  let op: "up" | "down" = "up";
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) {
    all.sort(bySizeOlder);
    op = "down";
  }
  let added = 0;
  const sizes = new Map<ReplicaSet, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const p = getProportion(rs, d, toAdd, added);
      sizes.set(rs, replicasOf(rs) + p);
      added += p;
    } else sizes.set(rs, replicasOf(rs));
  }
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) sizes.set(rs, Math.max(0, sizes.get(rs)! + toAdd - added));
    scaleReplicaSet(ctx, d, rs, sizes.get(rs)!, op);
  });
}

/** `cleanupDeployment`: deletes the oldest zero-replica ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(ctx: ControllerContext, d: Deployment, oldRSs: ReplicaSet[]): void {
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec.revisionHistoryLimit!;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    ctx.store.remove("ReplicaSet", rs.metadata.namespace, rs.metadata.name);
  }
}

/** `calculateStatus`: counts from the ReplicaSets, and the Available condition. */
export function calculateStatus(ctx: ControllerContext, d: Deployment, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const total = specReplicaCount(allRSs);
  const unavailable = Math.max(0, total - available);
  const status: DeploymentStatus = {};
  const collisionCount = (d.status as { collisionCount?: number } | undefined)?.collisionCount;
  if (d.metadata.generation) status.observedGeneration = d.metadata.generation;
  const replicas = actualReplicaCount(allRSs);
  const updated = actualReplicaCount([newRS]);
  const ready = readyReplicaCount(allRSs);
  if (replicas) status.replicas = replicas;
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (unavailable) status.unavailableReplicas = unavailable;
  status.conditions = [...(d.status?.conditions ?? [])];
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition("Available", "True", DeploymentReason.MinimumReplicasAvailable, "Deployment has minimum availability.", ctx.now));
  } else {
    setCondition(status, newCondition("Available", "False", DeploymentReason.MinimumReplicasUnavailable, "Deployment does not have minimum availability.", ctx.now));
  }
  if (collisionCount !== undefined) (status as { collisionCount?: number }).collisionCount = collisionCount;
  return status;
}

function conditionsEqual(a: DeploymentStatus["conditions"], b: DeploymentStatus["conditions"]): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (p.type !== q.type || p.status !== q.status || p.reason !== q.reason || p.message !== q.message || p.lastUpdateTime !== q.lastUpdateTime || p.lastTransitionTime !== q.lastTransitionTime) return false;
  }
  return true;
}

/** Deep equality of two Deployment statuses (`reflect.DeepEqual`). */
export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  const x = (a ?? {}) as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of ["observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas", "collisionCount"]) {
    if ((x[k] ?? 0) !== (y[k] ?? 0)) return false;
  }
  return conditionsEqual(a?.conditions, b.conditions);
}

/** Writes a new status when it differs from the stored one. */
export function writeStatus(ctx: ControllerContext, d: Deployment, status: DeploymentStatus): void {
  if (statusEqual(d.status, status)) return;
  d.status = status;
  ctx.store.touch(d);
}

/** `syncDeploymentStatus`: status only, for scaling events and paused Deployments. */
export function syncDeploymentStatus(ctx: ControllerContext, d: Deployment, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  writeStatus(ctx, d, calculateStatus(ctx, d, allRSs, newRS));
}

/**
 * `sync`: scale and clean up without rolling (scaling events, paused Deployments). `found` is
 * what `getAllReplicaSetsAndSyncRevision(…, false)` gave in this sync (calling it again would
 * give the same and write nothing).
 */
export function syncScaling(ctx: ControllerContext, d: Deployment, found: ReplicaSetsOfDeployment): void {
  const { newRS, oldRSs } = found;
  scale(ctx, d, newRS, oldRSs);
  if (d.spec.paused) cleanupDeployment(ctx, d, oldRSs);
  syncDeploymentStatus(ctx, d, [...oldRSs, newRS], newRS);
}

/**
 * `isScalingEvent`: an active ReplicaSet was annotated for a different replica count than the
 * spec. `found` is what `getAllReplicaSetsAndSyncRevision(…, false)` gave in this sync.
 */
export function isScalingEvent(d: Deployment, found: ReplicaSetsOfDeployment): boolean {
  const { newRS, oldRSs } = found;
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = rs.metadata.annotations?.["deployment.kubernetes.io/desired-replicas"];
    if (desired === undefined || !/^\d+$/.test(desired)) continue;
    if (Number(desired) !== replicasOf(d)) return true;
  }
  return false;
}
