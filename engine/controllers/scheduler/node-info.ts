/**
 * The scheduler's snapshot of the cluster: each node with the pods assigned to it and the
 * resources they request (what `framework.NodeInfo` aggregates from the scheduler cache).
 */
import type { Node, Pod } from "../../model/types";
import { bytes, cpuMillis } from "../../model/quantity";
import type { ObjectStore } from "../../runtime/store";
import { isPodTerminal, podRequests } from "../pod-util";
import type { NodeInfo } from "./framework";

/** An empty NodeInfo for a node, from its allocatable resources. */
export function newNodeInfo(node: Node): NodeInfo {
  const alloc = node.status?.allocatable ?? {};
  return {
    node,
    pods: [],
    requested: { milliCPU: 0, memory: 0 },
    nonZeroRequested: { milliCPU: 0, memory: 0 },
    allocatable: { milliCPU: cpuMillis(alloc.cpu), memory: bytes(alloc.memory), pods: alloc.pods !== undefined ? Number(alloc.pods) : 110 },
  };
}

/** Adds a pod's requests to a NodeInfo (`NodeInfo.AddPod`). */
export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod);
  const r = podRequests(pod);
  const nz = podRequests(pod, true);
  info.requested.milliCPU += r.milliCPU;
  info.requested.memory += r.memory;
  info.nonZeroRequested.milliCPU += nz.milliCPU;
  info.nonZeroRequested.memory += nz.memory;
}

/** A copy of a NodeInfo without some pods (preemption's dry run). */
export function withoutPods(info: NodeInfo, removed: Set<Pod>): NodeInfo {
  const copy = newNodeInfo(info.node);
  for (const p of info.pods) if (!removed.has(p)) addPod(copy, p);
  return copy;
}

/** NodeInfos for every node, in name order, with the non-terminal pods bound to each. */
export function buildSnapshot(store: ObjectStore, pods: Pod[]): Map<string, NodeInfo> {
  const infos = new Map<string, NodeInfo>();
  for (const node of store.list<Node>("Node")) infos.set(node.metadata.name, newNodeInfo(node));
  for (const pod of pods) {
    const n = pod.spec?.nodeName;
    if (!n || isPodTerminal(pod)) continue;
    const info = infos.get(n);
    if (info) addPod(info, pod);
  }
  return infos;
}
