/**
 * The DaemonSet controller (`pkg/controller/daemon`): one pod per node that should run it
 * (nodeSelector, required node affinity, taints against the pod's tolerations including the
 * default DaemonSet ones), surplus and misplaced pods deleted, failed pods replaced, a
 * RollingUpdate (maxUnavailable, maxSurge 0) that deletes old-revision pods a few at a time,
 * and the status counters `kubectl get ds` prints.
 */
import type { DaemonSet, Node, Pod } from "../../model/types";
import { matchesSelector } from "../../model/labels";
import { controllerRef } from "../../runtime/controller";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { MAX_PODS_PER_CLUSTER, podCapacityAdmissionError, serviceAccountAdmissionError } from "../defaults";
import { resourceQuotaAdmissionError } from "../resourcequota/quota-admission";
import { requestPodDeletion } from "../pod-deletion";
import { isPodAvailable, isPodReady, podAvailableAt, podsByNamespace } from "../pod-util";
import { CONTROLLER_REVISION_HASH_LABEL, templateHash } from "../statefulset/revision";
import { createDaemonPod, daemonPodFor, nodeShouldRunDaemonPod, targetNodeName } from "./daemon-pods";
import { ensureUpdateRevision, truncateHistory } from "../history/controller-history";

/** The component name on the DaemonSet controller's events. */
export const DAEMONSET_CONTROLLER = "daemonset-controller";

function record(ctx: ControllerContext, ds: DaemonSet, type: "Normal" | "Warning", reason: string, message: string): void {
  ctx.events.record(ds, type, reason, message, { component: DAEMONSET_CONTROLLER });
}

function claimPods(ctx: ControllerContext, ds: DaemonSet, candidates: Pod[]): Pod[] {
  const out: Pod[] = [];
  for (const pod of candidates) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (ref) {
      if (ref.uid === ds.metadata.uid) out.push(pod);
      continue;
    }
    if (ds.metadata.deletionTimestamp || pod.metadata.deletionTimestamp) continue;
    if (!matchesSelector(pod.metadata.labels, ds.spec.selector)) continue;
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), controllerRef(ds, "apps/v1")];
    ctx.store.touch(pod);
    out.push(pod);
  }
  return out;
}

/** `intstr.GetScaledValueFromIntOrPercent`, rounding up as the DaemonSet controller does. */
function scaled(value: number | string | undefined, total: number): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value);
  if (m) return Math.ceil((Number(m[1]) * total) / 100);
  return Number(value) || 0;
}

function deletePod(ctx: ControllerContext, ds: DaemonSet, pod: Pod): void {
  requestPodDeletion(ctx.store, pod, ctx.now);
  record(ctx, ds, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
}

function syncDaemonSet(ctx: ControllerContext, ds: DaemonSet, nodes: Node[], candidates: Pod[]): void {
  const pods = claimPods(ctx, ds, candidates);
  const hashValue = templateHash(ds.spec.template, ds.status?.collisionCount ?? 0);
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    const n = targetNodeName(pod) ?? "";
    let list = byNode.get(n);
    if (!list) byNode.set(n, (list = []));
    list.push(pod);
  }
  const minReady = ds.spec.minReadySeconds ?? 0;
  const toCreate: string[] = [];
  const toDelete: Pod[] = [];
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  const shouldRunNodes: { node: Node; pods: Pod[] }[] = [];
  for (const node of nodes) {
    const probe = daemonPodFor(ds, node.metadata.name, hashValue);
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(ds, node, probe);
    const all = byNode.get(node.metadata.name) ?? [];
    const onNode = all.filter((p) => !p.metadata.deletionTimestamp);
    byNode.delete(node.metadata.name);
    if (shouldRun) desired++;
    if (shouldRun || shouldContinueRunning) {
      if (all.length > 0 && shouldRun) current++;
      if (!shouldRun && onNode.length > 0) misscheduled++;
      const failed = onNode.filter((p) => p.status?.phase === "Failed");
      for (const p of failed) {
        record(ctx, ds, "Warning", "FailedDaemonPod", `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`);
        toDelete.push(p);
      }
      const alive = onNode.filter((p) => p.status?.phase !== "Failed");
      // A node whose pod is still terminating gets its new pod once the old one is gone (maxSurge 0).
      if (all.length === 0 && shouldRun) toCreate.push(node.metadata.name);
      // More than one pod on a node: keep the oldest.
      const sorted = [...alive].sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? 1 : 0));
      for (const extra of sorted.slice(1)) toDelete.push(extra);
      const kept = sorted[0];
      if (kept && shouldRun) {
        if (isPodReady(kept)) {
          ready++;
          if (isPodAvailable(kept, minReady, ctx.now)) available++;
          else {
            const at = podAvailableAt(kept, minReady);
            if (at !== undefined) ctx.wakeAt(at);
          }
        }
        if (kept.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hashValue) updated++;
        shouldRunNodes.push({ node, pods: [kept] });
      }
    } else {
      if (onNode.length > 0) misscheduled++;
      toDelete.push(...onNode);
    }
  }
  // Pods for nodes that no longer exist.
  for (const [nodeName, list] of byNode) if (nodeName !== "") toDelete.push(...list.filter((p) => !p.metadata.deletionTimestamp));
  if (!ds.metadata.deletionTimestamp) {
    // constructHistory: the revision of the current template, created or renumbered on a rollback.
    const { update, revisions } = ensureUpdateRevision(ctx.store, ds, hashValue, ds.metadata.annotations);
    for (const p of toDelete) deletePod(ctx, ds, p);
    createPods(ctx, ds, toCreate, hashValue);
    if ((ds.spec.updateStrategy?.type ?? "RollingUpdate") === "RollingUpdate") rollingUpdate(ctx, ds, shouldRunNodes, hashValue, desired);
    // cleanupHistory: old revisions no pod runs go, oldest first, beyond the history limit.
    const liveHashes = new Set<string>();
    for (const p of pods) {
      const h = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
      if (h !== undefined) liveHashes.add(h);
    }
    truncateHistory(ctx.store, ds, revisions, (r) => r === update || liveHashes.has(r.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? ""));
  }
  writeStatus(ctx, ds, { desired, current, misscheduled, ready, available, updated });
}

