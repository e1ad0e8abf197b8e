/**
 * The default scheduler (`schedule_one.go`): takes unbound pods in queue order (priority,
 * then age), runs PreFilter and Filter plugins over every node, scores the feasible nodes
 * by least allocated (ties broken at random), and binds — or records `FailedScheduling`
 * with the FitError text and the pod's `PodScheduled=False` condition, then runs preemption.
 *
 * An unschedulable pod is retried, as the scheduling queue does, only when the cluster
 * changed in a way that could help (a node's labels, taints, cordon or allocatable; a pod
 * leaving a node; a claim, volume or class changing; the pod itself being updated) once its
 * back-off (1s doubling to 10s) has passed, and in any case after 5 minutes in the
 * unschedulable queue (flushed every 30s).
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../../model/types";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { requestPodDeletion } from "../pod-deletion";
import { isPodTerminal, setPodCondition } from "../pod-util";
import { isDelayBinding, SELECTED_NODE_ANNOTATION } from "../persistent-volume/volume-matching";
import { ErrNoNodesAvailable, formatFitError } from "./fit-error";
import type { CycleContext, FilterPlugin, NodeInfo, PreFilterPlugin, Status } from "./framework";
import { leastAllocatedScore } from "./least-allocated";
import { addPod, buildSnapshot } from "./node-info";
import { nodeAffinity } from "./node-affinity";
import { nodeResourcesFit } from "./node-resources-fit";
import { nodeUnschedulable } from "./node-unschedulable";
import { preempt } from "./preemption";
import { taintToleration } from "./taint-toleration";
import { podClaimNames, volumeBindingFilter, volumeBindingPreFilter } from "./volume-binding";

/** The scheduler's name, on events and in `spec.schedulerName`. */
export const DEFAULT_SCHEDULER = "default-scheduler";

/** PreFilter plugins in the default profile's order (those the simulation models). */
export const PRE_FILTER_PLUGINS: readonly PreFilterPlugin[] = [volumeBindingPreFilter];
/** Filter plugins in the default profile's order (those the simulation models). */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [nodeUnschedulable, taintToleration, nodeAffinity, nodeResourcesFit, volumeBindingFilter];

/** podInitialBackoffDuration. */
const INITIAL_BACKOFF_MS = 1000;
/** podMaxBackoffDuration. */
const MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration. */
const MAX_UNSCHEDULABLE_MS = 5 * 60_000;
/** How often the unschedulable pods are flushed back to the active queue. */
const FLUSH_PERIOD_MS = 30_000;

interface QueuedPod {
  attempts: number;
  lastAttempt: number;
  /** The cluster epoch at the last attempt. */
  epoch: number;
  /** The pod's own version at the last attempt. */
  podVersion: string;
}

interface QueueState {
  /**
   * When the scheduler started (its first pass): the flush loop ticks every FLUSH_PERIOD_MS
   * from here, as kube-scheduler's `wait.Until` does from its own start.
   */
  startedAt: number;
  epoch: number;
  nodeSig: string;
  volumeSig: string;
  /** Per node: requested cpu, memory and pod count at the last look. */
  usage: Record<string, [number, number, number]>;
  pods: Record<string, QueuedPod>;
}

/** The result of one scheduling attempt. */
export type ScheduleResult = { ok: true; node: string } | { ok: false; message: string; preemption?: { node: string; victims: Pod[] } };

