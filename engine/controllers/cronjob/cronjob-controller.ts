/**
 * The CronJob controller (`cronjob_controllerv2.go`): creates a Job `<cronjob>-<minutes since
 * the epoch>` at each schedule time (in `timeZone` when set), honouring `suspend`,
 * `startingDeadlineSeconds` (`MissSchedule`) and `concurrencyPolicy` (Allow, Forbid with
 * `JobAlreadyActive`, Replace); keeps `status.active`, `lastScheduleTime` and
 * `lastSuccessfulTime`; reports finished Jobs (`SawCompletedJob`) and deletes those past the
 * history limits. It asks the runner to wake it at the next schedule time.
 */
import type { CronJob, Job } from "../../model/types";
import { parseTime, rfc3339 } from "../../runtime/clock";
import { controllerRef } from "../../runtime/controller";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { applyJobCreateDefaults } from "../job/defaults";
import { jobFinished } from "../job/job-util";
import { nextScheduleTime, parseCronSchedule, zoneOffsetMinutes, type CronSchedule } from "./cron-schedule";

/** The component name on the CronJob controller's events. */
export const CRONJOB_CONTROLLER = "cronjob-controller";
/** The annotation with the schedule time a Job was created for. */
export const SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";

const scheduleCache = new Map<string, CronSchedule | null>();

function scheduleOf(cj: CronJob): CronSchedule | undefined {
  const spec = cj.spec.schedule ?? "";
  let s = scheduleCache.get(spec);
  if (s === undefined) {
    try {
      s = parseCronSchedule(spec);
    } catch {
      s = null;
    }
    if (scheduleCache.size > 1000) scheduleCache.clear();
    scheduleCache.set(spec, s);
  }
  return s ?? undefined;
}

/** `getJobName`: the Job for schedule time `ms` is `<cronjob>-<minutes since the epoch>`. */
export function jobNameFor(cj: CronJob, ms: number): string {
  return `${cj.metadata.name}-${Math.floor(ms / 60_000)}`;
}

