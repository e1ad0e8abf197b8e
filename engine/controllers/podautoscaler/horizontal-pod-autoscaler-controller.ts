/**
 * The horizontal pod autoscaler controller as it behaves in a kind cluster, which runs no
 * metrics-server: it reads the target's scale (`currentReplicas`) but can never compute a
 * replica count from resource metrics, so it never scales. Its status says so with the
 * AbleToScale and ScalingActive conditions (FailedGetResourceMetric); a missing target gives
 * AbleToScale False (FailedGetScale). Every 15 s sync repeats its Warning events
 * (FailedGetResourceMetric per metric, then FailedComputeMetricsReplicas; or FailedGetScale),
 * which the event recorder counts as `(xN over …)`, through client-go's spam filter: for
 * each event, a burst of 25 writes, then one per 5 minutes carrying the count so far.
 */
import type { KObject } from "../../model/types";
import type { HorizontalPodAutoscaler } from "../../model/standard-kind-types";
import { resolveKind } from "../../model/kinds";
import { rfc3339 } from "../../runtime/clock";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";

const ONLY_OWN_KIND = ["HorizontalPodAutoscaler"] as const;
const INPUT_KINDS = ["HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"] as const;
const CONTROLLER = "horizontal-pod-autoscaler";
/** The controller's `--horizontal-pod-autoscaler-sync-period`. */
export const HPA_SYNC_PERIOD_MS = 15_000;
/** client-go's EventSourceObjectSpamFilter: burst and refill period (qps 1/300) per event key. */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;

/** One event key's token bucket, and the occurrences the filter held back since the last one written. */
interface SpamBucket {
  tokens: number;
  refilledAt: number;
  pending: number;
}

/** Per-HPA controller state: the next sync and the spam filter's buckets by reason and message. */
interface SyncState {
  nextAt: number;
  buckets: Record<string, SpamBucket>;
}

/**
 * Records an event through client-go's correlator: the count always grows, but the spam filter
 * (25 at once, then one per 5 minutes for the same event) decides when the Event is written, so
 * a held-back occurrence shows up in the count of the next one written.
 */
function recordLimited(ctx: ControllerContext, sync: SyncState, hpa: HorizontalPodAutoscaler, reason: string, message: string): void {
  const key = `${reason}\u0000${message}`;
  const b = (sync.buckets[key] ??= { tokens: SPAM_BURST, refilledAt: ctx.now, pending: 0 });
  b.tokens = Math.min(SPAM_BURST, b.tokens + (ctx.now - b.refilledAt) / SPAM_REFILL_MS);
  b.refilledAt = ctx.now;
  if (b.tokens < 1) {
    b.pending++;
    return;
  }
  b.tokens -= 1;
  const ev = ctx.events.record(hpa, "Warning", reason, message, { component: CONTROLLER });
  if (b.pending > 0) {
    ev.count += b.pending;
    b.pending = 0;
    ctx.store.touch(ev);
  }
}

const NO_METRICS_API = "unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)";

type Condition = NonNullable<NonNullable<HorizontalPodAutoscaler["status"]>["conditions"]>[number];

/** One metric's failure: the event reason, the metric-fetch error, and its wording inside computeReplicasForMetrics. */
function metricError(hpa: HorizontalPodAutoscaler, m: NonNullable<HorizontalPodAutoscaler["spec"]["metrics"]>[number]): { reason: string; error: string; wrapped: string } {
  if ((m.type === "Resource" && m.resource) || (m.type === "ContainerResource" && m.containerResource)) {
    const r = (m.resource ?? m.containerResource)!;
    const what = r.target.averageValue !== undefined ? `${r.name} usage` : `${r.name} utilization`;
    const error = `failed to get ${what}: unable to get metrics for resource ${r.name}: ${NO_METRICS_API}`;
    const container = m.type === "ContainerResource";
    return { reason: container ? "FailedGetContainerResourceMetric" : "FailedGetResourceMetric", error, wrapped: `failed to get ${r.name}${container ? " container" : ""} resource metric value: ${error}` };
  }
  if (m.type === "Pods") {
    const error = `unable to get metric ${m.pods?.metric.name}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
    return { reason: "FailedGetPodsMetric", error, wrapped: `failed to get pods metric value: ${error}` };
  }
  if (m.type === "Object") {
    const error = `unable to get metric ${m.object?.metric.name}: ${m.object?.describedObject.kind} on ${hpa.metadata.namespace} ${m.object?.describedObject.name}/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
    return { reason: "FailedGetObjectMetric", error, wrapped: `failed to get object metric value: ${error}` };
  }
  const error = `unable to get external metric ${hpa.metadata.namespace}/${m.external?.metric.name ?? ""}/nil: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered`;
  return { reason: "FailedGetExternalMetric", error, wrapped: `failed to get external metric value: ${error}` };
}

