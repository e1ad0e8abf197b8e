/**
 * The ReplicaSet controller (`replica_set.go`): adopts matching orphan pods, creates pods
 * from the template (`<rs>-<5 chars>`) or deletes the surplus (unhealthiest first), and
 * writes status (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas with
 * minReadySeconds, observedGeneration, ReplicaFailure) with `SuccessfulCreate`,
 * `SuccessfulDelete` and `FailedCreate` events.
 */
import { clonePlain } from "../clone-plain";
import type { Pod, ReplicaSet } from "../../model/types";
import { matchesMap, matchesSelector } from "../../model/labels";
import { rfc3339 } from "../../runtime/clock";
import { controllerRef } from "../../runtime/controller";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { applyPodCreateDefaults, MAX_PODS_PER_CLUSTER, podCapacityAdmissionError, serviceAccountAdmissionError } from "../defaults";
import { resourceQuotaAdmissionError } from "../resourcequota/quota-admission";
import { admitLimitRanger } from "../limitranger";
import { requestPodDeletion } from "../pod-deletion";
import { isPodActive, isPodAvailable, isPodReady, podAvailableAt, podsByNamespace } from "../pod-util";
import { sortPodsForDeletion } from "./active-pods";

/** The component name on the ReplicaSet controller's events. */
export const REPLICASET_CONTROLLER = "replicaset-controller";

/** The longest pod name prefix the API server keeps before adding 5 random characters. */
const MAX_GENERATED_PREFIX = 58;

interface ReplicaSetCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The generateName the ReplicaSet controller uses for its pods (`web-7d4b9c6f8d-`). */
export function podGenerateName(rs: ReplicaSet): string {
  const prefix = `${rs.metadata.name}-`;
  return prefix.length > MAX_GENERATED_PREFIX ? prefix.slice(0, MAX_GENERATED_PREFIX) : prefix;
}

/** A new pod from the ReplicaSet's template, named, owned, and defaulted like the API server would. */
export function podFromTemplate(ctx: ControllerContext, rs: ReplicaSet): Pod {
  const generateName = podGenerateName(rs);
  let name: string;
  do name = generateName + ctx.rng.chars(5);
  while (ctx.store.has("Pod", rs.metadata.namespace, name));
  const t = rs.spec.template;
  const metadata: Pod["metadata"] = {
    name,
    generateName,
    namespace: rs.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}) },
    ownerReferences: [controllerRef(rs, "apps/v1")],
  };
  if (t.metadata?.annotations && Object.keys(t.metadata.annotations).length > 0) metadata.annotations = { ...t.metadata.annotations };
  if (t.metadata?.finalizers?.length) metadata.finalizers = [...t.metadata.finalizers];
  const pod: Pod = { apiVersion: "v1", kind: "Pod", metadata, spec: clonePlain(t.spec), status: { phase: "Pending" } };
  return admitLimitRanger(ctx.store, applyPodCreateDefaults(pod, ctx.rng));
}

function claimPods(ctx: ControllerContext, rs: ReplicaSet, all: Pod[]): Pod[] {
  const out: Pod[] = [];
  for (const pod of all) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (ref) {
      if (ref.uid === rs.metadata.uid) out.push(pod);
      continue;
    }
    if (!isPodActive(pod) || rs.metadata.deletionTimestamp) continue;
    if (!matchesSelector(pod.metadata.labels, rs.spec.selector)) continue;
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), controllerRef(rs, "apps/v1")];
    ctx.store.touch(pod);
    out.push(pod);
  }
  return out;
}

function setFailure(rs: ReplicaSet, message: string | undefined, now: number): boolean {
  const status = rs.status as ReplicaSet["status"] & { conditions?: ReplicaSetCondition[] };
  const existing = status.conditions?.find((c) => c.type === "ReplicaFailure");
  if (message !== undefined) {
    if (existing) return false;
    status.conditions = [...(status.conditions ?? []), { type: "ReplicaFailure", status: "True", lastTransitionTime: rfc3339(now), reason: "FailedCreate", message }];
    return true;
  }
  if (!existing) return false;
  status.conditions = status.conditions!.filter((c) => c.type !== "ReplicaFailure");
  if (status.conditions.length === 0) delete status.conditions;
  return true;
}

/** Pods of all ReplicaSets owned by the same controller (for the doubled-up ranking). */
function relatedPods(rs: ReplicaSet, podsByOwner: Map<string, Pod[]>, siblings: ReplicaSet[]): Pod[] {
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller)?.uid;
  if (!owner) return podsByOwner.get(rs.metadata.uid!) ?? [];
  const out: Pod[] = [];
  for (const s of siblings) {
    if (s.metadata.ownerReferences?.find((r) => r.controller)?.uid === owner) out.push(...(podsByOwner.get(s.metadata.uid!) ?? []));
  }
  return out;
}

/** The rate limiter a controller's work queue applies after failures: 5ms doubling, capped at 1000s. */
function failureBackoffMs(failures: number): number {
  return Math.min(5 * 2 ** failures, 1_000_000);
}

interface CreateFailures {
  failures: number;
  retryAt: number;
  message?: string;
  /** The message as last recorded (a quota refusal names the pod it generated). */
  shown?: string;
}

