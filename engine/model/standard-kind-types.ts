/**
 * The standard API kinds a kind cluster serves that the simulation stores (and, for some,
 * computes a status for) without a workload controller of its own: networking (Ingress,
 * IngressClass, NetworkPolicy), autoscaling (HorizontalPodAutoscaler), policy
 * (PodDisruptionBudget), quotas and limits (ResourceQuota, LimitRange), discovery
 * (EndpointSlice), ReplicationController, PodTemplate and PriorityClass. Only the fields the
 * printers, describers and controllers read are typed; the rest rides on `KObject`'s index.
 */
import type { KObject, LabelSelector, PodTemplateSpec, StringMap } from "./types";

/** networking.k8s.io/v1 IngressServiceBackend / IngressBackend. */
export interface IngressBackend {
  service?: { name: string; port?: { name?: string; number?: number } };
  resource?: { apiGroup?: string; kind: string; name: string };
}

/** One `spec.rules[]` entry of an Ingress. */
export interface IngressRule {
  host?: string;
  http?: { paths: { path?: string; pathType?: string; backend: IngressBackend }[] };
}

/** networking.k8s.io/v1 Ingress. */
export interface Ingress extends KObject {
  kind: "Ingress";
  spec?: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    tls?: { hosts?: string[]; secretName?: string }[];
    rules?: IngressRule[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** networking.k8s.io/v1 IngressClass. */
export interface IngressClass extends KObject {
  kind: "IngressClass";
  spec?: { controller?: string; parameters?: { apiGroup?: string; kind: string; name: string; namespace?: string; scope?: string } };
}

/** A NetworkPolicy peer (`from`/`to` entry). */
export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

/** A NetworkPolicy port. */
export interface NetworkPolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

/** networking.k8s.io/v1 NetworkPolicy (stored: the simulated network does not enforce it). */
export interface NetworkPolicy extends KObject {
  kind: "NetworkPolicy";
  spec: {
    podSelector: LabelSelector;
    ingress?: { from?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[];
    egress?: { to?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] }[];
    policyTypes?: string[];
  };
}

/** autoscaling/v2 MetricTarget. */
export interface MetricTarget {
  type: string;
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** autoscaling/v2 MetricSpec (the kinds of source the printer and describer read). */
export interface MetricSpec {
  type: string;
  resource?: { name: string; target: MetricTarget };
  containerResource?: { name: string; container: string; target: MetricTarget };
  pods?: { metric: { name: string; selector?: LabelSelector }; target: MetricTarget };
  object?: { metric: { name: string; selector?: LabelSelector }; describedObject: { kind: string; name: string; apiVersion?: string }; target: MetricTarget };
  external?: { metric: { name: string; selector?: LabelSelector }; target: MetricTarget };
}

/** autoscaling/v2 MetricStatus's current value. */
export interface MetricValueStatus {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** autoscaling/v2 MetricStatus. */
export interface MetricStatus {
  type: string;
  resource?: { name: string; current: MetricValueStatus };
  containerResource?: { name: string; container: string; current: MetricValueStatus };
  pods?: { metric: { name: string }; current: MetricValueStatus };
  object?: { metric: { name: string }; current: MetricValueStatus };
  external?: { metric: { name: string }; current: MetricValueStatus };
}

/** autoscaling/v2 HorizontalPodAutoscaler (stored: no metrics-server in a kind cluster, so it never scales). */
export interface HorizontalPodAutoscaler extends KObject {
  kind: "HorizontalPodAutoscaler";
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: MetricSpec[];
    behavior?: Record<string, unknown>;
  };
  status?: {
    currentReplicas?: number;
    desiredReplicas?: number;
    lastScaleTime?: string;
    currentMetrics?: MetricStatus[] | null;
    conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[];
  };
}

/** policy/v1 PodDisruptionBudget. */
export interface PodDisruptionBudget extends KObject {
  kind: "PodDisruptionBudget";
  spec: { minAvailable?: number | string; maxUnavailable?: number | string; selector?: LabelSelector; unhealthyPodEvictionPolicy?: string };
  status?: {
    observedGeneration?: number;
    disruptedPods?: StringMap;
    disruptionsAllowed: number;
    currentHealthy: number;
    desiredHealthy: number;
    expectedPods: number;
    conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; observedGeneration?: number }[];
  };
}

/** v1 ResourceQuota. */
export interface ResourceQuota extends KObject {
  kind: "ResourceQuota";
  spec?: { hard?: StringMap; scopes?: string[]; scopeSelector?: Record<string, unknown> };
  status?: { hard?: StringMap; used?: StringMap };
}

/** One `spec.limits[]` entry of a LimitRange. */
export interface LimitRangeItem {
  type: string;
  max?: StringMap;
  min?: StringMap;
  default?: StringMap;
  defaultRequest?: StringMap;
  maxLimitRequestRatio?: StringMap;
}

/** v1 LimitRange. */
export interface LimitRange extends KObject {
  kind: "LimitRange";
  spec: { limits: LimitRangeItem[] };
}

/** One endpoint of an EndpointSlice. */
export interface SliceEndpoint {
  addresses: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string };
  nodeName?: string;
  zone?: string;
}

/** One port of an EndpointSlice. */
export interface SlicePort {
  name?: string;
  protocol?: string;
  port?: number;
  appProtocol?: string;
}

/** discovery.k8s.io/v1 EndpointSlice. */
export interface EndpointSlice extends KObject {
  kind: "EndpointSlice";
  addressType: string;
  endpoints?: SliceEndpoint[] | null;
  ports?: SlicePort[] | null;
}

/** v1 ReplicationController (stored: the simulation runs no replication manager). */
export interface ReplicationController extends KObject {
  kind: "ReplicationController";
  spec?: { replicas?: number; minReadySeconds?: number; selector?: StringMap; template?: PodTemplateSpec };
  status?: { replicas?: number; fullyLabeledReplicas?: number; readyReplicas?: number; availableReplicas?: number; observedGeneration?: number };
}

/** v1 PodTemplate. */
export interface PodTemplate extends KObject {
  kind: "PodTemplate";
  template?: PodTemplateSpec;
}

/** scheduling.k8s.io/v1 PriorityClass. */
export interface PriorityClass extends KObject {
  kind: "PriorityClass";
  value: number;
  globalDefault?: boolean;
  description?: string;
  preemptionPolicy?: string;
}
