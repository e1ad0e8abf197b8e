/**
 * Which pods a ReplicaSet deletes first when it scales down: `controller.ActivePodsWithRanks`
 * ordering (unscheduled, then pending, then not ready, then doubled up on a node, then most
 * recently ready, most restarted, newest), with LogarithmicScaleDown's time buckets.
 */
import type { Pod } from "../../model/types";
import { parseTime } from "../../runtime/clock";
import { isPodActive, isPodReady, podReadyCondition } from "../pod-util";

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function maxRestarts(pod: Pod): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}

/** `logarithmicRankDiff`: compares ages in powers of two (nanoseconds, as Go's durations). */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Earlier-or-zero comparison helper: true when `a` should sort first because it is later (or unset). */
function compareTimes(a: number, b: number, now: number, uidA: string, uidB: string): number {
  if (a === b) return 0;
  if (Number.isNaN(a)) return -1;
  if (Number.isNaN(b)) return 1;
  const diff = logRank(a, now) - logRank(b, now);
  if (diff === 0) return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
  return diff;
}

/**
 * Sorts pods so that the first ones are the ones to delete. `ranks` counts, per node, the
 * active pods of related ReplicaSets (pods that double up on a node go first).
 */
export function sortPodsForDeletion(pods: Pod[], related: Pod[], now: number): Pod[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec.nodeName ?? "";
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const rank = (p: Pod) => onNode.get(p.spec.nodeName ?? "") ?? 0;
  return [...pods].sort((a, b) => {
    const na = a.spec.nodeName ?? "";
    const nb = b.spec.nodeName ?? "";
    if (na !== nb && (na === "" || nb === "")) return na === "" ? -1 : 1;
    const pa = PHASE_ORDINAL[a.status?.phase ?? "Pending"] ?? 0;
    const pb = PHASE_ORDINAL[b.status?.phase ?? "Pending"] ?? 0;
    if (pa !== pb) return pa - pb;
    const ra = isPodReady(a);
    const rb = isPodReady(b);
    if (ra !== rb) return ra ? 1 : -1;
    const rka = rank(a);
    const rkb = rank(b);
    if (rka !== rkb) return rkb - rka;
    const uidA = a.metadata.uid ?? "";
    const uidB = b.metadata.uid ?? "";
    if (ra && rb) {
      const c = compareTimes(parseTime(podReadyCondition(a)?.lastTransitionTime), parseTime(podReadyCondition(b)?.lastTransitionTime), now, uidA, uidB);
      if (c !== 0) return c;
    }
    const restarts = maxRestarts(b) - maxRestarts(a);
    if (restarts !== 0) return restarts;
    return compareTimes(parseTime(a.metadata.creationTimestamp), parseTime(b.metadata.creationTimestamp), now, uidA, uidB);
  });
}
