/**
 * The Job controller (`pkg/controller/job`): runs pods from the template until `completions`
 * of them succeed (at most `parallelism` at once), replaces failed pods after a back-off (10 s
 * doubling, capped at 6 min), fails the Job past `backoffLimit` (`BackoffLimitExceeded`) or
 * `activeDeadlineSeconds` (`DeadlineExceeded`), suspends and resumes, tracks pods with the
 * `batch.kubernetes.io/job-tracking` finalizer, writes status and conditions as v1.32 does
 * (`FailureTarget` before `Failed`, `SuccessCriteriaMet` before `Complete`), and deletes a
 * finished Job after `ttlSecondsAfterFinished`.
 */
import type { Job, Pod, WorkloadCondition } from "../../model/types";
import { matchesSelector } from "../../model/labels";
import { parseTime, rfc3339 } from "../../runtime/clock";
import { controllerRef } from "../../runtime/controller";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { applyPodCreateDefaults, MAX_PODS_PER_CLUSTER, podCapacityAdmissionError, serviceAccountAdmissionError } from "../defaults";
import { resourceQuotaAdmissionError } from "../resourcequota/quota-admission";
import { admitLimitRanger } from "../limitranger";
import { requestPodDeletion } from "../pod-deletion";
import { isPodReady, podsByNamespace } from "../pod-util";
import { jobFinished, podFailureBackoffMs } from "./job-util";
import { addCompletionIndex, completionIndexOf, formatIndexes, isIndexedJob, parseIndexes } from "./indexed";

/** The component name on the Job controller's events. */
export const JOB_CONTROLLER = "job-controller";
/** The finalizer that keeps a Job's pod until the Job controller has counted it. */
export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
/** The message of the Failed condition past the back-off limit. */
export const BACKOFF_LIMIT_EXCEEDED_MESSAGE = "Job has reached the specified backoff limit";
/** The message of the Failed condition past the active deadline. */
export const DEADLINE_EXCEEDED_MESSAGE = "Job was active longer than specified deadline";
/** The message of the Complete condition. */
export const COMPLETIONS_REACHED_MESSAGE = "Reached expected number of succeeded pods";

const MAX_GENERATED_PREFIX = 58;

interface JobState {
  /** Pods already counted in status (succeeded or failed), by uid. */
  counted: Record<string, true>;
  /** Failures since the last success, and when the last one happened (the back-off record). */
  failuresAfterSuccess: number;
  lastFailureMs: number;
  /** Active pods last seen, so a pod that vanished before it was counted counts as failed. */
  seen: Record<string, true>;
}

function stateOf(ctx: ControllerContext, job: Job): JobState {
  return ctx.state<JobState>(JOB_CONTROLLER, job.metadata.uid!, () => ({ counted: {}, failuresAfterSuccess: 0, lastFailureMs: 0, seen: {} }));
}

