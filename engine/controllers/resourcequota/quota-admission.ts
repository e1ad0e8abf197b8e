/**
 * The ResourceQuota admission plugin for pods: a new pod's usage (`pods` 1, its cpu/memory
 * requests and limits, as `cpu`/`memory` and `requests.*`/`limits.*`) added to what each
 * quota of its namespace already counts must stay within `hard`, or the pod is refused with
 * `exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=1800m, limited:
 * requests.cpu=2`. A quota constraining a resource the pod does not specify (`must specify
 * limits.cpu`) is not modelled: such pods are admitted.
 */
import type { PodSpec } from "../../model/types";
import type { ResourceQuota } from "../../model/standard-kind-types";
import { bytes, cpuMillis, parseQuantity } from "../../model/quantity";
import { canonicalQuantity, formatDecimalQuantity } from "../../model/quantity-canonical";
import type { ObjectStore } from "../../runtime/store";
import { quotaUsage, sumQuantity } from "./resource-quota-controller";
import { applyLimitRangeDefaults } from "../limitranger";

/** The pod's quota usage by resource name (only what it specifies), as quantities. */
function podUsage(spec: PodSpec): Record<string, string> {
  const out: Record<string, string> = { pods: "1" };
  const containers = spec.containers ?? [];
  for (const which of ["requests", "limits"] as const) {
    for (const res of ["cpu", "memory"] as const) {
      const values = containers.flatMap((c) => (c.resources?.[which]?.[res] !== undefined ? [String(c.resources[which]![res])] : []));
      if (values.length === 0) continue;
      let total = sumQuantity(values, res === "memory");
      // An init container asking for more than the app containers together sets the pod's figure.
      for (const c of spec.initContainers ?? []) {
        const v = c.resources?.[which]?.[res];
        if (v === undefined) continue;
        const bigger = res === "memory" ? bytes(String(v)) > bytes(total) : cpuMillis(String(v)) > cpuMillis(total);
        if (bigger) total = canonicalQuantity(String(v));
      }
      out[`${which}.${res}`] = total;
      if (which === "requests") out[res] = total;
    }
  }
  return out;
}

function add(a: string, b: string, memoryLike: boolean): string {
  return sumQuantity([a, b], memoryLike);
}

function pretty(m: Record<string, string>): string {
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${m[k]}`)
    .join(",");
}

/** The quota refusal of a new pod in `namespace` with `spec`, or undefined when every quota admits it. */
export function resourceQuotaAdmissionError(store: ObjectStore, namespace: string, spec: PodSpec): string | undefined {
  const quotas = store.list<ResourceQuota>("ResourceQuota", namespace);
  if (quotas.length === 0) return undefined;
  // LimitRanger runs first: the pod is counted with the defaults it will be given.
  const defaulted = structuredClone(spec);
  applyLimitRangeDefaults(store, namespace, defaulted);
  const usage = podUsage(defaulted);
  for (const q of quotas) {
    const hard = q.spec?.hard ?? {};
    const requested: Record<string, string> = {};
    const used: Record<string, string> = {};
    const limited: Record<string, string> = {};
    for (const r of Object.keys(hard)) {
      const want = usage[r];
      if (want === undefined) continue;
      const memoryLike = r.endsWith("memory");
      const now = quotaUsage(store, namespace, r);
      const after = r === "pods" ? String(Number(now) + 1) : add(now, want, memoryLike);
      const over = r === "pods" ? Number(after) > parseQuantity(hard[r]) : memoryLike ? bytes(after) > bytes(hard[r]) : cpuMillis(after) > cpuMillis(hard[r]);
      if (!over) continue;
      requested[r] = r === "pods" ? "1" : want;
      used[r] = r === "pods" ? formatDecimalQuantity(Number(now)) : now;
      limited[r] = canonicalQuantity(hard[r]);
    }
    if (Object.keys(requested).length > 0) {
      return `exceeded quota: ${q.metadata.name}, requested: ${pretty(requested)}, used: ${pretty(used)}, limited: ${pretty(limited)}`;
    }
  }
  return undefined;
}
