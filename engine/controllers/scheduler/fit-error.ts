/**
 * The text of a scheduling failure (`FitError.Error()`): `0/N nodes are available:` then the
 * PreFilter message, or a histogram of the nodes' reasons (`"<count> <reason>"`, sorted as
 * strings, comma-joined), then what preemption said.
 */
import type { Status } from "./framework";

/** Used when there are no nodes at all. */
export const ErrNoNodesAvailable = "no nodes available to schedule pods";

/** The histogram part: `1 Insufficient cpu, 2 node(s) had untolerated taint {…}`. */
export function reasonHistogram(statuses: Iterable<Status>, absent?: { count: number; reasons: string[] }): string {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  if (absent && absent.count > 0) for (const r of absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absent.count);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`);
  parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return parts.join(", ");
}

/** The message of a FitError. */
export function formatFitError(numAllNodes: number, preFilterMsg: string | undefined, statuses: Iterable<Status>, postFilterMsg?: string, absent?: { count: number; reasons: string[] }): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilterMsg) msg += ` ${preFilterMsg}.`;
  else {
    const h = reasonHistogram(statuses, absent);
    if (h) msg += ` ${h}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}
