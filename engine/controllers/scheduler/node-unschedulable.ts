/**
 * The NodeUnschedulable filter: a cordoned node (`spec.unschedulable`) rejects pods that do
 * not tolerate the `node.kubernetes.io/unschedulable:NoSchedule` taint.
 */
import { type FilterPlugin, reject } from "./framework";
import { tolerationsTolerateTaint } from "./taint-toleration";

/** The plugin's name. */
export const NODE_UNSCHEDULABLE = "NodeUnschedulable";
/** The rejection text for a cordoned node. */
export const ErrReasonUnschedulable = "node(s) were unschedulable";

/** The NodeUnschedulable filter plugin. */
export const nodeUnschedulable = {
  name: NODE_UNSCHEDULABLE,
  filter(pod, nodeInfo) {
    if (!nodeInfo.node.spec?.unschedulable) return undefined;
    const tolerated = tolerationsTolerateTaint(pod.spec.tolerations, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" });
    return tolerated ? undefined : reject(NODE_UNSCHEDULABLE, "UnschedulableAndUnresolvable", ErrReasonUnschedulable);
  },
} satisfies FilterPlugin;
