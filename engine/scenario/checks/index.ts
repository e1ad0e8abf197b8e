/**
 * The check library: every check kind a scenario file may use, evaluated generically over
 * the cluster state and the action log. There is no scenario-specific code here.
 */
import type { Check, Condition } from "../schema";
import type { CheckContext, CheckOutcome } from "./context";
import { imageIs, probeKept, replicasAtLeast, resourcesKept, workloadHealthy } from "./workload";
import { serviceHasEndpoints } from "./service";
import { namespaceHealthy, podsNotIn } from "./namespace";
import { fieldEquals, fieldMatches, objectExists, sameUid } from "./objects";
import { diagnosed, noCommand } from "./actions";

export type { CheckContext, CheckOutcome } from "./context";

type Evaluators = { [K in Condition["kind"]]: (c: Extract<Condition, { kind: K }>, ctx: CheckContext) => CheckOutcome };

/** Evaluators by check kind. */
export const CHECK_EVALUATORS = {
  workloadHealthy,
  serviceHasEndpoints,
  namespaceHealthy,
  podsNotIn,
  sameUid,
  objectExists,
  replicasAtLeast,
  resourcesKept,
  probeKept,
  imageIs,
  fieldEquals,
  fieldMatches,
  noCommand,
  diagnosed,
} satisfies Evaluators;

/** Evaluates a condition (a check without id and role). */
export function evaluateCondition(c: Condition, ctx: CheckContext): CheckOutcome {
  const fn = CHECK_EVALUATORS[c.kind] as (c: Condition, ctx: CheckContext) => CheckOutcome;
  return fn(c, ctx);
}

/**
 * Evaluates one check. The check's own `message` (already rendered with the variant's
 * parameters) leads a failing message, followed by the generated detail.
 */
export function evaluateCheck(check: Check, ctx: CheckContext): CheckOutcome {
  const out = evaluateCondition(check as Condition, ctx);
  if (out.passed) return check.passMessage ? { passed: true, message: check.passMessage } : out;
  return check.message ? { passed: false, message: `${check.message.trim()} — ${out.message}` } : out;
}
