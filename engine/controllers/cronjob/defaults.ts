/**
 * `SetDefaults_CronJob` (batch/v1): concurrency policy Allow, suspend false, history limits
 * 3 and 1, and the pod template's defaults (the job template's own fields stay as written).
 */
import type { CronJob } from "../../model/types";
import { applyPodSpecDefaults } from "../defaults";

/** Applies the API server's CronJob defaults in place and returns the object. */
export function applyCronJobDefaults(cj: CronJob): CronJob {
  const spec = cj.spec;
  spec.concurrencyPolicy ??= "Allow";
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const podSpec = spec.jobTemplate?.spec?.template?.spec;
  if (podSpec) applyPodSpecDefaults(podSpec);
  return cj;
}
