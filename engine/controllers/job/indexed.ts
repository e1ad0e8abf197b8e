/**
 * Indexed Jobs (`completionMode: Indexed`, `indexed_job_utils.go`): each pod runs one
 * completion index, carried in the `batch.kubernetes.io/job-completion-index` annotation and
 * label, in its hostname `<job>-<index>` and in `JOB_COMPLETION_INDEX`; the Job records the
 * succeeded indexes as ranges (`0-2,4`).
 */
import type { Job, Pod } from "../../model/types";

/** The annotation (and label) with a pod's completion index. */
export const JOB_COMPLETION_INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";

/** Whether the Job runs one pod per completion index. */
export function isIndexedJob(job: Job): boolean {
  return job.spec.completionMode === "Indexed";
}

/** A pod's completion index, or -1. */
export function completionIndexOf(pod: Pod): number {
  const v = pod.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION];
  return v !== undefined && /^(0|[1-9][0-9]*)$/.test(v) ? Number(v) : -1;
}

/** Parses `0-2,4` into the set of indexes. */
export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>();
  for (const part of (text ?? "").split(",")) {
    if (!part) continue;
    const [a, b] = part.split("-").map(Number);
    for (let i = a; i <= (b ?? a); i++) out.add(i);
  }
  return out;
}

/** Formats indexes as kubectl shows them in `completedIndexes`: sorted ranges, `0-2,4`. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...indexes].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(",");
}

/** Marks a new pod with its index as the Job controller does (annotation, label, hostname, env). */
export function addCompletionIndex(pod: Pod, job: Job, index: number): void {
  const value = String(index);
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [JOB_COMPLETION_INDEX_ANNOTATION]: value };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [JOB_COMPLETION_INDEX_ANNOTATION]: value };
  pod.spec.hostname ??= `${job.metadata.name}-${index}`;
  const env = { name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } };
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    if (!c.env?.some((e) => e.name === "JOB_COMPLETION_INDEX")) c.env = [...(c.env ?? []), structuredClone(env)];
  }
}
