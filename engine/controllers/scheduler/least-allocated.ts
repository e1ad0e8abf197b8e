/**
 * Scoring with NodeResourcesFit's LeastAllocated strategy: the share of CPU and memory left
 * free after placing the pod (0–100, cpu and memory weighted equally), counting the
 * scheduler's stand-in requests for containers that set none.
 */
import type { Pod } from "../../model/types";
import { podRequests } from "../pod-util";
import type { NodeInfo } from "./framework";

/** The highest score a node can get. */
export const MAX_NODE_SCORE = 100;

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** The LeastAllocated score of placing `pod` on the node. */
export function leastAllocatedScore(pod: Pod, info: NodeInfo): number {
  const req = podRequests(pod, true);
  const cpu = leastRequestedScore(info.nonZeroRequested.milliCPU + req.milliCPU, info.allocatable.milliCPU);
  const mem = leastRequestedScore(info.nonZeroRequested.memory + req.memory, info.allocatable.memory);
  return Math.floor((cpu + mem) / 2);
}
