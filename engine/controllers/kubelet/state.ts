import type { ControllerContext } from "../../runtime/controller";
import type { ProcessPlan } from "../../world/process";

/**
 * The kubelet's private state: what the container runtime and the kubelet's caches know
 * that the API does not (processes, back-off entries, probe counters, the node's images).
 * Plain data in `ctx.state("kubelet", …)`, so a cluster stays a function of its inputs.
 */

/** The controller name under which the kubelet keeps its state. */
export const KUBELET = "kubelet";

/** A `flowcontrol.Backoff` entry. */
export interface BackoffEntry {
  durationMs: number;
  lastUpdateMs: number;
}

/** A log stream of one container instance: its plan and its life, rendered on demand. */
export interface ContainerLog {
  plan: ProcessPlan;
  startedAtMs: number;
  finishedAtMs?: number;
  /** Lines written outside the plan (running-requirement failures, shutdown), absolute times. */
  extra: { atMs: number; text: string }[];
  /** Template variables for `extra` lines. */
  extraVars: Record<string, string>;
}

/** How the last instance of a container ended. */
export interface TerminatedInfo {
  exitCode: number;
  reason: string;
  message?: string;
  startedAtMs: number;
  finishedAtMs: number;
  containerID: string;
}

/** Per-probe counters. */
export interface ProbeState {
  /** The last tick processed (ms). */
  lastTickMs: number;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  /** Readiness/startup result so far. */
  passed: boolean;
}

/** A loop of kubelet syncs for a container stuck waiting (back-off, config errors). */
export interface RetryLoop {
  kind: "pull" | "crash" | "config" | "create";
  /** Time of the first sync of the loop. */
  anchorMs: number;
  /** The last sync already processed. */
  lastTickMs: number;
  /** When the waiting ends (back-off expiry); undefined: until the cause is fixed. */
  untilMs?: number;
}

/** What the runtime knows about one container of a pod. */
export interface ContainerRuntime {
  name: string;
  init: boolean;
  /** Image resolved and present for this container (normalised reference, imageID). */
  image?: { spec: string; normalized: string; imageID: string; repository: string; tag?: string };
  /** An image pull in progress. */
  pull?: { startedMs: number; doneMs: number; ok: boolean; message?: string; invalid?: boolean };
  waiting?: { reason: string; message?: string };
  running?: { id: string; startedAtMs: number; plan: ProcessPlan; readyProbe?: ProbeState; liveProbe?: ProbeState; startProbe?: ProbeState; unready: boolean; killAtMs?: number; killReason?: string; stoppingAtMs?: number; startedFlag: boolean; ready: boolean };
  /** The current instance has exited (shown as `state.terminated` until the next start). */
  terminated?: TerminatedInfo;
  /** The instance before the current one (`lastState.terminated`). */
  last?: TerminatedInfo;
  restartCount: number;
  crashBackoff?: BackoffEntry;
  pullBackoff?: BackoffEntry;
  /** The image the pull back-off is about (the kubelet keys it by pod and image). */
  pullBackoffImage?: string;
  loop?: RetryLoop;
  /** Next restart or retry sync (ms). */
  nextSyncMs?: number;
  logs?: ContainerLog;
  previousLogs?: ContainerLog;
  /** The container has finished for good (restartPolicy). */
  done?: boolean;
}

/** What the kubelet knows about one pod. */
export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  /** Pod worker resync period after errors (10–15 s, fixed per pod). */
  resyncMs: number;
  firstSeenMs: number;
  sandboxMs?: number;
  podIP?: string;
  /** Volume manager retries while a volume cannot be set up. */
  mount?: { firstFailMs: number; attempts: number; timeouts: number; readyAtMs?: number };
  containers: Record<string, ContainerRuntime>;
  /** lastTransitionTime of each condition (`type=status`). */
  transitions: Record<string, number>;
  terminating?: { sinceMs: number; removeAtMs: number };
  /** Phase reached for good (Succeeded/Failed). */
  final?: "Succeeded" | "Failed";
}

/** Per-node runtime state: images present, IPs in use. */
export interface NodeRuntime {
  images: string[];
  ips: string[];
}

/** `pod/<uid>` strings already built, by uid: one string per pod, whose hash V8 keeps for the next lookup. Bounded. */
const podKeys = new Map<string, string>();
const MAX_POD_KEYS = 50_000;

/** The key of a pod's runtime in the kubelet's state (`pod/<uid>`). */
export function podStateKey(uid: string): string {
  let k = podKeys.get(uid);
  if (k === undefined) {
    if (podKeys.size >= MAX_POD_KEYS) podKeys.clear();
    k = `pod/${uid}`;
    podKeys.set(uid, k);
  }
  return k;
}

/** The kubelet's state for a pod (created on first use). */
export function podRuntime(ctx: ControllerContext, uid: string, init: () => PodRuntime): PodRuntime {
  return ctx.state<PodRuntime>(KUBELET, podStateKey(uid), init);
}

/** The kubelet's state for a node. */
export function nodeRuntime(ctx: ControllerContext, node: string): NodeRuntime {
  return ctx.state<NodeRuntime>(KUBELET, `node/${node}`, () => ({ images: [], ips: [] }));
}

/** The uids the kubelet tracks (to forget pods that are gone). */
export function trackedPods(ctx: ControllerContext): { uids: string[] } {
  return ctx.state<{ uids: string[] }>(KUBELET, "index", () => ({ uids: [] }));
}
