/**
 * `SetDefaults_Job` (batch/v1) and the Job strategy's `generateSelector`: completions and
 * parallelism, backoffLimit 6, completion mode, suspend, pod replacement policy, and (unless
 * `manualSelector`) a selector on the job's uid with the four labels added to the template;
 * a Job without labels takes its template's labels.
 */
import type { Job, JobSpec } from "../../model/types";
import type { Random } from "../../runtime/random";
import { applyPodSpecDefaults } from "../defaults";

/** The label holding the uid of the Job that owns a pod (and the generated selector's key). */
export const JOB_CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
/** The label holding the name of the Job that owns a pod. */
export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
/** The legacy, unprefixed forms of the two labels, still added in v1.32. */
export const LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
/** The legacy job-name label. */
export const LEGACY_JOB_NAME_LABEL = "job-name";

/** The JobSpec defaults that also hold for a CronJob's template once it becomes a Job. */
export function applyJobSpecDefaults(spec: JobSpec): JobSpec {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= "TerminatingOrFailed";
  if (spec.template?.spec) applyPodSpecDefaults(spec.template.spec);
  return spec;
}

/**
 * Everything the API server does to a new Job: defaults, a uid (the selector needs it), the
 * generated selector and template labels, and the Job's labels from its template.
 */
export function applyJobCreateDefaults(job: Job, rng: Random): Job {
  applyJobSpecDefaults(job.spec);
  job.metadata.uid ??= rng.uuid();
  const uid = job.metadata.uid;
  if (!job.spec.manualSelector && !job.spec.selector) {
    job.spec.manualSelector = false;
    const template = (job.spec.template ??= { spec: { containers: [] } });
    template.metadata ??= {};
    template.metadata.labels = {
      ...(template.metadata.labels ?? {}),
      [JOB_CONTROLLER_UID_LABEL]: uid,
      [JOB_NAME_LABEL]: job.metadata.name,
      [LEGACY_CONTROLLER_UID_LABEL]: uid,
      [LEGACY_JOB_NAME_LABEL]: job.metadata.name,
    };
    job.spec.selector = { matchLabels: { [JOB_CONTROLLER_UID_LABEL]: uid } };
  }
  const templateLabels = job.spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels };
  return job;
}