/** Old-revision pods are deleted while fewer than maxUnavailable pods are unavailable; new ones replace them. */
function rollingUpdate(ctx: ControllerContext, ds: DaemonSet, running: { node: Node; pods: Pod[] }[], hashValue: string, desired: number): void {
  const maxUnavailable = Math.max(1, scaled(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired));
  const minReady = ds.spec.minReadySeconds ?? 0;
  let unavailable = desired - running.filter((r) => isPodAvailable(r.pods[0], minReady, ctx.now)).length;
  const old = running.map((r) => r.pods[0]).filter((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] !== hashValue && !p.metadata.deletionTimestamp);
  // Unavailable old pods go first: deleting them costs nothing.
  for (const p of old.filter((p) => !isPodAvailable(p, minReady, ctx.now))) deletePod(ctx, ds, p);
  for (const p of old.filter((p) => isPodAvailable(p, minReady, ctx.now))) {
    if (unavailable >= maxUnavailable) break;
    deletePod(ctx, ds, p);
    unavailable++;
  }
}

function createPods(ctx: ControllerContext, ds: DaemonSet, nodeNames: string[], hashValue: string): void {
  if (nodeNames.length === 0) return;
  const refusal =
    serviceAccountAdmissionError(ctx.store, ds.metadata.namespace!, ds.spec.template.spec) ??
    podCapacityAdmissionError(ctx.store) ??
    resourceQuotaAdmissionError(ctx.store, ds.metadata.namespace!, ds.spec.template.spec);
  if (refusal) {
    const st = ctx.state<{ retryAt: number; failures: number }>(DAEMONSET_CONTROLLER, `${ds.metadata.uid}/create`, () => ({ retryAt: ctx.now, failures: 0 }));
    if (ctx.now >= st.retryAt) {
      record(ctx, ds, "Warning", "FailedCreate", `Error creating: pods "${ds.metadata.name}-" is forbidden: ${refusal}`);
      st.retryAt = ctx.now + Math.min(5 * 2 ** st.failures, 1_000_000);
      st.failures++;
    }
    ctx.wakeAt(st.retryAt);
    return;
  }
  ctx.dropState(DAEMONSET_CONTROLLER, `${ds.metadata.uid}/create`);
  const room = MAX_PODS_PER_CLUSTER - ctx.store.count("Pod");
  for (const nodeName of nodeNames.slice(0, Math.max(0, room))) {
    const pod = ctx.store.create(createDaemonPod(ds, nodeName, hashValue, ctx.rng, (n) => ctx.store.has("Pod", ds.metadata.namespace, n)));
    record(ctx, ds, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`);
  }
}

interface Counters {
  desired: number;
  current: number;
  misscheduled: number;
  ready: number;
  available: number;
  updated: number;
}

function writeStatus(ctx: ControllerContext, ds: DaemonSet, c: Counters): void {
  const next: Record<string, number | undefined> = {
    currentNumberScheduled: c.current,
    desiredNumberScheduled: c.desired,
    numberAvailable: c.available || undefined,
    numberMisscheduled: c.misscheduled,
    numberReady: c.ready,
    numberUnavailable: c.desired - c.available || undefined,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: c.updated || undefined,
  };
  const cur = (ds.status ?? {}) as unknown as Record<string, number | undefined>;
  let changed = ds.status === undefined;
  for (const [k, v] of Object.entries(next)) if (cur[k] !== v) changed = true;
  if (!changed) return;
  const status: Record<string, number> = {};
  for (const [k, v] of Object.entries(next)) if (v !== undefined) status[k] = v;
  const keep = ds.status as Record<string, unknown> | undefined;
  if (keep?.collisionCount !== undefined) status.collisionCount = keep.collisionCount as number;
  ds.status = status as unknown as DaemonSet["status"];
  ctx.store.touch(ds);
}

/** What the controller reads; with no DaemonSets, only whether one appears matters. */
const INPUTS = ["DaemonSet", "Pod", "Node", "ServiceAccount", "ControllerRevision"];
const OWNER_ONLY = ["DaemonSet"];

/** The DaemonSet controller. */
export const daemonSetController = skipWhenUnchanged(
  {
    name: DAEMONSET_CONTROLLER,
    reconcile(ctx: ControllerContext): void {
      const sets = ctx.store.list<DaemonSet>("DaemonSet");
      if (sets.length === 0) return;
      const nodes = ctx.store.list<Node>("Node");
      const byNamespace = podsByNamespace(ctx.store);
      for (const ds of sets) {
        if (!ds.spec?.template) continue;
        syncDaemonSet(ctx, ds, nodes, byNamespace.get(ds.metadata.namespace!) ?? []);
      }
    },
  } satisfies Controller,
  // Time matters only for minReadySeconds and create retries; both ask to be woken.
  { kinds: (ctx) => (ctx.store.count("DaemonSet") === 0 ? OWNER_ONLY : INPUTS), clock: true, wakesAtDeadlines: true },
);
