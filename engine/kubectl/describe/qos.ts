/** The pod's QoS class as kubectl shows it (`status.qosClass`, else computed like `ComputePodQOS`). */
import type { Container, Pod } from "../../model/types";
import { parseQuantityExact } from "./formats";

const QOS_RESOURCES = ["cpu", "memory"];

function positive(q: string | undefined): boolean {
  const p = parseQuantityExact(q);
  return !!p && p.mantissa > 0n;
}

/** `Guaranteed`, `Burstable` or `BestEffort` for a pod (the status field wins when the kubelet set it). */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: Container[] = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  const requests = new Map<string, string>();
  const limits = new Map<string, string>();
  let isGuaranteed = true;
  for (const c of containers) {
    for (const r of QOS_RESOURCES) {
      const req = c.resources?.requests?.[r];
      if (positive(req)) requests.set(r, req!);
    }
    const found = new Set<string>();
    for (const r of QOS_RESOURCES) {
      const lim = c.resources?.limits?.[r];
      if (positive(lim)) {
        found.add(r);
        limits.set(r, lim!);
      }
    }
    if (!(found.has("cpu") && found.has("memory"))) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (isGuaranteed) {
    for (const c of containers) {
      for (const r of QOS_RESOURCES) {
        const req = c.resources?.requests?.[r];
        const lim = c.resources?.limits?.[r];
        if (req !== undefined && positive(req)) {
          const a = parseQuantityExact(req)!;
          const b = parseQuantityExact(lim);
          if (!b || a.mantissa * 10n ** BigInt(Math.max(0, a.exponent - b.exponent)) !== b.mantissa * 10n ** BigInt(Math.max(0, b.exponent - a.exponent))) isGuaranteed = false;
        }
      }
    }
  }
  return isGuaranteed && limits.size === 2 ? "Guaranteed" : "Burstable";
}
