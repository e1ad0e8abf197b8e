/**
 * Small facts about pods that several controllers read the same way Kubernetes'
 * `podutil` and `controller_utils` read them: readiness, availability, activity, QoS and
 * resource requests.
 */
import type { Container, Pod, PodCondition } from "../model/types";
import { bytes, cpuMillis } from "../model/quantity";
import { parseTime, rfc3339 } from "../runtime/clock";
import type { ObjectStore } from "../runtime/store";

/** The pod's `Ready` condition, if the kubelet has written one. */
export function podReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === "Ready");
}

/** `podutil.IsPodReady`: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === "True";
}

/**
 * `podutil.IsPodAvailable`: ready, and ready for longer than `minReadySeconds`
 * (strictly, as Kubernetes compares `lastTransitionTime + minReadySeconds` before now).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const c = podReadyCondition(pod);
  if (!c || c.status !== "True") return false;
  if (!minReadySeconds) return true;
  const since = parseTime(c.lastTransitionTime);
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < now;
}

/** When a ready pod becomes available under `minReadySeconds` (ms), or undefined when it is not ready. */
export function podAvailableAt(pod: Pod, minReadySeconds: number): number | undefined {
  const c = podReadyCondition(pod);
  if (!c || c.status !== "True") return undefined;
  const since = parseTime(c.lastTransitionTime);
  return Number.isNaN(since) ? undefined : since + minReadySeconds * 1000 + 1;
}

/** `controller.IsPodActive`: not Succeeded, not Failed and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return pod.status?.phase !== "Succeeded" && pod.status?.phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

/** Whether a pod has finished for good (Succeeded or Failed). */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/**
 * Sets a pod condition as `podutil.UpdatePodCondition` does: the transition time moves only
 * when the status changes. Returns whether anything changed.
 */
export function setPodCondition(pod: Pod, cond: Omit<PodCondition, "lastTransitionTime" | "lastProbeTime">, now: number): boolean {
  pod.status ??= { phase: "Pending" };
  const list = (pod.status.conditions ??= []);
  const i = list.findIndex((c) => c.type === cond.type);
  const next: PodCondition = { type: cond.type, status: cond.status, lastProbeTime: null, lastTransitionTime: rfc3339(now) };
  if (cond.reason !== undefined) next.reason = cond.reason;
  if (cond.message !== undefined) next.message = cond.message;
  if (i < 0) {
    list.push(next);
    return true;
  }
  const cur = list[i];
  if (cur.status === next.status && cur.reason === next.reason && cur.message === next.message) return false;
  if (cur.status === next.status) next.lastTransitionTime = cur.lastTransitionTime;
  list[i] = next;
  return true;
}

/** CPU (millicores) and memory (bytes) a pod asks for. */
export interface PodResources {
  milliCPU: number;
  memory: number;
}

function containerRequests(c: Container, nonZero: boolean): PodResources {
  const req = c.resources?.requests ?? {};
  const cpu = req.cpu !== undefined ? cpuMillis(req.cpu) : nonZero ? DEFAULT_MILLI_CPU_REQUEST : 0;
  const mem = req.memory !== undefined ? bytes(req.memory) : nonZero ? DEFAULT_MEMORY_REQUEST : 0;
  return { milliCPU: cpu, memory: mem };
}

/** The scheduler's stand-in CPU request for a container that sets none (for scoring only). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** The scheduler's stand-in memory request for a container that sets none (200Mi, for scoring only). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/**
 * A pod's effective requests as the scheduler computes them: the sum over app containers
 * (and restartable init containers), or the largest init container if that is more.
 * `nonZero` substitutes the scheduler defaults for missing requests (used for scoring).
 */
export function podRequests(pod: Pod, nonZero = false): PodResources {
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec.containers ?? []) {
    const r = containerRequests(c, nonZero);
    cpu += r.milliCPU;
    mem += r.memory;
  }
  let sidecarCpu = 0;
  let sidecarMem = 0;
  let initCpu = 0;
  let initMem = 0;
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequests(c, false);
    if (c.restartPolicy === "Always") {
      sidecarCpu += r.milliCPU;
      sidecarMem += r.memory;
      initCpu = Math.max(initCpu, sidecarCpu);
      initMem = Math.max(initMem, sidecarMem);
    } else {
      initCpu = Math.max(initCpu, sidecarCpu + r.milliCPU);
      initMem = Math.max(initMem, sidecarMem + r.memory);
    }
  }
  return { milliCPU: Math.max(cpu + sidecarCpu, initCpu), memory: Math.max(mem + sidecarMem, initMem) };
}

/** `qos.GetPodQOS`: Guaranteed, Burstable or BestEffort from the containers' cpu/memory requests and limits. */
export function podQosClass(pod: Pod): "Guaranteed" | "Burstable" | "BestEffort" {
  const all = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ["cpu", "memory"] as const) {
      const q = req[r];
      const l = lim[r];
      if ((q !== undefined && !isZero(r, q)) || (l !== undefined && !isZero(r, l))) anySet = true;
      if (l === undefined || isZero(r, l)) guaranteed = false;
      else if (q !== undefined && amount(r, q) !== amount(r, l)) guaranteed = false;
    }
  }
  if (!anySet) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

function amount(resource: "cpu" | "memory", q: string): number {
  return resource === "cpu" ? cpuMillis(q) : bytes(q);
}
function isZero(resource: "cpu" | "memory", q: string): boolean {
  return amount(resource, q) === 0;
}

/** Every Pod grouped by namespace, in the store's order (what the workload controllers match owners against). */
export function podsByNamespace(store: ObjectStore): Map<string, Pod[]> {
  const byNamespace = new Map<string, Pod[]>();
  for (const pod of store.list<Pod>("Pod")) {
    const ns = pod.metadata.namespace!;
    let list = byNamespace.get(ns);
    if (!list) byNamespace.set(ns, (list = []));
    list.push(pod);
  }
  return byNamespace;
}
