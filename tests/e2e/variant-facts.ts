/**
 * Prints, as JSON, what the end-to-end tests need to know about a scenario variant,
 * computed with the engine itself: `tsx tests/e2e/variant-facts.ts [scenarioId seed]`.
 * Without arguments: the catalogue. With them: the reference fix, the pods at the
 * learner's time 0, and one of them that is not running.
 * (A separate process: Playwright's loader cannot import the engine's JSON modules.)
 */
import { listScenarios, openSession, solutionFor } from "../../engine";

const [scenarioId, seedText] = process.argv.slice(2);
if (!scenarioId) {
  process.stdout.write(JSON.stringify(listScenarios()));
} else {
  const seed = Number(seedText);
  const session = openSession({ scenarioId, seed });
  // NAMESPACE NAME READY STATUS …, outside kube-system.
  const pods = session
    .run("kubectl get pods -A --no-headers", 0)
    .output.split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4 && cols[0] !== "kube-system")
    .map(([namespace, name, , status]) => ({ namespace, name, status }));
  const broken = pods.find((p) => p.status !== "Running") ?? pods[0];
  process.stdout.write(JSON.stringify({ solution: solutionFor(scenarioId, seed), pods, broken }));
}
