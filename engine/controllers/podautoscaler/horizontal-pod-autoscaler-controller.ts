/**
 * The horizontal pod autoscaler controller as it behaves in a kind cluster, which runs no
 * metrics-server: it reads the target's scale (`currentReplicas`) but can never compute a
 * replica count from resource metrics, so it never scales. Its status says so with the
 * AbleToScale and ScalingActive conditions (FailedGetResourceMetric); a missing target gives
 * AbleToScale False (FailedGetScale). The Warning events of each 15 s sync are not recorded.
 */
import type { KObject } from "../../model/types";
import type { HorizontalPodAutoscaler } from "../../model/standard-kind-types";
import { resolveKind } from "../../model/kinds";
import { rfc3339 } from "../../runtime/clock";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";

const CONTROLLER = "horizontal-pod-autoscaler";
const NO_METRICS_API = "unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)";

type Condition = NonNullable<NonNullable<HorizontalPodAutoscaler["status"]>["conditions"]>[number];

function firstMetricError(hpa: HorizontalPodAutoscaler): { reason: string; message: string } {
  const m = hpa.spec.metrics?.[0];
  if (m?.type === "Resource" && m.resource) {
    const what = m.resource.target.averageValue !== undefined ? `${m.resource.name} usage` : `${m.resource.name} utilization`;
    return { reason: "FailedGetResourceMetric", message: `the HPA was unable to compute the replica count: failed to get ${what}: unable to get metrics for resource ${m.resource.name}: ${NO_METRICS_API}` };
  }
  if (m?.type === "ContainerResource" && m.containerResource) {
    return { reason: "FailedGetContainerResourceMetric", message: `the HPA was unable to compute the replica count: failed to get ${m.containerResource.name} utilization: unable to get metrics for resource ${m.containerResource.name}: ${NO_METRICS_API}` };
  }
  if (m?.type === "Pods") return { reason: "FailedGetPodsMetric", message: `the HPA was unable to compute the replica count: unable to get metric ${m.pods?.metric.name}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered` };
  if (m?.type === "Object") return { reason: "FailedGetObjectMetric", message: `the HPA was unable to compute the replica count: unable to get metric ${m.object?.metric.name}: ${m.object?.describedObject.kind} on ${hpa.metadata.namespace} ${m.object?.describedObject.name}/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered` };
  return { reason: "FailedGetExternalMetric", message: `the HPA was unable to compute the replica count: unable to get external metric ${hpa.metadata.namespace}/${m?.external?.metric.name ?? ""}/nil: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered` };
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
        if (!target) {
          const group = info?.apiVersion.includes("/") ? `.${info.apiVersion.split("/")[0]}` : "";
          const resource = info ? `${info.resource}/scale${group}` : `${ref.kind.toLowerCase()}s/scale`;
          next = {
            currentReplicas: hpa.status?.currentReplicas ?? 0,
            desiredReplicas: 0,
            currentMetrics: null,
            conditions: [condition(prev, "AbleToScale", "False", "FailedGetScale", `the HPA controller was unable to get the target's current scale: ${resource} "${ref.name}" not found`, ctx.now)],
          };
        } else {
          const err = firstMetricError(hpa);
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
  { kinds: ["HorizontalPodAutoscaler", "Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"], clock: false },
);