function condition(previous: Condition[] | undefined, type: string, status: string, reason: string, message: string, now: number): Condition {
  const old = previous?.find((c) => c.type === type);
  return { type, status, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : rfc3339(now), reason, message };
}

/** The HPA controller (status only). */
export const horizontalPodAutoscalerController: Controller = skipWhenUnchanged(
  {
    name: CONTROLLER,
    reconcile(ctx: ControllerContext): void {
      for (const hpa of ctx.store.list<HorizontalPodAutoscaler>("HorizontalPodAutoscaler")) {
        const ref = hpa.spec?.scaleTargetRef;
        if (!ref) continue;
        const info = resolveKind(ref.kind);
        const target: KObject | undefined = info && info.namespaced ? ctx.store.get(info.kind, hpa.metadata.namespace, ref.name) : undefined;
        const prev = hpa.status?.conditions;
        let next: NonNullable<HorizontalPodAutoscaler["status"]>;
        // Each HPA is synced every 15 s; the events repeat at each sync.
        const sync = ctx.state<SyncState>(CONTROLLER, hpa.metadata.uid!, () => ({ nextAt: ctx.now, buckets: {} }));
        const due = ctx.now >= sync.nextAt;
        if (due) sync.nextAt = ctx.now + HPA_SYNC_PERIOD_MS;
        ctx.wakeAt(sync.nextAt);
        if (!target) {
          const group = info?.apiVersion.includes("/") ? `.${info.apiVersion.split("/")[0]}` : "";
          const resource = info ? `${info.resource}/scale${group}` : `${ref.kind.toLowerCase()}s/scale`;
          next = {
            currentReplicas: hpa.status?.currentReplicas ?? 0,
            desiredReplicas: 0,
            currentMetrics: null,
            conditions: [condition(prev, "AbleToScale", "False", "FailedGetScale", `the HPA controller was unable to get the target's current scale: ${resource} "${ref.name}" not found`, ctx.now)],
          };
          if (due) recordLimited(ctx, sync, hpa, "FailedGetScale", `${resource} "${ref.name}" not found`);
        } else {
          const errors = (hpa.spec.metrics ?? []).map((m) => metricError(hpa, m));
          const first = errors[0] ?? { reason: "FailedGetResourceMetric", error: "", wrapped: "" };
          const err = { reason: first.reason, message: `the HPA was unable to compute the replica count: ${first.error}` };
          if (due) {
            for (const e of errors) recordLimited(ctx, sync, hpa, e.reason, e.error);
            if (errors.length > 0) recordLimited(ctx, sync, hpa, "FailedComputeMetricsReplicas", `invalid metrics (${errors.length} invalid out of ${errors.length}), first error is: ${first.wrapped}`);
          }
          next = {
            currentReplicas: (target.status as { replicas?: number } | undefined)?.replicas ?? 0,
            desiredReplicas: 0,
            // computeReplicasForMetrics fails for every metric: one empty status each.
            currentMetrics: (hpa.spec.metrics ?? []).map(() => ({ type: "" })),
            conditions: [
              condition(prev, "AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale", ctx.now),
              condition(prev, "ScalingActive", "False", err.reason, err.message, ctx.now),
            ],
          };
        }
        if (JSON.stringify(hpa.status ?? {}) === JSON.stringify(next)) continue;
        hpa.status = next;
        ctx.store.touch(hpa);
      }
    },
  },
  {
    // With no HorizontalPodAutoscaler in the cluster only a new one can give the controller work.
    kinds: (ctx) => (ctx.store.count("HorizontalPodAutoscaler") === 0 ? ONLY_OWN_KIND : INPUT_KINDS),
    clock: true, wakesAtDeadlines: true,
  },
);
