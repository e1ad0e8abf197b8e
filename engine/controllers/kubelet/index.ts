import type { Node, Pod } from "../../model/types";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { KUBELET, podStateKey, trackedPods, type PodRuntime } from "./state";
import { forgetPod, syncPod } from "./sync-pod";

/** Kinds whose changes can change what the kubelet does for a pod (config, network, nodes). */
const INPUT_KINDS = ["ConfigMap", "Secret", "Service", "PersistentVolumeClaim", "ServiceAccount", "Node"] as const;

/**
 * Endpoints, read only to tell what a process can reach: when the pod starts a process (a
 * moment it is due anyway) and while a running process depends on other services (such a
 * pod is synced at every instant).
 */
const NETWORK_KIND = "Endpoints";

/** The inputs of a pod's last sync, and until when a sync with the same inputs would change nothing. */
interface SeenPod {
  /** The versions of the input kinds (their sum: each only grows, so the sum moves when any does). */
  inputs: number;
  /** The pod's resourceVersion after the sync. */
  resourceVersion: string | undefined;
  /** The Endpoints' version (see {@link NETWORK_KIND}). */
  network: number;
  atMs: number;
  untilMs: number;
  /**
   * For a pod whose running process depends on other services (due at every instant): what
   * the network looked like right after its sync — the Pods' version and every process's
   * listening state — and until when nothing but a change of those could make a sync do
   * something (its own next due instant, or a process starting or stopping to listen).
   */
  net?: { pods: number; listeners: string; untilMs: number };
}

/**
 * Everything about the simulated processes that the network model reads through
 * `listenerAt` and does not read from the store: which container runs (by id), whether its
 * application reports itself unready, and when it stops. Listening start and exit instants
 * are fixed per running id and covered by {@link nextListenerChange}.
 */
function listenerState(ctx: ControllerContext, lookup: (uid: string) => PodRuntime | undefined): string {
  let out = "";
  for (const uid of trackedPods(ctx).uids) {
    const pr = lookup(uid);
    if (!pr) continue;
    for (const name in pr.containers) {
      const r = pr.containers[name].running;
      if (r) out += `${uid}/${name}:${r.id}:${r.unready ? 1 : 0}:${r.killAtMs ?? ""}:${r.stoppingAtMs ?? ""};`;
    }
  }
  return out;
}

/** `t` when it is after `nowMs` and before `next`, else `next`. */
function earlierAfter(next: number, t: number | undefined, nowMs: number): number {
  return t !== undefined && t > nowMs && t < next ? t : next;
}

/** No pod runtime yet (the kubelet's lookups never create one). */
function none(): undefined {
  return undefined;
}

/** The first instant after `nowMs` at which a running process starts listening, exits, is killed or stops. */
function nextListenerChange(ctx: ControllerContext, lookup: (uid: string) => PodRuntime | undefined, nowMs: number): number {
  let next = Infinity;
  for (const uid of trackedPods(ctx).uids) {
    const pr = lookup(uid);
    if (!pr) continue;
    for (const name in pr.containers) {
      const r = pr.containers[name].running;
      if (!r) continue;
      const plan = r.plan;
      if (plan.listenAt !== undefined) next = earlierAfter(next, r.startedAtMs + plan.listenAt * 1000, nowMs);
      if (plan.exit) next = earlierAfter(next, r.startedAtMs + plan.exit.at * 1000, nowMs);
      next = earlierAfter(next, r.killAtMs, nowMs);
      next = earlierAfter(next, r.stoppingAtMs, nowMs);
    }
  }
  return next;
}

/**
 * The kubelet of every node: runs the pods bound to Ready nodes against the registry and
 * application models (image pulls, config, processes, probes, restarts), reports their
 * status and events, and finishes graceful deletions. Nodes that are not Ready have no
 * working kubelet: their pods keep their last status.
 */