function record(ctx: ControllerContext, job: Job, type: "Normal" | "Warning", reason: string, message: string): void {
  ctx.events.record(job, type, reason, message, { component: JOB_CONTROLLER });
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** A new pod for the Job, named `<job>-xxxxx`, owned, tracked and defaulted like the API server would. */
function podFromTemplate(ctx: ControllerContext, job: Job, index?: number): Pod {
  const prefix = index === undefined ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-`;
  const generateName = prefix.length > MAX_GENERATED_PREFIX ? prefix.slice(0, MAX_GENERATED_PREFIX) : prefix;
  let name: string;
  do name = generateName + ctx.rng.chars(5);
  while (ctx.store.has("Pod", job.metadata.namespace, name));
  const t = job.spec.template;
  const metadata: Pod["metadata"] = {
    name,
    generateName,
    namespace: job.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}) },
    ownerReferences: [controllerRef(job, "batch/v1")],
    finalizers: [...(t.metadata?.finalizers ?? []), JOB_TRACKING_FINALIZER],
  };
  if (t.metadata?.annotations && Object.keys(t.metadata.annotations).length > 0) metadata.annotations = { ...t.metadata.annotations };
  const pod: Pod = { apiVersion: "v1", kind: "Pod", metadata, spec: structuredClone(t.spec), status: { phase: "Pending" } };
  if (index !== undefined) addCompletionIndex(pod, job, index);
  return admitLimitRanger(ctx.store, applyPodCreateDefaults(pod, ctx.rng));
}

function claimPods(ctx: ControllerContext, job: Job, candidates: Pod[]): Pod[] {
  const out: Pod[] = [];
  for (const pod of candidates) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (ref) {
      if (ref.uid === job.metadata.uid) out.push(pod);
      continue;
    }
    if (job.metadata.deletionTimestamp || isTerminal(pod) || pod.metadata.deletionTimestamp) continue;
    if (!job.spec.selector || !matchesSelector(pod.metadata.labels, job.spec.selector)) continue;
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), controllerRef(job, "batch/v1")];
    ctx.store.touch(pod);
    out.push(pod);
  }
  return out;
}

function condition(type: string, reason: string, message: string, now: number, status: "True" | "False" = "True"): WorkloadCondition {
  const t = rfc3339(now);
  return { type, status, lastProbeTime: t, lastTransitionTime: t, reason, message };
}

/** Sets (or replaces) a condition; true when it changed. */
function setCondition(job: Job, c: WorkloadCondition): boolean {
  const status = (job.status ??= {});
  const list = (status.conditions ??= []);
  const i = list.findIndex((x) => x.type === c.type);
  if (i >= 0) {
    const cur = list[i];
    if (cur.status === c.status && cur.reason === c.reason && cur.message === c.message) return false;
    list[i] = cur.status === c.status ? { ...c, lastTransitionTime: cur.lastTransitionTime } : c;
    return true;
  }
  list.push(c);
  return true;
}

/** Removes the tracking finalizer once a pod has been counted. */
function untrack(ctx: ControllerContext, pod: Pod): void {
  const f = pod.metadata.finalizers;
  if (!f?.includes(JOB_TRACKING_FINALIZER)) return;
  const rest = f.filter((x) => x !== JOB_TRACKING_FINALIZER);
  if (rest.length > 0) pod.metadata.finalizers = rest;
  else delete pod.metadata.finalizers;
  ctx.store.touch(pod);
}

/** `pastBackoffLimitOnFailure`: with restartPolicy OnFailure, container restarts count as failures. */
function restartsOfActivePods(pods: Pod[]): number {
  let n = 0;
  for (const p of pods) {
    if (p.status?.phase !== "Running" && p.status?.phase !== "Pending") continue;
    for (const s of p.status.initContainerStatuses ?? []) n += s.restartCount ?? 0;
    for (const s of p.status.containerStatuses ?? []) n += s.restartCount ?? 0;
  }
  return n;
}

function deletePods(ctx: ControllerContext, job: Job, pods: Pod[]): void {
  for (const pod of pods) {
    requestPodDeletion(ctx.store, pod, ctx.now);
    record(ctx, job, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
  }
}

interface Counts {
  succeeded: number;
  failed: number;
  newFailure: boolean;
  /** Indexed Jobs: the indexes that have succeeded. */
  completedIndexes: Set<number>;
}

/** Counts newly finished (or vanished, or terminating) pods into the Job's totals and drops their tracking finalizer. */
function countFinished(ctx: ControllerContext, job: Job, pods: Pod[], st: JobState): Counts {
  let succeeded = job.status?.succeeded ?? 0;
  let failed = job.status?.failed ?? 0;
  let newFailure = false;
  const completedIndexes = parseIndexes(job.status?.completedIndexes);
  const present = new Set<string>();
  for (const pod of pods) {
    const uid = pod.metadata.uid!;
    present.add(uid);
    if (st.counted[uid]) continue;
    const phase = pod.status?.phase;
    if (phase === "Succeeded") {
      const index = completionIndexOf(pod);
      if (isIndexedJob(job) && index >= 0) {
        // A second success of the same index is not counted again.
        if (!completedIndexes.has(index)) succeeded++;
        completedIndexes.add(index);
      } else succeeded++;
      st.failuresAfterSuccess = 0;
    } else if (phase === "Failed" || pod.metadata.deletionTimestamp) {
      failed++;
      newFailure = true;
      st.failuresAfterSuccess++;
      st.lastFailureMs = ctx.now;
    } else continue;
    st.counted[uid] = true;
    delete st.seen[uid];
    untrack(ctx, pod);
  }
  // A pod removed before it was seen to finish ended as a failure.
  for (const uid of Object.keys(st.seen)) {
    if (present.has(uid)) continue;
    delete st.seen[uid];
    failed++;
    newFailure = true;
    st.failuresAfterSuccess++;
    st.lastFailureMs = ctx.now;
  }
  for (const uid of Object.keys(st.counted)) if (!present.has(uid)) delete st.counted[uid];
  return { succeeded, failed, newFailure, completedIndexes };
}

interface JobStatusCounts {
  /** Indexed Jobs: `0-2,4`. */
  completedIndexes?: string;
  active: number;
  ready: number;
  terminating: number;
  succeeded: number;
  failed: number;
}

function writeCounts(job: Job, c: JobStatusCounts): boolean {
  const status = (job.status ??= {});
  let changed = false;
  const set = (k: "active" | "succeeded" | "failed", v: number) => {
    const want = v || undefined;
    if (status[k] !== want) {
      if (want === undefined) delete status[k];
      else status[k] = want;
      changed = true;
    }
  };
  set("active", c.active);
  set("succeeded", c.succeeded);
  set("failed", c.failed);
  if (status.ready !== c.ready) {
    status.ready = c.ready;
    changed = true;
  }
  if (status.terminating !== c.terminating) {
    status.terminating = c.terminating;
    changed = true;
  }
  if (c.completedIndexes !== undefined && status.completedIndexes !== c.completedIndexes) {
    status.completedIndexes = c.completedIndexes;
    changed = true;
  }
  if (!status.uncountedTerminatedPods) {
    status.uncountedTerminatedPods = {};
    changed = true;
  }
  return changed;
}

function finish(ctx: ControllerContext, job: Job, kind: "Complete" | "Failed", reason: string, message: string): void {
  if (kind === "Complete") {
    setCondition(job, condition("SuccessCriteriaMet", reason, message, ctx.now));
    setCondition(job, condition("Complete", reason, message, ctx.now));
    job.status!.completionTime = rfc3339(ctx.now);
    record(ctx, job, "Normal", "Completed", "Job completed");
  } else {
    setCondition(job, condition("FailureTarget", reason, message, ctx.now));
    setCondition(job, condition("Failed", reason, message, ctx.now));
    record(ctx, job, "Warning", reason, message);
  }
}

function syncJob(ctx: ControllerContext, job: Job, candidates: Pod[]): void {
  const st = stateOf(ctx, job);
  const pods = claimPods(ctx, job, candidates);
  const finished = jobFinished(job);
  const counts = countFinished(ctx, job, pods, st);
  const active = pods.filter((p) => !isTerminal(p) && !p.metadata.deletionTimestamp);
  let changed = false;
  if (finished) {
    changed = writeCounts(job, { active: active.length, ready: active.filter(isPodReady).length, terminating: pods.filter((p) => p.metadata.deletionTimestamp && !isTerminal(p)).length, succeeded: counts.succeeded, failed: counts.failed, completedIndexes: indexesText(job, counts) });
    if (changed) ctx.store.touch(job);
    expireAfterTtl(ctx, job);
    return;
  }
  const spec = job.spec;
  if (job.metadata.deletionTimestamp) return;
  // Suspension: no pods run; the condition says so.
  if (spec.suspend) {
    if (active.length > 0) deletePods(ctx, job, active);
    const wasSuspended = job.status?.conditions?.some((c) => c.type === "Suspended" && c.status === "True");
    if (!wasSuspended) {
      setCondition(job, condition("Suspended", "JobSuspended", "Job suspended", ctx.now));
      record(ctx, job, "Normal", "Suspended", "Job suspended");
      changed = true;
    }
    if (job.status?.startTime) {
      delete job.status.startTime;
      changed = true;
    }
    changed = writeCounts(job, { active: 0, ready: 0, terminating: 0, succeeded: counts.succeeded, failed: counts.failed, completedIndexes: indexesText(job, counts) }) || changed;
    if (changed) ctx.store.touch(job);
    return;
  }
  if (job.status?.conditions?.some((c) => c.type === "Suspended" && c.status === "True")) {
    setCondition(job, condition("Suspended", "JobResumed", "Job resumed", ctx.now, "False"));
    record(ctx, job, "Normal", "Resumed", "Job resumed");
    changed = true;
  }
  const status = (job.status ??= {});
  if (!status.startTime) {
    status.startTime = rfc3339(ctx.now);
    changed = true;
  }
  for (const p of active) st.seen[p.metadata.uid!] = true;
  const backoffLimit = spec.backoffLimit ?? 6;
  const onFailure = spec.template.spec.restartPolicy === "OnFailure";
  const restarts = onFailure ? restartsOfActivePods(active) : 0;
  // `exceedsBackoffLimit`, and with OnFailure `pastBackoffLimitOnFailure` over the active pods' restarts.
  const pastBackoff = counts.failed > backoffLimit || (onFailure && (backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit));
  const deadlineMs = spec.activeDeadlineSeconds !== undefined ? parseTime(status.startTime) + spec.activeDeadlineSeconds * 1000 : Infinity;
  const completions = spec.completions ?? undefined;
  let outcome: { kind: "Complete" | "Failed"; reason: string; message: string } | undefined;
  if (pastBackoff) outcome = { kind: "Failed", reason: "BackoffLimitExceeded", message: BACKOFF_LIMIT_EXCEEDED_MESSAGE };
  else if (ctx.now >= deadlineMs) outcome = { kind: "Failed", reason: "DeadlineExceeded", message: DEADLINE_EXCEEDED_MESSAGE };
  else if (isIndexedJob(job) ? counts.completedIndexes.size >= (completions ?? 0) : completions !== null && completions !== undefined ? counts.succeeded >= completions : counts.succeeded > 0 && active.length === 0) {
    outcome = { kind: "Complete", reason: "CompletionsReached", message: COMPLETIONS_REACHED_MESSAGE };
  }
  let activeCount = active.length;
  if (outcome) {
    if (active.length > 0) {
      deletePods(ctx, job, active);
      if (outcome.kind === "Failed") counts.failed += active.length;
      for (const p of active) {
        st.counted[p.metadata.uid!] = true;
        delete st.seen[p.metadata.uid!];
        untrack(ctx, p);
      }
    }
    activeCount = 0;
    finish(ctx, job, outcome.kind, outcome.reason, outcome.message);
    changed = true;
  } else {
    if (deadlineMs !== Infinity) ctx.wakeAt(deadlineMs);
    activeCount = manageActive(ctx, job, active, isIndexedJob(job) ? counts.completedIndexes.size : counts.succeeded, st, isIndexedJob(job) ? counts.completedIndexes : undefined);
  }
  const live = activeCount === active.length ? active : ctx.store.list<Pod>("Pod", job.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === job.metadata.uid) && !isTerminal(p) && !p.metadata.deletionTimestamp);
  const terminating = ctx.store.list<Pod>("Pod", job.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === job.metadata.uid) && p.metadata.deletionTimestamp && !isTerminal(p)).length;
  changed = writeCounts(job, { active: outcome ? 0 : live.length, ready: outcome ? 0 : live.filter(isPodReady).length, terminating, succeeded: counts.succeeded, failed: counts.failed, completedIndexes: indexesText(job, counts) }) || changed;
  if (changed) ctx.store.touch(job);
  if (outcome) expireAfterTtl(ctx, job);
}

/** Creates pods up to the wanted number (after the failure back-off) or deletes the surplus; returns the active count. */
function manageActive(ctx: ControllerContext, job: Job, active: Pod[], succeeded: number, st: JobState, completedIndexes?: Set<number>): number {
  const parallelism = job.spec.parallelism ?? 1;
  const completions = job.spec.completions;
  let want = parallelism;
  if (completions !== undefined && completions !== null) want = Math.max(0, Math.min(completions - succeeded, parallelism));
  else if (succeeded > 0) want = active.length;
  if (active.length > want) {
    const surplus = [...active].sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : -1)).slice(0, active.length - want);
    deletePods(ctx, job, surplus);
    return want;
  }
  if (active.length === want) return want;
  const retryAt = st.lastFailureMs + podFailureBackoffMs(st.failuresAfterSuccess);
  if (st.failuresAfterSuccess > 0 && ctx.now < retryAt) {
    ctx.wakeAt(retryAt);
    return active.length;
  }
  const refusal =
    serviceAccountAdmissionError(ctx.store, job.metadata.namespace!, job.spec.template.spec) ??
    podCapacityAdmissionError(ctx.store) ??
    resourceQuotaAdmissionError(ctx.store, job.metadata.namespace!, job.spec.template.spec);
  if (refusal) {
    const fail = ctx.state<{ retryAt: number; failures: number }>(JOB_CONTROLLER, `${job.metadata.uid}/create`, () => ({ retryAt: ctx.now, failures: 0 }));
    if (ctx.now >= fail.retryAt) {
      record(ctx, job, "Warning", "FailedCreate", `Error creating: pods "${job.metadata.name}-" is forbidden: ${refusal}`);
      fail.retryAt = ctx.now + Math.min(5 * 2 ** fail.failures, 1_000_000);
      fail.failures++;
    }
    ctx.wakeAt(fail.retryAt);
    return active.length;
  }
  ctx.dropState(JOB_CONTROLLER, `${job.metadata.uid}/create`);
  const room = MAX_PODS_PER_CLUSTER - ctx.store.count("Pod");
  const n = Math.min(want - active.length, room);
  // Indexed Jobs run the lowest indexes that have neither succeeded nor a pod running.
  const indexes: (number | undefined)[] = [];
  if (completedIndexes) {
    const running = new Set(active.map(completionIndexOf));
    for (let i = 0; i < (job.spec.completions ?? 0) && indexes.length < n; i++) if (!completedIndexes.has(i) && !running.has(i)) indexes.push(i);
  } else for (let i = 0; i < n; i++) indexes.push(undefined);
  for (const index of indexes) {
    const pod = ctx.store.create(podFromTemplate(ctx, job, index));
    st.seen[pod.metadata.uid!] = true;
    record(ctx, job, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
  }
  return active.length + indexes.length;
}

/** `status.completedIndexes` of an Indexed Job (omitted while none has succeeded). */
function indexesText(job: Job, counts: Counts): string | undefined {
  return isIndexedJob(job) && counts.completedIndexes.size > 0 ? formatIndexes(counts.completedIndexes) : undefined;
}

/** The TTL-after-finished controller: deletes a finished Job `ttlSecondsAfterFinished` after it finished. */
function expireAfterTtl(ctx: ControllerContext, job: Job): void {
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl === undefined || ttl === null) return;
  const finishedAt = job.status?.completionTime ?? job.status?.conditions?.find((c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True")?.lastTransitionTime;
  const at = parseTime(finishedAt) + ttl * 1000;
  if (Number.isNaN(at)) return;
  if (ctx.now < at) {
    ctx.wakeAt(at);
    return;
  }
  ctx.store.remove("Job", job.metadata.namespace, job.metadata.name);
  ctx.dropState(JOB_CONTROLLER, job.metadata.uid!);
}

/** What the controller reads; with no Jobs, only whether one appears matters. */
const INPUTS = ["Job", "Pod", "ServiceAccount"];
const OWNER_ONLY = ["Job"];

/** The Job controller. */
export const jobController = skipWhenUnchanged(
  {
    name: JOB_CONTROLLER,
    reconcile(ctx: ControllerContext): void {
      const jobs = ctx.store.list<Job>("Job");
      if (jobs.length === 0) return;
      const byNamespace = podsByNamespace(ctx.store);
      for (const job of jobs) {
        if (!job.spec?.template) continue;
        syncJob(ctx, job, byNamespace.get(job.metadata.namespace!) ?? []);
      }
    },
  } satisfies Controller,
  // Time matters for the failure back-off, the active deadline and the TTL; each asks to be woken.
  { kinds: (ctx) => (ctx.store.count("Job") === 0 ? OWNER_ONLY : INPUTS), clock: true, wakesAtDeadlines: true },
);
