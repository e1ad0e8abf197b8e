/** A pod's effective requests and limits (component-helpers' `PodRequests` / `PodLimits`), as exact quantities. */
import type { Container, Pod } from "../../model/types";
import { addQuantities, parseQuantityExact, type ParsedQuantity } from "./formats";

/** Resource name → quantity. */
export type ResourceTotals = Map<string, ParsedQuantity>;

function compare(a: ParsedQuantity, b: ParsedQuantity): number {
  const e = Math.min(a.exponent, b.exponent);
  const ma = a.mantissa * 10n ** BigInt(a.exponent - e);
  const mb = b.mantissa * 10n ** BigInt(b.exponent - e);
  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

function add(into: ResourceTotals, list: Record<string, string> | undefined): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = parseQuantityExact(raw);
    if (!q) continue;
    const cur = into.get(name);
    into.set(name, cur ? addQuantities(cur, q)! : q);
  }
}

function max(into: ResourceTotals, list: ResourceTotals): void {
  for (const [name, q] of list) {
    const cur = into.get(name);
    if (!cur || compare(q, cur) > 0) into.set(name, q);
  }
}

function totals(pod: Pod, pick: (c: Container) => Record<string, string> | undefined): ResourceTotals {
  const sum: ResourceTotals = new Map();
  for (const c of pod.spec.containers ?? []) add(sum, pick(c));
  const sidecars: ResourceTotals = new Map();
  for (const c of pod.spec.initContainers ?? []) {
    const one: ResourceTotals = new Map();
    add(one, pick(c));
    if ((c as { restartPolicy?: string }).restartPolicy === "Always") {
      add(sidecars, pick(c));
      for (const [k, v] of sidecars) one.set(k, v);
    } else {
      for (const [k, v] of sidecars) one.set(k, addQuantities(one.get(k), v)!);
    }
    max(sum, one);
  }
  add(sum, pod.spec.overhead as Record<string, string> | undefined);
  return sum;
}

/** Summed container requests, at least each init container's, plus overhead. */
export function podRequests(pod: Pod): ResourceTotals {
  return totals(pod, (c) => c.resources?.requests);
}

/** Summed container limits, at least each init container's, plus overhead. */
export function podLimits(pod: Pod): ResourceTotals {
  return totals(pod, (c) => c.resources?.limits);
}
