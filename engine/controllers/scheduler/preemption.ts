/**
 * DefaultPreemption's PostFilter: after a failed cycle, nodes rejected for resolvable
 * reasons are dry-run without the lower-priority pods on them. The outcome is either the
 * `preemption: …` suffix of FailedScheduling (no candidate), or victims to evict and a
 * node to nominate.
 */
import type { Pod } from "../../model/types";
import { formatFitError } from "./fit-error";
import type { CycleContext, FilterPlugin, NodeInfo, Status } from "./framework";
import { withoutPods } from "./node-info";

/** For nodes whose rejection preemption cannot fix. */
export const ErrPreemptionNotHelpful = "Preemption is not helpful for scheduling";
/** For nodes without lower-priority pods to evict. */
export const ErrNoPreemptionVictims = "No preemption victims found for incoming pod";

/** What preemption decided. */
export type PreemptionOutcome = { kind: "message"; message: string } | { kind: "preempt"; node: string; victims: Pod[] };

function runFilters(filters: readonly FilterPlugin[], pod: Pod, info: NodeInfo, ctx: CycleContext): Status | undefined {
  for (const f of filters) {
    const s = f.filter(pod, info, ctx);
    if (s) return s;
  }
  return undefined;
}

/**
 * Runs preemption for `pod` given each node's filter status (undefined = the node passed,
 * which does not happen on a failed cycle) or, when PreFilter rejected, no per-node statuses.
 */
export function preempt(
  pod: Pod,
  nodes: NodeInfo[],
  statuses: Map<string, Status> | undefined,
  filters: readonly FilterPlugin[],
  ctx: CycleContext,
): PreemptionOutcome {
  if (pod.spec.preemptionPolicy === "Never") return { kind: "message", message: "preemption: not eligible due to preemptionPolicy=Never." };
  const priority = pod.spec.priority ?? 0;
  const results = new Map<string, Status>();
  let best: { node: string; victims: Pod[] } | undefined;
  for (const info of nodes) {
    const s = statuses?.get(info.node.metadata.name);
    if (!s || s.code !== "Unschedulable") continue;
    const victims = info.pods.filter((p) => (p.spec.priority ?? 0) < priority && !p.metadata.deletionTimestamp);
    if (victims.length === 0) {
      results.set(info.node.metadata.name, { code: "UnschedulableAndUnresolvable", reasons: [ErrNoPreemptionVictims], plugin: "DefaultPreemption" });
      continue;
    }
    const after = runFilters(filters, pod, withoutPods(info, new Set(victims)), ctx);
    if (after) {
      results.set(info.node.metadata.name, after);
      continue;
    }
    // Reprieve as many victims as possible, highest priority first.
    const removed = new Set(victims);
    for (const v of [...victims].sort((a, b) => (b.spec.priority ?? 0) - (a.spec.priority ?? 0))) {
      removed.delete(v);
      if (runFilters(filters, pod, withoutPods(info, removed), ctx)) removed.add(v);
    }
    const chosen = victims.filter((v) => removed.has(v));
    if (!best || chosen.length < best.victims.length) best = { node: info.node.metadata.name, victims: chosen };
  }
  if (best) return { kind: "preempt", ...best };
  const absent = nodes.length - results.size;
  const inner = formatFitError(nodes.length, undefined, results.values(), undefined, { count: absent, reasons: [ErrPreemptionNotHelpful] });
  return { kind: "message", message: `preemption: ${inner}` };
}
