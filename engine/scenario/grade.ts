/**
 * Grading an attempt. Every check of the scenario is evaluated on the cluster as it stands
 * and on the action log; the score is out of 100:
 *
 * | part | points | earned when |
 * |---|---|---|
 * | fixed | 40 | share of `fixed` checks passing (the symptom is gone) |
 * | rootCause | 25 | share of `rootCause` checks passing (fixed in place, nothing hidden); only once fixed |
 * | diagnosis | 15 | share of `diagnosis` checks passing (looked at the evidence before changing things) |
 * | efficiency | 20 | full at or under the scenario's par command count, falling linearly to 0 at three times par; only once fixed |
 * | hints | −5 each | for every hint taken (the total never goes below 0) |
 *
 * An attempt passes when every `fixed` and every `rootCause` check passes: a workaround
 * (deleting and recreating, scaling to zero, removing a probe or a limit) fails even if
 * the symptom is gone.
 */
import type { Cluster } from "../runtime/cluster";
import type { LoggedAction } from "./action-log";
import type { Instance } from "./instantiate";
import { evaluateCheck } from "./checks/index";
import { defaultRoleOf } from "./loader";

/** Points available per part of the grade. */
export const GRADE_WEIGHTS = { fixed: 40, rootCause: 25, diagnosis: 15, efficiency: 20, hintPenalty: 5 } as const;

/** One check's result as the learner sees it. */
export interface CheckResult {
  id: string;
  role: "fixed" | "rootCause" | "diagnosis";
  passed: boolean;
  message: string;
}

/** The verdict on an attempt. */
export interface Grade {
  passed: boolean;
  /** 0–100. */
  score: number;
  /** Points per part (hints is zero or negative). */
  breakdown: { fixed: number; rootCause: number; diagnosis: number; efficiency: number; hints: number };
  checks: CheckResult[];
  /** Commands and edits counted for efficiency, and the par. */
  commands: number;
  par: number;
  hintsUsed: number;
}

function share(results: CheckResult[], role: CheckResult["role"]): number {
  const of = results.filter((r) => r.role === role);
  return of.length === 0 ? 1 : of.filter((r) => r.passed).length / of.length;
}

/** Grades the attempt: `cluster` as it is now, `log` the learner's actions so far. */
export function grade(instance: Instance, cluster: Cluster, log: readonly LoggedAction[]): Grade {
  const ctx = { cluster, log, initialUids: instance.initialUids, defaultNamespace: instance.defaultNamespace };
  const checks: CheckResult[] = instance.checks.map((c) => ({ id: c.id, role: c.role ?? defaultRoleOf(c.kind), ...evaluateCheck(c, ctx) }));
  const fixed = checks.filter((c) => c.role === "fixed").every((c) => c.passed);
  const passed = fixed && checks.filter((c) => c.role === "rootCause").every((c) => c.passed);
  const commands = log.filter((a) => a.type === "command" || a.type === "edit").length;
  const hintsUsed = log.filter((a) => a.type === "hint").length;
  const par = instance.parCommands;
  const efficiencyShare = commands <= par ? 1 : Math.max(0, 1 - (commands - par) / (2 * par));
  const breakdown = {
    fixed: Math.round(GRADE_WEIGHTS.fixed * share(checks, "fixed")),
    rootCause: fixed ? Math.round(GRADE_WEIGHTS.rootCause * share(checks, "rootCause")) : 0,
    diagnosis: Math.round(GRADE_WEIGHTS.diagnosis * share(checks, "diagnosis")),
    efficiency: fixed ? Math.round(GRADE_WEIGHTS.efficiency * efficiencyShare) : 0,
    hints: -GRADE_WEIGHTS.hintPenalty * hintsUsed,
  };
  const total = breakdown.fixed + breakdown.rootCause + breakdown.diagnosis + breakdown.efficiency + breakdown.hints;
  return { passed, score: Math.max(0, Math.min(100, total)), breakdown, checks, commands, par, hintsUsed };
}
