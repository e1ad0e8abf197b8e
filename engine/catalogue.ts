import { loadCatalogue, loadScenarioFile, readScenarioSources } from "./scenario/load-files";
import { parseScenario, ScenarioError, type Catalogue, type Scenario } from "./scenario/loader";
import { instantiate } from "./scenario";
import { Session } from "./session";

let catalogue: Catalogue | undefined;

/** The scenario catalogue, read from `scenarios/` once per process. */
export function getCatalogue(): Catalogue {
  catalogue ??= loadCatalogue();
  return catalogue;
}

/** Seeds every validation and test runs a scenario with. */
export const VALIDATION_SEEDS = [1, 2, 3] as const;

/**
 * Checks one scenario end to end for each validation seed: doing nothing fails, the reference
 * solution passes every check, and each non-fix fails the checks it names. Returns problems.
 */
export function validateScenarioBehaviour(scenario: Scenario, seeds: readonly number[] = VALIDATION_SEEDS): string[] {
  const problems: string[] = [];
  for (const seed of seeds) {
    const run = (lines: string[], waitSeconds: number) => {
      const s = new Session({ scenario, seed });
      let t = 1000;
      for (const line of lines) {
        const r = s.run(line, t);
        t += 1000;
        if (r.exitCode !== 0 && !/\|\|/.test(line)) problems.push(`seed ${seed}: "${line.split("\n")[0]}" exited ${r.exitCode}: ${r.output.trim().split("\n")[0]}`);
      }
      return s.check(t + waitSeconds * 1000);
    };
    const instance = instantiate(scenario, seed);
    const idle = run([], instance.solutionWaitSeconds);
    if (idle.passed) problems.push(`seed ${seed}: doing nothing passes the checks`);
    const solved = run(instance.solution, instance.solutionWaitSeconds);
    for (const c of solved.checks) if (!c.passed) problems.push(`seed ${seed}: the solution fails check ${c.id}: ${c.message}`);
    if (!solved.passed) problems.push(`seed ${seed}: the solution does not pass`);
    for (const nf of instance.nonFixes) {
      const g = new Session({ scenario, seed });
      let t = 1000;
      for (const line of nf.commands) {
        g.run(line, t);
        t += 1000;
      }
      const grade = g.check(t + nf.waitSeconds * 1000);
      if (grade.passed) problems.push(`seed ${seed}: non-fix "${nf.name}" passes`);
      for (const id of nf.fails) {
        const c = grade.checks.find((x) => x.id === id);
        if (c?.passed) problems.push(`seed ${seed}: non-fix "${nf.name}" passes check ${id}, which it must fail`);
      }
    }
  }
  return problems;
}

/** `crashcourse validate [path]`: schema and behaviour of one file, or of every scenario. */
export function validateScenarios(path?: string): { path: string; ok: boolean; problems: string[] }[] {
  const files = path ? [{ path, load: () => loadScenarioFile(path) }] : readScenarioSources().map((src) => ({ path: src.path, load: () => parseScenario(src) }));
  return files.map(({ path: p, load }) => {
    let scenario: Scenario;
    try {
      scenario = load();
    } catch (e) {
      return { path: p, ok: false, problems: e instanceof ScenarioError ? e.message.split("\n") : [String(e instanceof Error ? e.message : e)] };
    }
    const problems = validateScenarioBehaviour(scenario);
    return { path: p, ok: problems.length === 0, problems };
  });
}