function backoffMs(attempts: number): number {
  return Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/** When the flush loop (ticking from `startedAt`) moves a pod that failed at `lastAttempt` back to the active queue. */
export function flushAt(lastAttempt: number, startedAt: number): number {
  return startedAt + (Math.floor((lastAttempt + MAX_UNSCHEDULABLE_MS - startedAt) / FLUSH_PERIOD_MS) + 1) * FLUSH_PERIOD_MS;
}

function isPendingForScheduler(pod: Pod): boolean {
  if (pod.spec?.nodeName || pod.metadata.deletionTimestamp || isPodTerminal(pod)) return false;
  if ((pod.spec.schedulerName ?? DEFAULT_SCHEDULER) !== DEFAULT_SCHEDULER) return false;
  const gates = pod.spec.schedulingGates as unknown[] | undefined;
  return !gates || gates.length === 0;
}

function queueOrder(a: Pod, b: Pod): number {
  const pa = a.spec.priority ?? 0;
  const pb = b.spec.priority ?? 0;
  if (pa !== pb) return pb - pa;
  const ta = a.metadata.creationTimestamp ?? "";
  const tb = b.metadata.creationTimestamp ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  return Number(a.metadata.resourceVersion ?? 0) - Number(b.metadata.resourceVersion ?? 0);
}

/**
 * A node's part of the signature, by node object while its resourceVersion is the same (every
 * write to a node, a label, a taint, cordoning, bumps it; allocatable comes from its status).
 */
const nodeParts = new WeakMap<object, { resourceVersion: string | undefined; part: string }>();

function nodeSignature(infos: Map<string, NodeInfo>): string {
  const parts: string[] = [];
  for (const info of infos.values()) {
    const n = info.node;
    const hit = nodeParts.get(n);
    if (hit && hit.resourceVersion === n.metadata.resourceVersion && hit.resourceVersion !== undefined) {
      parts.push(hit.part);
      continue;
    }
    const part = `${n.metadata.name}|${JSON.stringify(n.metadata.labels ?? {})}|${JSON.stringify(n.spec?.taints ?? [])}|${n.spec?.unschedulable ? 1 : 0}|${info.allocatable.milliCPU},${info.allocatable.memory},${info.allocatable.pods}`;
    nodeParts.set(n, { resourceVersion: n.metadata.resourceVersion, part });
    parts.push(part);
  }
  return parts.join("\n");
}

function volumeSignature(ctx: ControllerContext): string {
  const parts: string[] = [];
  for (const c of ctx.store.list<PersistentVolumeClaim>("PersistentVolumeClaim")) {
    parts.push(`c|${c.metadata.namespace}/${c.metadata.name}|${c.metadata.uid}|${c.status?.phase ?? ""}|${c.spec.volumeName ?? ""}|${c.metadata.deletionTimestamp ?? ""}`);
  }
  for (const v of ctx.store.list<PersistentVolume>("PersistentVolume")) parts.push(`v|${v.metadata.name}|${v.status?.phase ?? ""}|${v.spec.claimRef?.uid ?? ""}`);
  for (const s of ctx.store.list<StorageClass>("StorageClass")) parts.push(`s|${s.metadata.name}|${s.volumeBindingMode ?? ""}|${s.provisioner}`);
  return parts.join("\n");
}

/** Moves the cluster epoch forward when something that could make a pod schedulable changed. */
function observeCluster(ctx: ControllerContext, state: QueueState, infos: Map<string, NodeInfo>): void {
  let changed = false;
  const nodeSig = nodeSignature(infos);
  if (nodeSig !== state.nodeSig) {
    state.nodeSig = nodeSig;
    changed = true;
  }
  const usage: QueueState["usage"] = {};
  for (const [name, info] of infos) {
    const now: [number, number, number] = [info.requested.milliCPU, info.requested.memory, info.pods.length];
    const before = state.usage[name];
    if (before && (now[0] < before[0] || now[1] < before[1] || now[2] < before[2])) changed = true;
    usage[name] = now;
  }
  state.usage = usage;
  const volumeSig = volumeSignature(ctx);
  if (volumeSig !== state.volumeSig) {
    state.volumeSig = volumeSig;
    changed = true;
  }
  if (changed) state.epoch++;
}

function podVersion(pod: Pod): string {
  return `${pod.metadata.generation ?? 0}|${JSON.stringify(pod.spec.tolerations ?? [])}|${JSON.stringify(pod.metadata.labels ?? {})}`;
}

/** One scheduling cycle for one pod against the snapshot (no writes). */
export function schedulePod(ctx: ControllerContext, pod: Pod, infos: Map<string, NodeInfo>): ScheduleResult {
  const cycle: CycleContext = { store: ctx.store };
  const nodes = [...infos.values()];
  if (nodes.length === 0) return { ok: false, message: ErrNoNodesAvailable };
  for (const p of PRE_FILTER_PLUGINS) {
    const s = p.preFilter(pod, cycle);
    if (s) {
      const outcome = preempt(pod, nodes, undefined, FILTER_PLUGINS, cycle);
      const post = outcome.kind === "message" ? outcome.message : undefined;
      return { ok: false, message: formatFitError(nodes.length, s.reasons.join(", "), [], post) };
    }
  }
  const statuses = new Map<string, Status>();
  const feasible: NodeInfo[] = [];
  for (const info of nodes) {
    let rejected: Status | undefined;
    for (const f of FILTER_PLUGINS) {
      rejected = f.filter(pod, info, cycle);
      if (rejected) break;
    }
    if (rejected) statuses.set(info.node.metadata.name, rejected);
    else feasible.push(info);
  }
  if (feasible.length === 0) {
    const outcome = preempt(pod, nodes, statuses, FILTER_PLUGINS, cycle);
    const message = formatFitError(nodes.length, undefined, statuses.values(), outcome.kind === "message" ? outcome.message : undefined);
    return outcome.kind === "preempt" ? { ok: false, message, preemption: { node: outcome.node, victims: outcome.victims } } : { ok: false, message };
  }
  if (feasible.length === 1) return { ok: true, node: feasible[0].node.metadata.name };
  let bestScore = -1;
  let best: NodeInfo[] = [];
  for (const info of feasible) {
    const score = leastAllocatedScore(pod, info);
    if (score > bestScore) {
      bestScore = score;
      best = [info];
    } else if (score === bestScore) best.push(info);
  }
  return { ok: true, node: (best.length === 1 ? best[0] : ctx.rng.pick(best)).node.metadata.name };
}

function bind(ctx: ControllerContext, pod: Pod, node: string): void {
  pod.spec.nodeName = node;
  setPodCondition(pod, { type: "PodScheduled", status: "True" }, ctx.now);
  if ((pod.status as { nominatedNodeName?: string }).nominatedNodeName) delete (pod.status as { nominatedNodeName?: string }).nominatedNodeName;
  ctx.store.touch(pod);
  for (const name of podClaimNames(pod)) {
    const pvc = ctx.store.get<PersistentVolumeClaim>("PersistentVolumeClaim", pod.metadata.namespace, name);
    if (!pvc || pvc.spec.volumeName || !isDelayBinding(ctx.store, pvc)) continue;
    if (pvc.metadata.annotations?.[SELECTED_NODE_ANNOTATION] === node) continue;
    pvc.metadata.annotations = { ...(pvc.metadata.annotations ?? {}), [SELECTED_NODE_ANNOTATION]: node };
    ctx.store.touch(pvc);
  }
  ctx.events.record(pod, "Normal", "Scheduled", `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`, { component: DEFAULT_SCHEDULER });
}

function fail(ctx: ControllerContext, pod: Pod, result: Extract<ScheduleResult, { ok: false }>): void {
  const reason = result.message === ErrNoNodesAvailable ? "SchedulerError" : "Unschedulable";
  ctx.events.record(pod, "Warning", "FailedScheduling", result.message, { component: DEFAULT_SCHEDULER });
  let changed = setPodCondition(pod, { type: "PodScheduled", status: "False", reason, message: result.message }, ctx.now);
  if (result.preemption) {
    const { node, victims } = result.preemption;
    for (const v of victims) {
      ctx.events.record(v, "Normal", "Preempted", `Preempted by pod ${pod.metadata.uid} on node ${node}`, { component: DEFAULT_SCHEDULER });
      requestPodDeletion(ctx.store, v, ctx.now);
    }
    const status = pod.status as { nominatedNodeName?: string };
    if (status.nominatedNodeName !== node) {
      status.nominatedNodeName = node;
      changed = true;
    }
  }
  if (changed) ctx.store.touch(pod);
}

/** The default scheduler. */
export const scheduler = skipWhenUnchanged(
  {
  name: DEFAULT_SCHEDULER,
  reconcile(ctx: ControllerContext): void {
    const pods = ctx.store.list<Pod>("Pod");
    const pending = pods.filter(isPendingForScheduler);
    const state = ctx.state<QueueState>(DEFAULT_SCHEDULER, "queue", () => ({ startedAt: ctx.now, epoch: 0, nodeSig: "", volumeSig: "", usage: {}, pods: {} }));
    if (pending.length === 0) {
      state.pods = {};
      return;
    }
    const infos = buildSnapshot(ctx.store, pods);
    observeCluster(ctx, state, infos);
    pending.sort(queueOrder);
    const live: Record<string, QueuedPod> = {};
    for (const pod of pending) {
      const uid = pod.metadata.uid!;
      const entry = state.pods[uid];
      const version = podVersion(pod);
      if (entry) {
        const retryAfterChange = entry.epoch !== state.epoch || entry.podVersion !== version;
        const backoffUntil = entry.lastAttempt + backoffMs(entry.attempts);
        const flush = flushAt(entry.lastAttempt, state.startedAt);
        const due = (retryAfterChange && ctx.now >= backoffUntil) || ctx.now >= flush;
        if (!due) {
          if (retryAfterChange) ctx.wakeAt(backoffUntil);
          ctx.wakeAt(flush);
          live[uid] = entry;
          continue;
        }
      }
      const result = schedulePod(ctx, pod, infos);
      if (result.ok) {
        bind(ctx, pod, result.node);
        addPod(infos.get(result.node)!, pod);
        continue;
      }
      fail(ctx, pod, result);
      const next: QueuedPod = { attempts: (entry?.attempts ?? 0) + 1, lastAttempt: ctx.now, epoch: state.epoch, podVersion: version };
      live[uid] = next;
      ctx.wakeAt(flushAt(ctx.now, state.startedAt));
    }
    state.pods = live;
  },
} satisfies Controller,
  // Time matters only through a queued pod's back-off and flush instants, and a pass that
  // writes nothing (no pod attempted) asks to be woken at each of them.
  { kinds: ["Pod", "Node", "PersistentVolumeClaim", "PersistentVolume", "StorageClass"], clock: true, wakesAtDeadlines: true },
);
