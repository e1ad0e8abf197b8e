/**
 * The StatefulSet controller (`stateful_set_control.go`): pods with a stable identity
 * `<set>-0..N-1`, created in order and each only once the one before is Running and Ready
 * (`OrderedReady`) or all at once (`Parallel`); claims from the volume claim templates;
 * scale-down from the highest ordinal; RollingUpdate from the highest ordinal down to the
 * partition, one pod at a time; failed pods recreated; status with revisions.
 */
import type { ControllerRevision, Pod, PodTemplateSpec, StatefulSet, WorkloadCondition } from "../../model/types";
import { matchesSelector } from "../../model/labels";
import { controllerRef } from "../../runtime/controller";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { podCapacityAdmissionError, serviceAccountAdmissionError } from "../defaults";
import { resourceQuotaAdmissionError } from "../resourcequota/quota-admission";
import { requestPodDeletion } from "../pod-deletion";
import { isPodAvailable, isPodReady, podAvailableAt, podsByNamespace } from "../pod-util";
import { createMissingClaims, newStatefulPod, ordinalOf, statefulPodName } from "./identity";
import { CONTROLLER_REVISION_HASH_LABEL, templateHash } from "./revision";
import { ensureUpdateRevision, revisionTemplate, truncateHistory } from "../history/controller-history";

/** The component name on the StatefulSet controller's events. */
export const STATEFULSET_CONTROLLER = "statefulset-controller";

function isCreated(pod: Pod): boolean {
  return pod.status?.phase !== undefined;
}
function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}
function isFinished(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}
/** `isRunningAndReady`. */
function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === "Running" && isPodReady(pod);
}
/** `isHealthy`: running, ready, not being deleted. */
function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}
function podRevision(pod: Pod): string | undefined {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
}

/** Pods this set owns (adopting orphans that match its selector and name), by namespace. */
function claimPods(ctx: ControllerContext, set: StatefulSet, candidates: Pod[]): Pod[] {
  const out: Pod[] = [];
  for (const pod of candidates) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (ref) {
      if (ref.uid === set.metadata.uid) out.push(pod);
      continue;
    }
    if (set.metadata.deletionTimestamp || isTerminating(pod)) continue;
    if (!matchesSelector(pod.metadata.labels, set.spec.selector) || ordinalOf(set, pod) < 0) continue;
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), controllerRef(set, "apps/v1")];
    ctx.store.touch(pod);
    out.push(pod);
  }
  return out;
}

function record(ctx: ControllerContext, set: StatefulSet, type: "Normal" | "Warning", reason: string, message: string): void {
  ctx.events.record(set, type, reason, message, { component: STATEFULSET_CONTROLLER });
}

/**
 * Creates the pod of `ordinal` from `template` (the set's own, or the current revision's for a
 * pod below the partition) and its claims, or records why it could not. True when created.
 */
function createPod(ctx: ControllerContext, set: StatefulSet, ordinal: number, revision: string, template: PodTemplateSpec): boolean {
  const name = statefulPodName(set, ordinal);
  const refusal =
    serviceAccountAdmissionError(ctx.store, set.metadata.namespace!, set.spec.template.spec) ??
    podCapacityAdmissionError(ctx.store) ??
    resourceQuotaAdmissionError(ctx.store, set.metadata.namespace!, set.spec.template.spec);
  if (refusal) {
    const state = ctx.state<{ retryAt: number; failures: number; message?: string }>(STATEFULSET_CONTROLLER, `${set.metadata.uid}/create`, () => ({ retryAt: ctx.now, failures: 0 }));
    const message = `pods "${name}" is forbidden: ${refusal}`;
    if (ctx.now >= state.retryAt || state.message !== message) {
      record(ctx, set, "Warning", "FailedCreate", `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${message}`);
      state.retryAt = ctx.now + Math.min(5 * 2 ** state.failures, 1_000_000);
      state.failures++;
      state.message = message;
    }
    ctx.wakeAt(state.retryAt);
    return false;
  }
  ctx.dropState(STATEFULSET_CONTROLLER, `${set.metadata.uid}/create`);
  if (ctx.store.has("Pod", set.metadata.namespace, name)) return false;
  for (const claim of createMissingClaims(ctx.store, set, ordinal)) {
    record(ctx, set, "Normal", "SuccessfulCreate", `create Claim ${claim} Pod ${name} in StatefulSet ${set.metadata.name} success`);
  }
  const versioned = template === set.spec.template ? set : { ...set, spec: { ...set.spec, template } };
  ctx.store.create(newStatefulPod(versioned, ordinal, revision, ctx.rng));
  record(ctx, set, "Normal", "SuccessfulCreate", `create Pod ${name} in StatefulSet ${set.metadata.name} successful`);
  return true;
}

