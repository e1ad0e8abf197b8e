/**
 * Small facts about Jobs that the Job and CronJob controllers and kubectl read alike:
 * whether a Job has finished, and its conditions.
 */
import type { Job, WorkloadCondition } from "../../model/types";

/** The condition of `type` if it is True. */
export function trueCondition(job: Job, type: string): WorkloadCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type && c.status === "True");
}

/** `IsJobFinished`: Complete or Failed is True; returns which, or undefined while it runs. */
export function jobFinished(job: Job): "Complete" | "Failed" | undefined {
  if (trueCondition(job, "Complete")) return "Complete";
  if (trueCondition(job, "Failed")) return "Failed";
  return undefined;
}

/** The back-off before the Job controller replaces a failed pod: 10 s doubling per failure, at most 6 min. */
export function podFailureBackoffMs(failuresSinceLastSuccess: number): number {
  if (failuresSinceLastSuccess <= 0) return 0;
  return Math.min(10_000 * 2 ** (failuresSinceLastSuccess - 1), 360_000);
}
