/**
 * The scenario's nodes: a control plane and workers, as a kind-like v1.32 cluster has them
 * (IPs 172.18.0.x, pod CIDRs 10.244.x.0/24, the control-plane NoSchedule taint).
 */
import type { Node } from "../model/types";
import type { Cluster } from "../runtime/cluster";
import type { NodeSpec } from "./schema";
import { buildNode } from "../model/node-builder";

/** The nodes of a scenario that declares none: one control plane and two 4-CPU, 8Gi workers. */
export const DEFAULT_NODES: readonly NodeSpec[] = [
  { name: "control-plane", role: "control-plane", cpu: "4", memory: "8Gi" },
  { name: "worker-1", role: "worker", cpu: "4", memory: "8Gi" },
  { name: "worker-2", role: "worker", cpu: "4", memory: "8Gi" },
];

/** Creates the nodes (registered at `createdMs`); returns them. */
export function createNodes(cluster: Cluster, specs: readonly NodeSpec[], createdMs = cluster.now()): Node[] {
  return specs.map((s, i) => {
    const node = buildNode({
      name: s.name,
      role: s.role,
      cpu: s.cpu,
      memory: s.memory,
      pods: s.pods,
      labels: s.labels,
      taints: s.taints,
      unschedulable: s.unschedulable,
      createdMs,
      internalIP: `172.18.0.${i + 2}`,
      podCIDR: `10.244.${i}.0/24`,
    });
    return cluster.store.create(node);
  });
}
