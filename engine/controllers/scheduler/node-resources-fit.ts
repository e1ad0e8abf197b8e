/**
 * The NodeResourcesFit filter (`fitsRequest`): the pod's requests must fit in the node's
 * allocatable minus what the pods already on it request; one reason per short resource.
 */
import type { Pod } from "../../model/types";
import { podRequests } from "../pod-util";
import { type FilterPlugin, type NodeInfo, reject } from "./framework";

/** The plugin's name. */
export const NODE_RESOURCES_FIT = "NodeResourcesFit";
/** Not enough CPU left on the node. */
export const ErrReasonInsufficientCPU = "Insufficient cpu";
/** Not enough memory left on the node. */
export const ErrReasonInsufficientMemory = "Insufficient memory";
/** The node already runs its maximum number of pods. */
export const ErrReasonTooManyPods = "Too many pods";

/** The reasons a node cannot take the pod's requests (empty when it fits). */
export function insufficientResources(pod: Pod, nodeInfo: NodeInfo): string[] {
  const reasons: string[] = [];
  if (nodeInfo.pods.length + 1 > nodeInfo.allocatable.pods) reasons.push(ErrReasonTooManyPods);
  const req = podRequests(pod);
  if (req.milliCPU === 0 && req.memory === 0) return reasons;
  if (req.milliCPU > 0 && req.milliCPU > nodeInfo.allocatable.milliCPU - nodeInfo.requested.milliCPU) reasons.push(ErrReasonInsufficientCPU);
  if (req.memory > 0 && req.memory > nodeInfo.allocatable.memory - nodeInfo.requested.memory) reasons.push(ErrReasonInsufficientMemory);
  return reasons;
}

/** The NodeResourcesFit filter plugin. */
export const nodeResourcesFit = {
  name: NODE_RESOURCES_FIT,
  filter(pod, nodeInfo) {
    const reasons = insufficientResources(pod, nodeInfo);
    return reasons.length ? reject(NODE_RESOURCES_FIT, "Unschedulable", ...reasons) : undefined;
  },
} satisfies FilterPlugin;