export const kubeletController: Controller = {
  name: KUBELET,
  reconcile(ctx: ControllerContext): void {
    // (Asked for first, as it always was, so a fresh state holds its keys in the same order.)
    const seen = ctx.state<Record<string, SeenPod>>(KUBELET, "seen", () => ({}));
    // A pass over unchanged inputs (no Pod, input or Endpoints written since a pass that wrote
    // nothing), at the same instant or before any pod is due, would only skip every pod.
    const quiet = ctx.state<QuietPass>(KUBELET, "quiet", newQuietPass);
    const quietNow = quiet.atMs === ctx.now || ctx.now < quiet.untilMs;
    // Nothing at all written since that pass: the versions below are still its own.
    if (quiet.versions !== -1 && quiet.storeVersion === ctx.store.version && quietNow) return;
    // An object method, not a named closure: tsx's keepNames renames each closure it creates.
    const runtimes = {
      lookup(uid: string): PodRuntime | undefined {
        return ctx.state<PodRuntime | undefined>(KUBELET, podStateKey(uid), none);
      },
    };
    const lookup = runtimes.lookup;
    let inputs = 0;
    for (const k of INPUT_KINDS) inputs += ctx.store.kindVersion(k);
    const network = ctx.store.kindVersion(NETWORK_KIND);
    const versions = inputs + ctx.store.kindVersion("Pod") + network;
    if (quiet.versions === versions && quietNow) {
      quiet.storeVersion = ctx.store.version;
      return;
    }
    const before = ctx.store.version;
    let untilAll = Infinity;
    const nodes = new Map<string, Node | null>();
    const live = new Set<string>();
    for (const pod of ctx.store.list<Pod>("Pod")) {
      const nodeName = pod.spec.nodeName;
      if (pod.metadata.uid) live.add(pod.metadata.uid);
      if (!nodeName) {
        if (pod.metadata.deletionTimestamp) ctx.store.remove("Pod", pod.metadata.namespace, pod.metadata.name);
        continue;
      }
      // The pod's node when its kubelet runs: a node whose kubelet never posted a Ready
      // condition (one created through the API) runs nothing. Looked up once per node and pass.
      let node = nodes.get(nodeName);
      if (node === undefined) {
        node = ctx.store.get<Node>("Node", undefined, nodeName) ?? null;
        const ready = node?.status?.conditions?.find((c) => c.type === "Ready");
        if (!ready || ready.status !== "True") node = null;
        nodes.set(nodeName, node);
      }
      if (!node) continue;
      // Another pass with nothing new for this pod, at the same instant or before anything in
      // the pod is due, changes nothing.
      const uid = pod.metadata.uid!;
      const last = seen[uid];
      if (last && last.resourceVersion === pod.metadata.resourceVersion && last.inputs === inputs) {
        if (ctx.now < last.untilMs) {
          // As if synced: the same as a sync would leave.
          last.atMs = ctx.now;
          last.network = network;
          if (last.untilMs < untilAll) untilAll = last.untilMs;
          continue;
        }
        if (last.atMs === ctx.now && last.network === network) {
          if (last.untilMs < untilAll) untilAll = last.untilMs;
          continue;
        }
        // Due only because its process depends on the network: nothing it can reach changed.
        const net = last.net;
        if (net && ctx.now < net.untilMs && last.network === network && net.pods === ctx.store.kindVersion("Pod") && net.listeners === listenerState(ctx, lookup)) {
          last.atMs = ctx.now;
          if (ctx.now < untilAll) untilAll = ctx.now;
          continue;
        }
      }
      const dependency = { dependent: false, untilMs: Infinity };
      const untilMs = syncPod(ctx, pod, node, lookup, dependency);
      const after = ctx.store.get<Pod>("Pod", pod.metadata.namespace, pod.metadata.name);
      if (after) {
        const entry: SeenPod = { inputs, resourceVersion: after.metadata.resourceVersion, network, atMs: ctx.now, untilMs };
        if (dependency.dependent) {
          entry.net = { pods: ctx.store.kindVersion("Pod"), listeners: listenerState(ctx, lookup), untilMs: Math.min(dependency.untilMs, nextListenerChange(ctx, lookup, ctx.now)) };
        }
        seen[uid] = entry;
      } else delete seen[uid];
      if (untilMs < untilAll) untilAll = untilMs;
    }
    const index = trackedPods(ctx);
    for (const uid of [...index.uids]) {
      if (live.has(uid)) continue;
      const pr = lookup(uid);
      delete seen[uid];
      if (pr) forgetPod(ctx, pr);
      else index.uids.splice(index.uids.indexOf(uid), 1);
    }
    if (ctx.store.version === before) {
      quiet.versions = versions;
      quiet.atMs = ctx.now;
      quiet.untilMs = untilAll;
      quiet.storeVersion = ctx.store.version;
    } else quiet.versions = -1;
  },
};

/** The inputs of the kubelet's last pass that wrote nothing, and until when no pod is due. */
interface QuietPass {
  /** The sum of the versions of every kind the kubelet reads (-1: none yet). */
  versions: number;
  atMs: number;
  untilMs: number;
  /** The store's version when the versions were last found the same (the sum cannot have moved while it is unchanged). */
  storeVersion: number;
}

/**
 * Makes the kubelet sync every pod again at the next instant the cluster wakes up, whatever is
 * due in it: for code that edits pods in place without writing them through the store
 * (back-dating a scenario's past), whose edits the kubelet then overwrites with its own status.
 */
export function resyncAllPods(cluster: { controllerState<T>(controller: string, key: string): T | undefined }): void {
  const seen = cluster.controllerState<Record<string, SeenPod>>(KUBELET, "seen");
  if (seen) for (const last of Object.values(seen)) last.untilMs = last.atMs;
  const quiet = cluster.controllerState<QuietPass>(KUBELET, "quiet");
  if (quiet) quiet.versions = -1;
}

function newQuietPass(): QuietPass {
  return { versions: -1, atMs: NaN, untilMs: -Infinity, storeVersion: -1 };
}

