/** Checks over every pod of a namespace. */
import type { Pod } from "../../model/types";
import { matchesLabelQuery, parseLabelQuery } from "../../model/labels";
import type { Condition } from "../schema";
import { fail, pass, type CheckContext, type CheckOutcome } from "./context";
import { DEFAULT_STABLE_SECONDS, podProblem, podStatusText } from "./pod-health";

type CheckOf<K extends Condition["kind"]> = Extract<Condition, { kind: K }>;

/** `namespaceHealthy`: no pod in the namespace is pending, failing, backing off or unready. */
export function namespaceHealthy(c: CheckOf<"namespaceHealthy">, ctx: CheckContext): CheckOutcome {
  const now = ctx.cluster.now();
  const pods = ctx.cluster.store.list<Pod>("Pod", c.namespace).filter((p) => !p.metadata.deletionTimestamp);
  if (pods.length === 0) return fail(`namespace ${c.namespace} has no pods running`);
  const problems: string[] = [];
  for (const p of pods) {
    const problem = podProblem(p, now, c.stableSeconds ?? DEFAULT_STABLE_SECONDS);
    if (problem) problems.push(`pod ${p.metadata.name} is ${problem}`);
  }
  if (problems.length === 0) return pass(`every pod in namespace ${c.namespace} is healthy`);
  return fail(`namespace ${c.namespace}: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}`);
}

/** `podsNotIn`: no pod (matching `selector`) shows one of `statuses` in kubectl's STATUS column. */
export function podsNotIn(c: CheckOf<"podsNotIn">, ctx: CheckContext): CheckOutcome {
  const now = ctx.cluster.now();
  const q = c.selector ? parseLabelQuery(c.selector) : undefined;
  if (q && !q.ok) return fail(`invalid selector ${c.selector}: ${q.error}`);
  const wanted = new Set(c.statuses);
  const hits = ctx.cluster.store
    .list<Pod>("Pod", c.namespace)
    .filter((p) => (!q || (q.ok && matchesLabelQuery(p.metadata.labels, q.requirements))) && wanted.has(podStatusText(p, now)));
  if (hits.length === 0) return pass(`no pod${c.selector ? ` with ${c.selector}` : ""} is ${c.statuses.join(" or ")}`);
  return fail(`pod ${hits[0].metadata.name} is ${podStatusText(hits[0], now)}${hits.length > 1 ? ` (and ${hits.length - 1} more)` : ""}`);
}