function deletePod(ctx: ControllerContext, set: StatefulSet, pod: Pod): void {
  requestPodDeletion(ctx.store, pod, ctx.now);
  record(ctx, set, "Normal", "SuccessfulDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
}

/**
 * One sync of a set (`updateStatefulSet`): returns after the first action a monotonic
 * (OrderedReady) set must wait on, as the real controller does.
 */
function syncReplicas(ctx: ControllerContext, set: StatefulSet, pods: Pod[], updateRevision: string, currentRevision: string, currentTemplate: PodTemplateSpec): void {
  const replicaCount = set.spec.replicas ?? 1;
  const monotonic = (set.spec.podManagementPolicy ?? "OrderedReady") !== "Parallel";
  const minReady = set.spec.minReadySeconds ?? 0;
  // OnDelete: every pod (re)created gets the update revision; RollingUpdate keeps those below the partition current.
  const partition = set.spec.updateStrategy?.type === "OnDelete" ? 0 : (set.spec.updateStrategy?.rollingUpdate?.partition ?? 0);
  const replicas: (Pod | undefined)[] = new Array(replicaCount).fill(undefined);
  const condemned: Pod[] = [];
  for (const pod of pods) {
    const ord = ordinalOf(set, pod);
    if (ord >= 0 && ord < replicaCount) replicas[ord] = pod;
    else if (ord >= 0) condemned.push(pod);
  }
  condemned.sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a));
  let firstUnhealthy: Pod | undefined;
  for (const p of [...replicas, ...[...condemned].reverse()]) {
    if (p && !isHealthy(p)) {
      firstUnhealthy = p;
      break;
    }
  }
  if (set.metadata.deletionTimestamp) return;
  for (let ord = 0; ord < replicaCount; ord++) {
    const pod = replicas[ord];
    if (pod && isFinished(pod) && !isTerminating(pod)) {
      const what = pod.status.phase === "Failed" ? "failed" : "succeeded";
      ctx.events.record(set, "Normal", pod.status.phase === "Failed" ? "RecreatingFailedPod" : "RecreatingTerminatedPod", `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating ${what} Pod ${pod.metadata.name}`, { component: STATEFULSET_CONTROLLER });
      deletePod(ctx, set, pod);
      if (monotonic) return;
      continue;
    }
    if (!pod) {
      // A pod below the partition keeps the current revision; the rest get the update revision.
      const current = ord < partition;
      createPod(ctx, set, ord, current ? currentRevision : updateRevision, current ? currentTemplate : set.spec.template);
      if (monotonic) return;
      continue;
    }
    if (!monotonic) continue;
    if (isTerminating(pod)) return;
    if (!isRunningAndReady(pod)) return;
    if (!isPodAvailable(pod, minReady, ctx.now)) {
      const at = podAvailableAt(pod, minReady);
      if (at !== undefined) ctx.wakeAt(at);
      return;
    }
  }
  // Scale down, highest ordinal first; a monotonic set waits for every other pod to be healthy.
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return;
      continue;
    }
    if (monotonic && firstUnhealthy && firstUnhealthy !== pod) return;
    deletePod(ctx, set, pod);
    if (monotonic) return;
  }
  if (set.spec.updateStrategy?.type === "OnDelete") return;
  // RollingUpdate: the highest ordinal not at the update revision goes first, one at a time.
  for (let ord = replicaCount - 1; ord >= partition; ord--) {
    const pod = replicas[ord];
    if (!pod) return;
    if (podRevision(pod) !== updateRevision && !isTerminating(pod)) {
      deletePod(ctx, set, pod);
      return;
    }
    if (!isHealthy(pod)) return;
  }
}

interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  availableReplicas: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
  conditions?: WorkloadCondition[];
}

function computeStatus(ctx: ControllerContext, set: StatefulSet, pods: Pod[], currentRevision: string, updateRevision: string): StatefulSetStatus {
  const minReady = set.spec.minReadySeconds ?? 0;
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let current = 0;
  let updated = 0;
  for (const pod of pods) {
    if (isCreated(pod)) replicas++;
    if (isRunningAndReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, ctx.now)) available++;
      else {
        const at = podAvailableAt(pod, minReady);
        if (at !== undefined) ctx.wakeAt(at);
      }
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const rev = podRevision(pod);
      if (rev === currentRevision) current++;
      if (rev === updateRevision) updated++;
    }
  }
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    replicas,
    readyReplicas: ready || undefined,
    currentReplicas: current || undefined,
    updatedReplicas: updated || undefined,
    availableReplicas: available,
    currentRevision,
    updateRevision,
    collisionCount: set.status?.collisionCount ?? 0,
  };
  // completeRollingUpdate: once every replica is updated and ready, the update revision is current.
  if (set.spec.updateStrategy?.type !== "OnDelete" && updated === replicas && ready === replicas && currentRevision !== updateRevision) {
    status.currentRevision = updateRevision;
    status.currentReplicas = updated || undefined;
  }
  if (set.status?.conditions) status.conditions = set.status.conditions;
  return status;
}

