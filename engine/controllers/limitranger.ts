/**
 * The LimitRanger admission plugin's defaulting: in a namespace with LimitRanges, a container
 * without a request or limit for a resource gets the `defaultRequest` / `default` of the
 * LimitRanges' `Container` items, and the pod is annotated `kubernetes.io/limit-ranger:
 * LimitRanger plugin set: cpu, memory request for container app; cpu limit for container app`.
 * Its min/max validation is not modelled.
 */
import type { Container, Pod, PodSpec } from "../model/types";
import type { LimitRange } from "../model/standard-kind-types";
import type { ObjectStore } from "../runtime/store";
import { podQosClass } from "./pod-util";

/** The annotation LimitRanger leaves on the pods it changed. */
export const LIMIT_RANGER_ANNOTATION = "kubernetes.io/limit-ranger";

/** The default requests and limits the namespace's LimitRanges give containers, or undefined without any. */
function containerDefaults(store: ObjectStore, namespace: string): { requests: Record<string, string>; limits: Record<string, string> } | undefined {
  const ranges = store.list<LimitRange>("LimitRange", namespace);
  if (ranges.length === 0) return undefined;
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  for (const lr of ranges) {
    for (const item of lr.spec?.limits ?? []) {
      if (item.type !== "Container") continue;
      for (const [k, v] of Object.entries(item.defaultRequest ?? {})) requests[k] = String(v);
      for (const [k, v] of Object.entries(item.default ?? {})) limits[k] = String(v);
    }
  }
  return Object.keys(requests).length + Object.keys(limits).length > 0 ? { requests, limits } : undefined;
}

function mergeContainer(c: Container, defaults: { requests: Record<string, string>; limits: Record<string, string> }, prefix: string, notes: string[]): void {
  const setRequests: string[] = [];
  const setLimits: string[] = [];
  const resources = (c.resources ??= {});
  for (const [k, v] of Object.entries(defaults.limits)) {
    if (resources.limits?.[k] !== undefined) continue;
    (resources.limits ??= {})[k] = v;
    setLimits.push(k);
  }
  for (const [k, v] of Object.entries(defaults.requests)) {
    if (resources.requests?.[k] !== undefined) continue;
    (resources.requests ??= {})[k] = v;
    setRequests.push(k);
  }
  if (setRequests.length > 0) notes.push(`${setRequests.sort().join(", ")} request for ${prefix} ${c.name}`);
  if (setLimits.length > 0) notes.push(`${setLimits.sort().join(", ")} limit for ${prefix} ${c.name}`);
}

/** Applies the namespace's LimitRange defaults to `spec` (in place); the annotation text, or undefined when nothing was set. */
export function applyLimitRangeDefaults(store: ObjectStore, namespace: string, spec: PodSpec): string | undefined {
  const defaults = containerDefaults(store, namespace);
  if (!defaults) return undefined;
  const notes: string[] = [];
  for (const c of spec.containers ?? []) mergeContainer(c, defaults, "container", notes);
  for (const c of spec.initContainers ?? []) mergeContainer(c, defaults, "init container", notes);
  return notes.length > 0 ? `LimitRanger plugin set: ${notes.join("; ")}` : undefined;
}

/** LimitRanger on a new pod: defaults its containers, annotates it, and recomputes its QoS class. */
export function admitLimitRanger(store: ObjectStore, pod: Pod): Pod {
  const note = applyLimitRangeDefaults(store, pod.metadata.namespace ?? "default", pod.spec);
  if (note) {
    pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: note };
    if (pod.status) pod.status.qosClass = podQosClass(pod);
  }
  return pod;
}