/** Creates or deletes pods toward the desired count; returns the pods now active and any create failure. */
function manageReplicas(ctx: ControllerContext, rs: ReplicaSet, active: Pod[], related: Pod[]): { active: Pod[]; failure?: string } {
  const want = rs.spec.replicas ?? 1;
  const diff = active.length - want;
  const key = rs.metadata.uid!;
  if (diff < 0) {
    const early = serviceAccountAdmissionError(ctx.store, rs.metadata.namespace!, rs.spec.template.spec) ?? podCapacityAdmissionError(ctx.store);
    // ResourceQuota is a validating admission plugin: it runs after the pod's name is generated.
    const quota = early ? undefined : resourceQuotaAdmissionError(ctx.store, rs.metadata.namespace!, rs.spec.template.spec);
    const refusal = early ?? quota;
    if (refusal) {
      const state = ctx.state<CreateFailures>(REPLICASET_CONTROLLER, key, () => ({ failures: 0, retryAt: ctx.now }));
      const message = `pods "${podGenerateName(rs)}" is forbidden: ${refusal}`;
      if (ctx.now >= state.retryAt || state.message !== message) {
        const shown = quota ? `pods "${podGenerateName(rs)}${ctx.rng.chars(5)}" is forbidden: ${quota}` : message;
        ctx.events.record(rs, "Warning", "FailedCreate", `Error creating: ${shown}`, { component: REPLICASET_CONTROLLER });
        state.retryAt = ctx.now + failureBackoffMs(state.failures);
        state.failures++;
        state.message = message;
        state.shown = shown;
      }
      ctx.wakeAt(state.retryAt);
      return { active, failure: state.shown ?? message };
    }
    const backoff = ctx.state<CreateFailures | undefined>(REPLICASET_CONTROLLER, key, () => undefined);
    if (backoff && ctx.now < backoff.retryAt) {
      // The work queue only retries a failed sync when its rate-limited back-off expires.
      ctx.wakeAt(backoff.retryAt);
      return { active, failure: backoff.message };
    }
    ctx.dropState(REPLICASET_CONTROLLER, key);
    const created: Pod[] = [];
    const room = MAX_PODS_PER_CLUSTER - ctx.store.count("Pod");
    for (let i = 0; i < Math.min(-diff, room); i++) {
      // Each create is admitted on its own: past a quota the rest wait for the next sync's refusal.
      if (i > 0 && resourceQuotaAdmissionError(ctx.store, rs.metadata.namespace!, rs.spec.template.spec)) break;
      const pod = ctx.store.create(podFromTemplate(ctx, rs));
      created.push(pod);
      ctx.events.record(rs, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`, { component: REPLICASET_CONTROLLER });
    }
    return { active: [...active, ...created] };
  }
  if (diff > 0) {
    const victims = new Set(sortPodsForDeletion(active, related, ctx.now).slice(0, diff));
    for (const pod of victims) {
      requestPodDeletion(ctx.store, pod, ctx.now);
      ctx.events.record(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, { component: REPLICASET_CONTROLLER });
    }
    return { active: active.filter((p) => !victims.has(p)) };
  }
  return { active };
}

function syncStatus(ctx: ControllerContext, rs: ReplicaSet, active: Pod[], failure: string | undefined): void {
  const minReady = rs.spec.minReadySeconds ?? 0;
  const templateLabels = rs.spec.template.metadata?.labels ?? {};
  const anyLabels = Object.keys(templateLabels).length > 0;
  let fully = 0;
  let ready = 0;
  let available = 0;
  let nextAvailable = Infinity;
  for (const pod of active) {
    if (!anyLabels || matchesMap(pod.metadata.labels, templateLabels)) fully++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, ctx.now)) available++;
      else nextAvailable = Math.min(nextAvailable, podAvailableAt(pod, minReady) ?? Infinity);
    }
  }
  if (nextAvailable !== Infinity) ctx.wakeAt(nextAvailable);
  const s = (rs.status ??= { replicas: 0 });
  let changed = setFailure(rs, failure, ctx.now);
  const cur = s as unknown as Record<string, number | undefined>;
  changed = setCount(cur, "replicas", active.length) || changed;
  changed = setCount(cur, "fullyLabeledReplicas", fully || undefined) || changed;
  changed = setCount(cur, "readyReplicas", ready || undefined) || changed;
  changed = setCount(cur, "availableReplicas", available || undefined) || changed;
  changed = setCount(cur, "observedGeneration", rs.metadata.generation) || changed;
  if (changed) ctx.store.touch(rs);
}

/** Sets (or, for undefined, deletes) one status count; whether it changed. */
function setCount(status: Record<string, number | undefined>, key: string, value: number | undefined): boolean {
  if (status[key] === value) return false;
  if (value === undefined) delete status[key];
  else status[key] = value;
  return true;
}

/** The ReplicaSet controller. */
export const replicaSetController = skipWhenUnchanged(
  {
  name: REPLICASET_CONTROLLER,
  reconcile(ctx: ControllerContext): void {
    const replicaSets = ctx.store.list<ReplicaSet>("ReplicaSet");
    if (replicaSets.length === 0) return;
    const byNamespace = podsByNamespace(ctx.store);
    const podsByOwner = new Map<string, Pod[]>();
    const claimed = new Map<ReplicaSet, Pod[]>();
    for (const rs of replicaSets) {
      if (!rs.spec?.template) continue;
      const pods = claimPods(ctx, rs, byNamespace.get(rs.metadata.namespace!) ?? []);
      claimed.set(rs, pods);
      podsByOwner.set(rs.metadata.uid!, pods);
    }
    for (const rs of replicaSets) {
      const pods = claimed.get(rs);
      if (!pods) continue;
      const active = pods.filter(isPodActive);
      const result = rs.metadata.deletionTimestamp ? { active } : manageReplicas(ctx, rs, active, relatedPods(rs, podsByOwner, replicaSets));
      syncStatus(ctx, rs, result.active, result.failure);
    }
  },
} satisfies Controller,
  // Time decides only retries after a refused create and availability after minReadySeconds;
  // for both the controller asks to be woken at the instant they change.
  { kinds: ["ReplicaSet", "Pod", "ServiceAccount"], clock: true, wakesAtDeadlines: true },
);
