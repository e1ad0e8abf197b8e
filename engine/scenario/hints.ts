/**
 * Hints: a ladder from a nudge to a near-solution. Step `n` is shown as the n-th hint; a
 * step with a `when` condition shows its `text` while the condition holds on the current
 * cluster and its `otherwise` text when not, so hints follow the learner's progress.
 */
import type { Cluster } from "../runtime/cluster";
import type { LoggedAction } from "./action-log";
import type { Instance } from "./instantiate";
import { evaluateCondition } from "./checks/index";

/**
 * The next hint after `usedCount` hints were taken, evaluated against `cluster` as it is
 * now; null when every hint has been shown.
 */
export function nextHint(instance: Instance, usedCount: number, cluster: Cluster, log: readonly LoggedAction[] = []): string | null {
  const step = instance.hints[usedCount];
  if (step === undefined) return null;
  if (typeof step === "string") return step;
  if (!step.when) return step.text;
  const holds = evaluateCondition(step.when, { cluster, log, initialUids: instance.initialUids, defaultNamespace: instance.defaultNamespace }).passed;
  return holds ? step.text : (step.otherwise ?? step.text);
}