/** RFC 3339 in the CronJob's zone (`2026-03-02T10:00:00+01:00`), or UTC with `Z`. */
function zonedTimestamp(ms: number, zone: string | undefined): string {
  const off = zoneOffsetMinutes(zone, ms);
  if (off === 0) return rfc3339(ms);
  const local = new Date(ms + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

/**
 * `mostRecentScheduleTime`: the latest schedule time in (earliest, now], how many were missed,
 * and the next one after now.
 */
function scheduleTimes(cj: CronJob, s: CronSchedule, now: number): { recent?: number; missed: number; next: number } {
  const zone = cj.spec.timeZone;
  let earliest = parseTime(cj.status?.lastScheduleTime ?? cj.metadata.creationTimestamp);
  if (cj.spec.startingDeadlineSeconds !== undefined && cj.spec.startingDeadlineSeconds !== null) {
    earliest = Math.max(earliest, now - cj.spec.startingDeadlineSeconds * 1000);
  }
  let recent: number | undefined;
  let missed = 0;
  let t = nextScheduleTime(s, earliest, zone);
  while (t <= now) {
    recent = t;
    missed++;
    if (missed > 100) {
      // Too many to walk one by one: the most recent one is all that is started anyway.
      const from = Math.max(t, now - 2 * 86_400_000);
      let u = nextScheduleTime(s, from, zone);
      while (u <= now) {
        recent = u;
        u = nextScheduleTime(s, u, zone);
      }
      return { recent, missed: missed + 1, next: u };
    }
    t = nextScheduleTime(s, t, zone);
  }
  return { recent, missed, next: t };
}

function record(ctx: ControllerContext, cj: CronJob, type: "Normal" | "Warning", reason: string, message: string): void {
  ctx.events.record(cj, type, reason, message, { component: CRONJOB_CONTROLLER });
}

function jobRef(job: Job): NonNullable<NonNullable<CronJob["status"]>["active"]>[number] {
  return { apiVersion: "batch/v1", kind: "Job", name: job.metadata.name, namespace: job.metadata.namespace!, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid! };
}

/** A Job from the CronJob's template for schedule time `t`, owned and defaulted. */
function jobFromTemplate(ctx: ControllerContext, cj: CronJob, t: number): Job {
  const tpl = cj.spec.jobTemplate;
  const metadata: Job["metadata"] = {
    name: jobNameFor(cj, t),
    namespace: cj.metadata.namespace,
    annotations: { ...(tpl.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: zonedTimestamp(t, cj.spec.timeZone) },
    ownerReferences: [controllerRef(cj, "batch/v1")],
  };
  if (tpl.metadata?.labels && Object.keys(tpl.metadata.labels).length > 0) metadata.labels = { ...tpl.metadata.labels };
  const job: Job = { apiVersion: "batch/v1", kind: "Job", metadata, spec: structuredClone(tpl.spec) };
  return applyJobCreateDefaults(job, ctx.rng);
}

function deleteJob(ctx: ControllerContext, cj: CronJob, job: Job): void {
  ctx.store.remove("Job", job.metadata.namespace, job.metadata.name);
  record(ctx, cj, "Normal", "SuccessfulDelete", `Deleted job ${job.metadata.name}`);
}

/** Deletes the oldest finished Jobs beyond the history limits. */
function cleanupHistory(ctx: ControllerContext, cj: CronJob, jobs: Job[]): void {
  const byStart = (a: Job, b: Job) => {
    const sa = parseTime(a.status?.startTime ?? a.metadata.creationTimestamp);
    const sb = parseTime(b.status?.startTime ?? b.metadata.creationTimestamp);
    return sa !== sb ? sa - sb : a.metadata.name < b.metadata.name ? -1 : 1;
  };
  for (const [kind, limit] of [["Complete", cj.spec.successfulJobsHistoryLimit], ["Failed", cj.spec.failedJobsHistoryLimit]] as const) {
    if (limit === undefined || limit === null) continue;
    const done = jobs.filter((j) => jobFinished(j) === kind).sort(byStart);
    for (const j of done.slice(0, Math.max(0, done.length - limit))) deleteJob(ctx, cj, j);
  }
}

function syncCronJob(ctx: ControllerContext, cj: CronJob, owned: Job[]): void {
  const status = (cj.status ??= {});
  let changed = false;
  const seen = ctx.state<Record<string, true>>(CRONJOB_CONTROLLER, `${cj.metadata.uid}/finished`, () => ({}));
  // Reconcile status.active with the Jobs that exist, and notice the ones that finished.
  const active = new Map((status.active ?? []).map((r) => [r.uid, r]));
  for (const job of owned) {
    const finished = jobFinished(job);
    if (!finished) {
      if (!active.has(job.metadata.uid!)) {
        active.set(job.metadata.uid!, jobRef(job));
        changed = true;
      }
      continue;
    }
    if (!seen[job.metadata.uid!]) {
      seen[job.metadata.uid!] = true;
      if (active.has(job.metadata.uid!)) {
        record(ctx, cj, "Normal", "SawCompletedJob", `Saw completed job: ${job.metadata.name}, condition: ${finished}`);
        active.delete(job.metadata.uid!);
        changed = true;
      }
      if (finished === "Complete" && job.status?.completionTime) {
        const cur = parseTime(status.lastSuccessfulTime);
        if (Number.isNaN(cur) || parseTime(job.status.completionTime) > cur) {
          status.lastSuccessfulTime = job.status.completionTime;
          changed = true;
        }
      }
    } else if (active.delete(job.metadata.uid!)) changed = true;
  }
  const ownedUids = new Set(owned.map((j) => j.metadata.uid));
  for (const uid of [...active.keys()]) {
    if (!ownedUids.has(uid)) {
      active.delete(uid);
      changed = true;
    }
  }
  for (const uid of Object.keys(seen)) if (!ownedUids.has(uid)) delete seen[uid];
  if (!cj.metadata.deletionTimestamp) cleanupHistory(ctx, cj, owned);
  const schedule = scheduleOf(cj);
  if (schedule && !cj.spec.suspend && !cj.metadata.deletionTimestamp) {
    const times = scheduleTimes(cj, schedule, ctx.now);
    if (times.next !== Infinity) ctx.wakeAt(times.next);
    if (times.missed > 100) {
      record(ctx, cj, "Warning", "TooManyMissedTimes", `too many missed start times: ${times.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
    const t = times.recent;
    const deadline = cj.spec.startingDeadlineSeconds;
    if (t !== undefined) {
      const name = jobNameFor(cj, t);
      const tooLate = deadline !== undefined && deadline !== null && t + deadline * 1000 < ctx.now;
      const exists = ctx.store.get<Job>("Job", cj.metadata.namespace, name);
      const missedOnce = tooLate ? ctx.state<{ t: number }>(CRONJOB_CONTROLLER, `${cj.metadata.uid}/missed`, () => ({ t: -1 })) : undefined;
      if (missedOnce && missedOnce.t === t) {
        // Already reported.
      } else if (tooLate) {
        missedOnce!.t = t;
        record(ctx, cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${new Date(t).toUTCString().replace("GMT", "+0000")}`);
      } else if (exists) {
        // Already started (this pass or an earlier one).
      } else if (cj.spec.concurrencyPolicy === "Forbid" && active.size > 0) {
        const told = ctx.state<{ t: number }>(CRONJOB_CONTROLLER, `${cj.metadata.uid}/forbid`, () => ({ t: -1 }));
        if (told.t !== t) {
          told.t = t;
          record(ctx, cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid");
        }
      } else {
        if (cj.spec.concurrencyPolicy === "Replace") {
          for (const uid of [...active.keys()]) {
            const job = owned.find((j) => j.metadata.uid === uid);
            if (job) deleteJob(ctx, cj, job);
            active.delete(uid);
          }
        }
        const job = ctx.store.create(jobFromTemplate(ctx, cj, t));
        record(ctx, cj, "Normal", "SuccessfulCreate", `Created job ${job.metadata.name}`);
        active.set(job.metadata.uid!, jobRef(job));
        status.lastScheduleTime = rfc3339(t);
        changed = true;
      }
    }
  }
  if (changed) {
    const list = [...active.values()];
    if (list.length > 0) status.active = list;
    else delete status.active;
    ctx.store.touch(cj);
  }
}

/** What the controller reads; with no CronJobs, only whether one appears matters. */
const INPUTS = ["CronJob", "Job"];
const OWNER_ONLY = ["CronJob"];

/** The CronJob controller. */
export const cronJobController = skipWhenUnchanged(
  {
    name: CRONJOB_CONTROLLER,
    reconcile(ctx: ControllerContext): void {
      const cronJobs = ctx.store.list<CronJob>("CronJob");
      if (cronJobs.length === 0) return;
      const jobsByOwner = new Map<string, Job[]>();
      for (const job of ctx.store.list<Job>("Job")) {
        const ref = job.metadata.ownerReferences?.find((r) => r.controller && r.kind === "CronJob");
        if (!ref) continue;
        let list = jobsByOwner.get(ref.uid);
        if (!list) jobsByOwner.set(ref.uid, (list = []));
        list.push(job);
      }
      for (const cj of cronJobs) {
        if (!cj.spec?.jobTemplate) continue;
        syncCronJob(ctx, cj, jobsByOwner.get(cj.metadata.uid!) ?? []);
      }
    },
  } satisfies Controller,
  // Time matters only at schedule times, and the controller asks to be woken at the next one.
  { kinds: (ctx) => (ctx.store.count("CronJob") === 0 ? OWNER_ONLY : INPUTS), clock: true, wakesAtDeadlines: true },
);
