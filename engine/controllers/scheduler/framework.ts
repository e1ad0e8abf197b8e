/**
 * The scheduling framework's shapes, after `pkg/scheduler/framework`: statuses with codes
 * and reasons, the per-node view the filters read (`NodeInfo`), and the PreFilter/Filter
 * plugin interfaces each plugin file conforms to with `satisfies`.
 */
import type { Node, Pod } from "../../model/types";
import type { ObjectStore } from "../../runtime/store";

/**
 * Why a node (or the whole cycle) rejects a pod. `Unschedulable` may be resolved by
 * preemption; `UnschedulableAndUnresolvable` cannot.
 */
export interface Status {
  code: "Unschedulable" | "UnschedulableAndUnresolvable";
  reasons: string[];
  /** The plugin that rejected (for the retry logic). */
  plugin: string;
}

/** A rejection from `plugin` with the given reasons. */
export function reject(plugin: string, code: Status["code"], ...reasons: string[]): Status {
  return { code, reasons, plugin };
}

/** Resources as the scheduler counts them. */
export interface Resource {
  milliCPU: number;
  memory: number;
}

/** One node with the pods assigned to it and their requests (`framework.NodeInfo`). */
export interface NodeInfo {
  node: Node;
  pods: Pod[];
  requested: Resource;
  /** Requests with the scheduler's stand-ins for containers that set none (for scoring). */
  nonZeroRequested: Resource;
  allocatable: Resource & { pods: number };
}

/** What a scheduling cycle may read besides the pod and the node. */
export interface CycleContext {
  store: ObjectStore;
}

/** A PreFilter plugin: rejects the pod for every node at once, or lets the cycle continue. */
export interface PreFilterPlugin {
  readonly name: string;
  preFilter(pod: Pod, ctx: CycleContext): Status | undefined;
}

/** A Filter plugin: rejects one node for the pod, or accepts it (undefined). */
export interface FilterPlugin {
  readonly name: string;
  filter(pod: Pod, nodeInfo: NodeInfo, ctx: CycleContext): Status | undefined;
}
