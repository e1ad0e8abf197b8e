import type { ContainerState, ContainerStatus, Container, Node, Pod, PodCondition, PodStatus } from "../../model/types";
import { rfc3339 as formatTime } from "../../runtime/clock";
import type { ContainerRuntime, PodRuntime, TerminatedInfo } from "./state";

/**
 * Builds the pod status the kubelet reports (`pkg/kubelet/kubelet_pods.go`): container
 * statuses, phase, conditions, IPs and QoS class.
 */

const formatted = new Map<number, string>();

/** RFC 3339 timestamps, memoised: a pod's status repeats the same few instants on every sync. */
function rfc3339(ms: number): string {
  let s = formatted.get(ms);
  if (s === undefined) {
    if (formatted.size > 20_000) formatted.clear();
    s = formatTime(ms);
    formatted.set(ms, s);
  }
  return s;
}

function terminatedState(t: TerminatedInfo): ContainerState {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      ...(t.message ? { message: t.message } : {}),
      startedAt: rfc3339(t.startedAtMs),
      finishedAt: rfc3339(t.finishedAtMs),
      containerID: t.containerID,
    },
  };
}

function creatingStatus(c: Container, restartCount: number): ContainerStatus {
  return { name: c.name, state: { waiting: { reason: "ContainerCreating" } }, lastState: {}, ready: false, restartCount, image: c.image, imageID: "", started: false };
}

function buildStatus(c: Container, restartCount: number, image: ContainerRuntime["image"], state: ContainerState, lastState: ContainerState, withImage: boolean, containerID: string | undefined, ready: boolean, started: boolean): ContainerStatus {
  const out: ContainerStatus = {
    name: c.name,
    state,
    lastState,
    ready,
    restartCount,
    image: withImage && image ? image.normalized : c.image,
    imageID: withImage && image ? image.imageID : "",
  };
  if (containerID !== undefined) out.containerID = containerID;
  out.started = started;
  return out;
}

/** The status of one container, with its fields in the API's order (`-o json` prints them so). */
export function containerStatus(c: Container, cr: ContainerRuntime | undefined): ContainerStatus {
  const restartCount = cr?.restartCount ?? 0;
  if (!cr) return creatingStatus(c, restartCount);
  const image = cr.image && cr.image.spec === c.image ? cr.image : undefined;
  if (cr.running) {
    const r = cr.running;
    return buildStatus(c, restartCount, image, { running: { startedAt: rfc3339(r.startedAtMs) } }, cr.last ? terminatedState(cr.last) : {}, true, `containerd://${r.id}`, r.ready, r.startedFlag);
  }
  if (cr.waiting) {
    const last = cr.terminated ?? cr.last;
    const state = { waiting: cr.waiting.message ? { reason: cr.waiting.reason, message: cr.waiting.message } : { reason: cr.waiting.reason } };
    return buildStatus(c, restartCount, image, state, last ? terminatedState(last) : {}, !!(cr.terminated || cr.last), cr.terminated ? `containerd://${cr.terminated.containerID}` : undefined, false, false);
  }
  if (cr.terminated) return buildStatus(c, restartCount, image, terminatedState(cr.terminated), cr.last ? terminatedState(cr.last) : {}, true, `containerd://${cr.terminated.containerID}`, false, false);
  return creatingStatus(c, restartCount);
}

/** `getPhase` of the kubelet. */
export function podPhase(pod: Pod, statuses: ContainerStatus[], initDone: boolean, initFailed: boolean): PodStatus["phase"] {
  if (initFailed) return "Failed";
  if (!initDone) return "Pending";
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    }
  }
  const policy = pod.spec.restartPolicy ?? "Always";
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped > 0) {
    if (policy === "Always") return "Running";
    if (stopped === succeeded && statuses.every((s) => s.state.terminated)) return "Succeeded";
    if (policy === "Never" && statuses.every((s) => s.state.terminated)) return "Failed";
    return "Running";
  }
  return "Pending";
}

/** The QoS class of a pod (`Guaranteed`, `Burstable`, `BestEffort`). */
export function qosClass(pod: Pod): "Guaranteed" | "Burstable" | "BestEffort" {
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ["cpu", "memory"]) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (l === undefined || q !== l) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** The pod conditions the kubelet reports. */
type ConditionType = "PodReadyToStartContainers" | "Initialized" | "Ready" | "ContainersReady";

