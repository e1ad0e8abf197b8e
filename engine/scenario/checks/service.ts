/** Checks on Services: do they route to ready pods (on the right port)? */
import type { Endpoints, Pod, Service } from "../../model/types";
import { matchesMap } from "../../model/labels";
import type { Condition } from "../schema";
import { fail, pass, type CheckContext, type CheckOutcome } from "./context";

type CheckOf<K extends Condition["kind"]> = Extract<Condition, { kind: K }>;

function selectorText(sel: Record<string, string> | undefined): string {
  return Object.entries(sel ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

/** `serviceHasEndpoints`: the Service's Endpoints list at least `minReady` ready addresses (on `port`, when given). */
export function serviceHasEndpoints(c: CheckOf<"serviceHasEndpoints">, ctx: CheckContext): CheckOutcome {
  const ns = c.namespace ?? ctx.defaultNamespace;
  const store = ctx.cluster.store;
  const svc = store.get<Service>("Service", ns, c.name);
  if (!svc) return fail(`service ${c.name} does not exist in namespace ${ns}`);
  const min = c.minReady ?? 1;
  const ep = store.get<Endpoints>("Endpoints", ns, c.name);
  let ready = 0;
  let notReady = 0;
  const ports = new Set<number>();
  for (const s of ep?.subsets ?? []) {
    const matchesPort = c.port === undefined || (s.ports ?? []).some((p) => p.port === c.port);
    for (const p of s.ports ?? []) ports.add(p.port);
    if (matchesPort) ready += s.addresses?.length ?? 0;
    notReady += s.notReadyAddresses?.length ?? 0;
  }
  if (ready >= min) return pass(`service ${c.name} routes to ${ready} ready endpoint${ready === 1 ? "" : "s"}`);
  if (c.port !== undefined && ports.size > 0 && !ports.has(c.port)) return fail(`service ${c.name} sends traffic to port ${[...ports].join(", ")} of its pods, where nothing listens (the app listens on ${c.port})`);
  const selected = store.list<Pod>("Pod", ns).filter((p) => !p.metadata.deletionTimestamp && matchesMap(p.metadata.labels, svc.spec.selector));
  if (!svc.spec.selector || Object.keys(svc.spec.selector).length === 0) return fail(`service ${c.name} has no selector, so it has no endpoints`);
  if (selected.length === 0) return fail(`service ${c.name} has no endpoints: its selector ${selectorText(svc.spec.selector)} matches no pod`);
  if (notReady > 0 || ready < min) return fail(`service ${c.name} has ${ready} ready endpoint${ready === 1 ? "" : "s"} (needs ${min}): its ${selected.length} pod${selected.length === 1 ? " is" : "s are"} not ready`);
  return fail(`service ${c.name} has no ready endpoints`);
}
