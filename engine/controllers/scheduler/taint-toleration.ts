/**
 * The TaintToleration filter: a node with a NoSchedule or NoExecute taint the pod does not
 * tolerate is rejected with the first such taint, `node(s) had untolerated taint {key: value}`
 * (the value may be empty: `{node-role.kubernetes.io/control-plane: }`).
 */
import type { Pod, Taint, Toleration } from "../../model/types";
import { type FilterPlugin, reject } from "./framework";

/** The plugin's name. */
export const TAINT_TOLERATION = "TaintToleration";

/** The rejection text for an untolerated taint. */
export function errReasonUntoleratedTaint(taint: Taint): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
}

/** `Toleration.ToleratesTaint`. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "Equal") {
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

/** Whether any of the tolerations tolerates the taint. */
export function tolerationsTolerateTaint(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate. */
export function findUntoleratedTaint(taints: Taint[] | undefined, pod: Pod): Taint | undefined {
  for (const taint of taints ?? []) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!tolerationsTolerateTaint(pod.spec.tolerations, taint)) return taint;
  }
  return undefined;
}

/** The TaintToleration filter plugin. */
export const taintToleration = {
  name: TAINT_TOLERATION,
  filter(pod, nodeInfo) {
    const taint = findUntoleratedTaint(nodeInfo.node.spec?.taints, pod);
    return taint ? reject(TAINT_TOLERATION, "UnschedulableAndUnresolvable", errReasonUntoleratedTaint(taint)) : undefined;
  },
} satisfies FilterPlugin;