function writeStatus(ctx: ControllerContext, set: StatefulSet, next: StatefulSetStatus): void {
  const cur = (set.status ?? {}) as unknown as Record<string, unknown>;
  const want = next as unknown as Record<string, unknown>;
  let changed = set.status === undefined;
  const keys = new Set([...Object.keys(cur), ...Object.keys(want)]);
  for (const k of keys) {
    if (cur[k] === want[k]) continue;
    changed = true;
    break;
  }
  if (!changed) return;
  const status: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(want)) if (v !== undefined) status[k] = v;
  set.status = status as unknown as StatefulSet["status"];
  ctx.store.touch(set);
}

/**
 * The set's revisions (`getStatefulSetRevisions`): the update revision of its template (created,
 * or an older one renumbered on a rollback) and the current revision named in its status, when
 * that revision still exists.
 */
function setRevisions(ctx: ControllerContext, set: StatefulSet): { update: ControllerRevision; current: ControllerRevision; revisions: ControllerRevision[] } {
  const hash = templateHash(set.spec.template, set.status?.collisionCount ?? 0);
  const { update, revisions } = ensureUpdateRevision(ctx.store, set, hash, set.metadata.annotations);
  const currentName = set.status?.currentRevision;
  const current = (currentName !== undefined && revisions.find((r) => r.metadata.name === currentName)) || update;
  return { update, current, revisions };
}

function syncSet(ctx: ControllerContext, set: StatefulSet, candidates: Pod[]): void {
  const pods = claimPods(ctx, set, candidates);
  if (set.metadata.deletionTimestamp) {
    // Being deleted: no new revisions; the status follows the pods going away.
    const updateRevision = set.status?.updateRevision ?? `${set.metadata.name}-${templateHash(set.spec.template, set.status?.collisionCount ?? 0)}`;
    writeStatus(ctx, set, computeStatus(ctx, set, pods, set.status?.currentRevision ?? updateRevision, updateRevision));
    return;
  }
  const { update, current, revisions } = setRevisions(ctx, set);
  const updateRevision = update.metadata.name;
  const currentRevision = current.metadata.name;
  const currentTemplate = current === update ? set.spec.template : (revisionTemplate(current) ?? set.spec.template);
  const before = ctx.store.version;
  syncReplicas(ctx, set, pods, updateRevision, currentRevision, currentTemplate);
  const uid = set.metadata.uid;
  const live = ctx.store.version === before ? pods : ctx.store.list<Pod>("Pod", set.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid));
  writeStatus(ctx, set, computeStatus(ctx, set, live, currentRevision, updateRevision));
  // truncateHistory: revisions that are current, the update or run by a pod are live.
  const used = new Set<string>([currentRevision, updateRevision]);
  for (const p of live) {
    const r = podRevision(p);
    if (r !== undefined) used.add(r);
  }
  truncateHistory(ctx.store, set, revisions, (r) => used.has(r.metadata.name));
}

/** What the controller reads; with no StatefulSets, only whether one appears matters. */
const INPUTS = ["StatefulSet", "Pod", "ServiceAccount", "PersistentVolumeClaim", "ControllerRevision"];
const OWNER_ONLY = ["StatefulSet"];

/** The StatefulSet controller. */
export const statefulSetController = skipWhenUnchanged(
  {
    name: STATEFULSET_CONTROLLER,
    reconcile(ctx: ControllerContext): void {
      const sets = ctx.store.list<StatefulSet>("StatefulSet");
      if (sets.length === 0) return;
      const byNamespace = podsByNamespace(ctx.store);
      for (const set of sets) {
        if (!set.spec?.template) continue;
        syncSet(ctx, set, byNamespace.get(set.metadata.namespace!) ?? []);
      }
    },
  } satisfies Controller,
  // Time matters only for create retries and minReadySeconds; both ask to be woken.
  { kinds: (ctx) => (ctx.store.count("StatefulSet") === 0 ? OWNER_ONLY : INPUTS), clock: true, wakesAtDeadlines: true },
);
