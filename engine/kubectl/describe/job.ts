/**
 * `kubectl describe job` and `kubectl describe cronjob` (describe.go's `describeJob`,
 * `describeCronJob`, kubectl v1.32, which prints no Time Zone line).
 */
import type { CronJob, Event, Job, JobSpec } from "../../model/types";
import { parseTime } from "../../runtime/clock";
import { humanDuration, rfc1123z, selectorString } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { controlledBy } from "./pod";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, tabbedString, type PrefixWriter } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

/** `capIndexesListOrNone`: the completed indexes, cut after the first comma past 50 characters. */
function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return "<none>";
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ",") break;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

/** Renders a Job with its events, at `now`. */
export function describeJob(job: Job, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = job.spec;
    const st = job.status ?? {};
    w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, "Labels", job.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", job.metadata.annotations);
    const owner = controlledBy(job);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${isSet(spec.completions) ? spec.completions : "<unset>"}\n`);
    if (isSet(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (isSet(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(parseTime(st.completionTime) - parseTime(st.startTime))}\n`);
    if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    if (!isSet(st.ready)) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    if (spec.completionMode === "Indexed") w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes)}\n`);
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, now);
  });
}

/** `describeJobTemplate`: a CronJob's job template. */
function describeJobTemplate(spec: JobSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, `Selector:\t${spec?.selector ? selectorString(spec.selector) : "<unset>"}\n`);
  w.write(LEVEL_0, `Parallelism:\t${isSet(spec?.parallelism) ? spec!.parallelism : "<unset>"}\n`);
  w.write(LEVEL_0, `Completions:\t${isSet(spec?.completions) ? spec!.completions : "<unset>"}\n`);
  if (isSet(spec?.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec!.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec?.template, w);
}

/** Renders a CronJob with its events, at `now`. */
export function describeCronJob(cj: CronJob, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = cj.spec;
    w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", cj.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", cj.metadata.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ""}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Suspend:\t${isSet(spec.suspend) ? (spec.suspend ? "True" : "False") : "<unset>"}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${isSet(spec.successfulJobsHistoryLimit) ? spec.successfulJobsHistoryLimit : "<unset>"}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${isSet(spec.failedJobsHistoryLimit) ? spec.failedJobsHistoryLimit : "<unset>"}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${isSet(spec.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : "<unset>"}\n`);
    describeJobTemplate(spec.jobTemplate?.spec, w);
    w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : "<unset>"}\n`);
    const active = cj.status?.active ?? [];
    w.write(LEVEL_0, "Active Jobs:\t");
    if (active.length === 0) w.writeLine("<none>");
    else {
      w.write(LEVEL_0, active.map((j) => j.name).join(", "));
      w.writeLine("");
    }
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry for Jobs. */
export const jobDescriber: Describer = (obj, source, settings) =>
  describeJob(obj as Job, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);

/** Registry entry for CronJobs. */
export const cronJobDescriber: Describer = (obj, source, settings) =>
  describeCronJob(obj as CronJob, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);
