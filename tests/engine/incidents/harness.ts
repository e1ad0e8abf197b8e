/**
 * Runs one generated incident end to end, the way the issue asks: the settled world shows
 * the declared symptoms; doing nothing and deleting the pods fail; the composed solution (each
 * line exiting 0) passes every check; from the broken state, scaling to zero and deleting the
 * workloads fail. Returns problems (empty when all is well).
 */
import { Session } from "../../../engine/session";
import { evaluateCondition } from "../../../engine/scenario/index";
import type { GeneratedIncident } from "../../../engine/incidents/index";

function failing(s: Session, atMs: number, ids: readonly string[], label: string, problems: string[]): void {
  const g = s.check(atMs);
  if (g.passed) problems.push(`${label}: passes`);
  for (const id of ids) {
    const c = g.checks.find((x) => x.id === id);
    if (!c) problems.push(`${label}: no check ${id}`);
    else if (c.passed) problems.push(`${label}: check ${id} passes, it must fail`);
  }
}

function runLines(s: Session, lines: readonly string[], startMs: number, label: string, problems: string[], mustSucceed: boolean): number {
  let t = startMs;
  for (const line of lines) {
    const r = s.run(line, t);
    if (mustSucceed && r.exitCode !== 0) problems.push(`${label}: "${line.split("\n")[0]}" exited ${r.exitCode}: ${r.output.trim().split("\n")[0]}`);
    t += 1000;
  }
  return t;
}

/** Checks one incident; `faultNonFixes` also runs each fault's own workarounds (one session each). */
export function exerciseIncident(g: GeneratedIncident, faultNonFixes = false): string[] {
  const problems: string[] = [];
  const file = g.scenario.file;
  const seed = g.inputs.seed;
  const wait = (file.solutionWaitSeconds ?? 120) * 1000;
  const nf = (name: string) => file.nonFixes.find((n) => n.name === name)!;

  // A: symptoms, doing nothing, deleting the pods, then the solution.
  const a = new Session({ scenario: g.scenario, seed });
  const ctx = { cluster: a.cluster, log: a.log, initialUids: a.instance.initialUids, defaultNamespace: a.instance.defaultNamespace };
  for (const ap of g.applied)
    for (const c of ap.symptoms) {
      const o = evaluateCondition(c, ctx);
      if (o.passed) problems.push(`symptom of ${ap.key} missing: ${c.kind} ${JSON.stringify(c).slice(0, 160)} passes (${o.message})`);
    }
  let t = runLines(a, nf("do-nothing").commands, 1000, "do-nothing", problems, true);
  failing(a, t + wait, nf("do-nothing").fails, "doing nothing", problems);
  t = runLines(a, nf("delete-the-pods").commands, t + wait + 1000, "delete-the-pods", problems, true);
  failing(a, t + 120_000, nf("delete-the-pods").fails, "deleting the pods", problems);
  t = runLines(a, file.solution, t + 121_000, "solution", problems, true);
  const solved = a.check(t + wait);
  for (const c of solved.checks) if (!c.passed && c.role !== "diagnosis") problems.push(`solution: check ${c.id} fails: ${c.message}`);

  // B: from the broken state, scaling to zero, then deleting the workloads.
  const b = new Session({ scenario: g.scenario, seed });
  t = runLines(b, nf("scale-to-zero").commands, 1000, "scale-to-zero", problems, true);
  failing(b, t + 30_000, nf("scale-to-zero").fails, "scaling to zero", problems);
  t = runLines(b, nf("delete-the-workloads").commands, t + 31_000, "delete-the-workloads", problems, true);
  failing(b, t + 30_000, nf("delete-the-workloads").fails, "deleting the workloads", problems);

  if (faultNonFixes) {
    for (const n of file.nonFixes.slice(4)) {
      const s = new Session({ scenario: g.scenario, seed });
      const end = runLines(s, n.commands, 1000, n.name, problems, false);
      failing(s, end + (n.waitSeconds ?? 120) * 1000, n.fails, `non-fix ${n.name}`, problems);
    }
  }
  return problems;
}
