/**
 * What the inspect commands need from the node side of the simulation (the kubelet and the
 * container runtime), behind a small replaceable interface: a container's log lines and an
 * HTTP answer from inside the cluster network. The kubelet owns the truth; the engine wires
 * its implementation once with `setInspectRuntime`. The defaults derive what they can from the
 * API objects and the world model alone.
 */
import type { Pod } from "../../../model/types";
import type { Cluster } from "../../../runtime/cluster";
import type { LiveListener, NetworkContext } from "../../../world/network";
import { imageSpecFor } from "./container-view";

/** One line a container wrote, with the time it was written (ms since the epoch). */
export interface ContainerLogLine {
  timeMs: number;
  text: string;
}

/** Which container instance's log to read. */
export interface ContainerLogQuery {
  pod: Pod;
  container: string;
  /** The previous (last terminated) instance rather than the current one. */
  previous: boolean;
}

/** The node-side view the inspect commands read. */
export interface InspectRuntime {
  /** The container instance's log, oldest line first (empty when it wrote nothing). */
  containerLogs(cluster: Cluster, query: ContainerLogQuery): ContainerLogLine[];
  /** The cluster network as it is now (which pods listen on which ports), for `wget`, `curl`, `nslookup`. */
  network(cluster: Cluster): NetworkContext;
}

/**
 * Without the kubelet's process state: a Running pod whose Ready condition is True listens
 * on the ports of the application its containers' images run.
 */
function staticListener(cluster: Cluster, pod: Pod, port: number): LiveListener | undefined {
  if (pod.status?.phase !== "Running" || !pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True")) return undefined;
  for (const c of pod.spec.containers) {
    const spec = imageSpecFor(cluster.world, c.image);
    const app = spec?.app ? cluster.world.apps[spec.app] : undefined;
    const listener = app?.listen?.find((l) => l.port === port);
    if (listener) return { pod, container: c.name, listener, unready: false };
  }
  return undefined;
}

const defaults: InspectRuntime = {
  containerLogs: () => [],
  network: (cluster) => ({ store: cluster.store, world: cluster.world, listenerAt: (pod, port) => staticListener(cluster, pod, port) }),
};

let current: InspectRuntime = defaults;

/** Installs the kubelet's implementation (fields not given keep their defaults). */
export function setInspectRuntime(runtime: Partial<InspectRuntime>): void {
  current = { ...defaults, ...runtime };
}

/** The runtime in use. */
export function inspectRuntime(): InspectRuntime {
  return current;
}
