/**
 * The NodeAffinity filter: `spec.nodeSelector` and required node affinity
 * (`requiredDuringSchedulingIgnoredDuringExecution`, terms ORed, expressions ANDed).
 */
import type { Node, NodeSelectorRequirement, Pod } from "../../model/types";
import { type FilterPlugin, reject } from "./framework";

/** The plugin's name. */
export const NODE_AFFINITY = "NodeAffinity";
/** The rejection text when the node does not match. */
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";

function matchRequirement(value: string | undefined, req: NodeSelectorRequirement): boolean {
  const vals = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== undefined && vals.includes(value);
    case "NotIn":
      return value === undefined || !vals.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || vals.length !== 1) return false;
      const a = Number(value);
      const b = Number(vals[0]);
      if (!Number.isInteger(a) || !Number.isInteger(b)) return false;
      return req.operator === "Gt" ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** Whether a node satisfies one nodeSelectorTerm (an empty term matches nothing). */
export function matchesNodeSelectorTerm(node: Node, term: { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const e of exprs) {
    const v = Object.prototype.hasOwnProperty.call(labels, e.key) ? labels[e.key] : undefined;
    if (!matchRequirement(v, e)) return false;
  }
  for (const f of fields) {
    if (f.key !== "metadata.name") return false;
    if (!matchRequirement(node.metadata.name, f)) return false;
  }
  return true;
}

/** `GetRequiredNodeAffinity(pod).Match(node)`: nodeSelector and required affinity both hold. */
export function podMatchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) return (required.nodeSelectorTerms ?? []).some((t) => matchesNodeSelectorTerm(node, t));
  return true;
}

/** The NodeAffinity filter plugin. */
export const nodeAffinity = {
  name: NODE_AFFINITY,
  filter(pod, nodeInfo) {
    return podMatchesNodeSelectorAndAffinity(pod, nodeInfo.node) ? undefined : reject(NODE_AFFINITY, "UnschedulableAndUnresolvable", ErrReasonPod);
  },
} satisfies FilterPlugin;
