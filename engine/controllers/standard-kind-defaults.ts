/**
 * API-server defaulting (`SetDefaults_*`) of the standard kinds the simulation stores without
 * a workload controller: NetworkPolicy policy types and port protocols, the HPA's minimum
 * replicas and default CPU metric, LimitRange container defaults, ReplicationController
 * replicas/selector/labels, pod-template defaults, the PriorityClass preemption policy and an
 * Ingress's empty load-balancer status.
 */
import type { KObject, PodTemplateSpec } from "../model/types";
import type { HorizontalPodAutoscaler, LimitRange, NetworkPolicy, PodTemplate, PriorityClass, ReplicationController } from "../model/standard-kind-types";
import { applyPodSpecDefaults } from "./defaults";

function templateDefaults(t: PodTemplateSpec | undefined): void {
  if (t?.spec) applyPodSpecDefaults(t.spec);
}

function networkPolicyDefaults(np: NetworkPolicy): void {
  const spec = np.spec;
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
    for (const p of rule.ports ?? []) p.protocol ??= "TCP";
  }
  if (!spec.policyTypes || spec.policyTypes.length === 0) {
    spec.policyTypes = ["Ingress"];
    if ((spec.egress ?? []).length > 0) spec.policyTypes.push("Egress");
  }
}

function hpaDefaults(hpa: HorizontalPodAutoscaler): void {
  hpa.spec.minReplicas ??= 1;
  if (!hpa.spec.metrics || hpa.spec.metrics.length === 0) {
    hpa.spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }];
  }
  const b = hpa.spec.behavior as { scaleUp?: Record<string, unknown>; scaleDown?: Record<string, unknown> } | undefined;
  if (b) {
    // GenerateHPAScaleUpRules / GenerateHPAScaleDownRules fill what the learner left out.
    const up = (b.scaleUp ??= {});
    up.stabilizationWindowSeconds ??= 0;
    up.selectPolicy ??= "Max";
    up.policies ??= [
      { type: "Pods", value: 4, periodSeconds: 15 },
      { type: "Percent", value: 100, periodSeconds: 15 },
    ];
    const down = (b.scaleDown ??= {});
    down.stabilizationWindowSeconds ??= 300;
    down.selectPolicy ??= "Max";
    down.policies ??= [{ type: "Percent", value: 100, periodSeconds: 15 }];
  }
}

function limitRangeDefaults(lr: LimitRange): void {
  for (const item of lr.spec.limits ?? []) {
    if (item.type !== "Container") continue;
    const def = { ...(item.default ?? {}) };
    const req = { ...(item.defaultRequest ?? {}) };
    for (const [k, v] of Object.entries(item.max ?? {})) if (def[k] === undefined) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (req[k] === undefined) req[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (req[k] === undefined) req[k] = v;
    if (Object.keys(def).length > 0) item.default = def;
    if (Object.keys(req).length > 0) item.defaultRequest = req;
  }
}

function replicationControllerDefaults(rc: ReplicationController): void {
  const spec = (rc.spec ??= {});
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(labels).length > 0) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  templateDefaults(spec.template);
  rc.status ??= { replicas: 0 };
}

/** Defaults a new or replaced object of one of the standard stored kinds; other kinds are left alone. */
export function applyStandardKindDefaults(obj: KObject): void {
  switch (obj.kind) {
    case "NetworkPolicy":
      if (obj.spec) networkPolicyDefaults(obj as NetworkPolicy);
      break;
    case "HorizontalPodAutoscaler":
      if (obj.spec) hpaDefaults(obj as HorizontalPodAutoscaler);
      break;
    case "LimitRange":
      if (obj.spec) limitRangeDefaults(obj as LimitRange);
      break;
    case "ReplicationController":
      replicationControllerDefaults(obj as ReplicationController);
      break;
    case "PodTemplate":
      templateDefaults((obj as PodTemplate).template);
      break;
    case "Ingress":
      // No ingress controller runs in a kind cluster: the load balancer status stays empty.
      obj.status ??= { loadBalancer: {} };
      break;
    case "PriorityClass":
      (obj as PriorityClass).preemptionPolicy ??= "PreemptLowerPriority";
      break;
  }
}

/** Kinds `applyStandardKindDefaults` defaults even without a `spec`. */
export const DEFAULTED_WITHOUT_SPEC: ReadonlySet<string> = new Set(["PriorityClass", "PodTemplate", "ReplicationController"]);