/** Where each condition's last status is kept in `PodRuntime.transitions` (`<type>=status`). */
const STATUS_KEY: Record<ConditionType, string> = {
  PodReadyToStartContainers: "PodReadyToStartContainers=status",
  Initialized: "Initialized=status",
  Ready: "Ready=status",
  ContainersReady: "ContainersReady=status",
};

/** A condition with its lastTransitionTime kept while its status does not change. */
function condition(pr: PodRuntime, nowMs: number, type: ConditionType, ok: boolean, reason?: string, message?: string): PodCondition {
  const status = ok ? "True" : "False";
  const key = type;
  const statusKey = STATUS_KEY[type];
  const prev = pr.transitions[key];
  const prevStatus = pr.transitions[statusKey];
  if (prev === undefined || prevStatus !== (ok ? 1 : 0)) {
    pr.transitions[key] = nowMs;
    pr.transitions[statusKey] = ok ? 1 : 0;
  }
  const c: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime: rfc3339(pr.transitions[key]) };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** The whole status the kubelet reports for a pod at `nowMs`. */
export function buildPodStatus(pod: Pod, pr: PodRuntime, node: Node, nowMs: number, conditionTimeMs: number): PodStatus {
  const inits = pod.spec.initContainers ?? [];
  const initStatuses = inits.map((c) => containerStatus(c, pr.containers[c.name]));
  const statuses = pod.spec.containers.map((c) => containerStatus(c, pr.containers[c.name]));
  const initDone = inits.every((c) => pr.containers[c.name]?.terminated?.exitCode === 0 && pr.containers[c.name]?.done);
  const initFailed = (pod.spec.restartPolicy ?? "Always") === "Never" && inits.some((c) => pr.containers[c.name]?.done && (pr.containers[c.name]?.terminated?.exitCode ?? 0) !== 0);
  if (inits.length && !initDone) for (const s of statuses) if (s.state.waiting?.reason === "ContainerCreating") s.state = { waiting: { reason: "PodInitializing" } };
  let phase = pr.final ?? podPhase(pod, statuses, initDone, initFailed);
  if (phase === "Succeeded" || phase === "Failed") pr.final = phase;
  const hostIP = node.status.addresses.find((a) => a.type === "InternalIP")?.address;
  const finished = phase === "Succeeded" || phase === "Failed";
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const unreadyInit = inits.filter((c) => !(pr.containers[c.name]?.done && pr.containers[c.name]?.terminated?.exitCode === 0)).map((c) => c.name);
  const t = conditionTimeMs;
  const conditions: PodCondition[] = [
    condition(pr, t, "PodReadyToStartContainers", pr.sandboxMs !== undefined && !finished),
    inits.length === 0
      ? condition(pr, t, "Initialized", true)
      : initDone || finished
        ? condition(pr, t, "Initialized", true, finished && !initDone ? "PodCompleted" : undefined)
        : condition(pr, t, "Initialized", false, "ContainersNotInitialized", `containers with incomplete status: [${unreadyInit.join(" ")}]`),
    finished
      ? condition(pr, t, "Ready", false, "PodCompleted")
      : unready.length
        ? condition(pr, t, "Ready", false, "ContainersNotReady", `containers with unready status: [${unready.join(" ")}]`)
        : condition(pr, t, "Ready", true),
    finished
      ? condition(pr, t, "ContainersReady", false, "PodCompleted")
      : unready.length
        ? condition(pr, t, "ContainersReady", false, "ContainersNotReady", `containers with unready status: [${unready.join(" ")}]`)
        : condition(pr, t, "ContainersReady", true),
  ];
  for (const c of pod.status?.conditions ?? []) if (!conditions.some((x) => x.type === c.type)) conditions.push(c);
  const status: PodStatus = { phase, conditions };
  if (hostIP) {
    status.hostIP = hostIP;
    status.hostIPs = [{ ip: hostIP }];
  }
  if (pr.podIP && !finished) {
    status.podIP = pr.podIP;
    status.podIPs = [{ ip: pr.podIP }];
  } else if (pr.podIP && finished) {
    status.podIP = pr.podIP;
    status.podIPs = [{ ip: pr.podIP }];
  }
  status.startTime = rfc3339(pr.firstSeenMs);
  if (inits.length) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  status.qosClass = pod.status?.qosClass ?? qosClass(pod);
  void nowMs;
  return status;
}

/** Structural equality of two JSON-like values (no allocation). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let n = 0;
  for (const k in ra) {
    if (!deepEqual(ra[k], rb[k])) return false;
    n++;
  }
  for (const _ in rb) n--;
  return n === 0;
}
