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
import { imageSpecByReference } from "../../../world/registry";

/** One line a container wrote, with the time it was written (ms since the epoch) when known. */
export interface ContainerLogLine {
  timeMs?: number;
  text: string;
}

/** A container as the runtime sees it (overrides what exec derives from the API objects alone). */
export interface RuntimeContainerFilesystem {
  files: Map<string, string>;
  binaries: string[];
  env: Record<string, string>;
  distroless: boolean;
  user: string;
  workingDir: string;
  processes: { pid: number; user: string; command: string }[];
  running: boolean;
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
  /** The container's files, environment and processes as the runtime has them, when it knows the container. */
  containerFilesystem?(cluster: Cluster, pod: Pod, container: string): RuntimeContainerFilesystem | undefined;
}

/** The kubelet's views, as `engine/controllers/kubelet/views.ts` exports them (passed in: kubectl does not import controllers). */
export interface KubeletViews {
  containerLogs(cluster: Cluster, pod: Pod, container: string, opts: { previous?: boolean }): { ok: true; lines: string[] } | { ok: false; error: { status: string; message: string } };
  containerFilesystem(cluster: Cluster, pod: Pod, container: string): RuntimeContainerFilesystem | undefined;
  network(cluster: Cluster): NetworkContext;
}

/**
 * The inspect runtime over the kubelet's views. A query for the "previous" instance of a
 * container that is not running means its last terminated instance, which the kubelet keeps as
 * the container's current log; lines come without times, so `--timestamps` shows the
 * instance's start for each.
 */
export function inspectRuntimeFromKubelet(views: KubeletViews): InspectRuntime {
  return {
    containerLogs(cluster, q) {
      const status = [...(q.pod.status?.containerStatuses ?? []), ...(q.pod.status?.initContainerStatuses ?? []), ...(q.pod.status?.ephemeralContainerStatuses ?? [])].find((s) => s.name === q.container);
      const running = !!status?.state?.running;
      const r = views.containerLogs(cluster, q.pod, q.container, { previous: q.previous && running });
      if (!r.ok) return [];
      const started = q.previous ? status?.lastState?.terminated?.startedAt : (status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt ?? status?.lastState?.terminated?.startedAt);
      const t = started ? Date.parse(started) : undefined;
      return r.lines.map((text) => ({ timeMs: t, text }));
    },
    network: (cluster) => views.network(cluster),
    containerFilesystem: (cluster, pod, container) => views.containerFilesystem(cluster, pod, container),
  };
}

/**
 * Without the kubelet's process state: a Running pod whose Ready condition is True listens
 * on the ports of the application its containers' images run.
 */
function staticListener(cluster: Cluster, pod: Pod, port: number): LiveListener | undefined {
  if (pod.status?.phase !== "Running" || !pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True")) return undefined;
  for (const c of pod.spec.containers) {
    const spec = imageSpecByReference(cluster.world, c.image);
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
