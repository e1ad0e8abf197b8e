/**
 * Whether a pod is healthy for grading: Running, every container running and ready for at
 * least `stableSeconds` (so a container that crashes a few seconds after start, or a probe
 * about to kill it, does not count), and not being deleted.
 */
import type { Pod } from "../../model/types";
import { parseTime } from "../../runtime/clock";
import { podSummary } from "../../kubectl/printers/pod-status";

/** The default time a container must have been running and ready to count as healthy. */
export const DEFAULT_STABLE_SECONDS = 30;

/** The STATUS column kubectl would print for the pod. */
export function podStatusText(pod: Pod, nowMs: number): string {
  return podSummary(pod, nowMs).status;
}

/** Undefined when healthy, else a short reason (`CrashLoopBackOff`, `Running but not ready`, `running for only 12s`). */
export function podProblem(pod: Pod, nowMs: number, stableSeconds = DEFAULT_STABLE_SECONDS): string | undefined {
  const status = podStatusText(pod, nowMs);
  if (pod.metadata.deletionTimestamp) return "Terminating";
  if (pod.status?.phase === "Succeeded") return undefined;
  if (pod.status?.phase !== "Running") return status;
  const statuses = pod.status.containerStatuses ?? [];
  if (statuses.length < pod.spec.containers.length) return status;
  for (const cs of statuses) {
    if (!cs.state?.running) return status === "Running" ? `container ${cs.name} is not running` : status;
    if (!cs.ready) return status === "Running" ? "Running but not ready" : status;
    const started = parseTime(cs.state.running.startedAt);
    const runningFor = Math.floor((nowMs - started) / 1000);
    if (Number.isFinite(started) && runningFor < stableSeconds) return `running for only ${runningFor}s (needs ${stableSeconds}s to count as stable)`;
  }
  return undefined;
}
