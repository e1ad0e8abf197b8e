/**
 * Building one instance of a scenario: draw the variant and the instants from the seed, and
 * restore the variant's settled cluster (scenario-snapshot.ts: nodes and system objects long
 * ago, the scenario's manifests a few minutes ago, simulated to the learner's time 0 so the
 * broken state has settled the way a real incident would have: ages, restart counts,
 * aggregated events) at those instants with the seed's ids. A scenario drawn for one seed (a
 * generated incident) is simulated for its instance instead.
 */
import type { ParamValue } from "./schema";
import { Cluster } from "../runtime/cluster";
import { Random, fnv1a32 } from "../runtime/random";
import { defaultControllers } from "../controllers/index";
import type { Scenario } from "./loader";
import type { Check, HintSpec } from "./schema";
import { drawParams } from "./params";
import { renderScenario, type NonFix, type RenderedScenario } from "./render";
import { DEFAULT_CLUSTER_AGE_MS, movedAddresses, objectByKey, settledScenario, simulate, worldOf } from "./scenario-snapshot";

/** The learner's time 0 is this instant plus up to a week, drawn from the seed. */
const BASE_START_MS = Date.UTC(2026, 2, 2, 8, 0, 0);

/** One playable instance: a settled, broken cluster and everything needed to grade it. */
export interface Instance {
  scenario: Scenario;
  seed: number;
  /** The variant drawn (its name in the file). */
  variant: string;
  params: Record<string, ParamValue>;
  cluster: Cluster;
  /** What the learner is told, as a user or teammate reports it. */
  brief: string;
  /** Virtual ms since the epoch at which the learner arrives (their time 0). */
  learnerStartMs: number;
  /** The namespace of the learner's kubeconfig context. */
  defaultNamespace: string;
  hints: HintSpec[];
  checks: Check[];
  explanation: string;
  /** The reference fix, as terminal lines (heredocs allowed). */
  solution: string[];
  /** Virtual seconds to let pass after the solution before grading. */
  solutionWaitSeconds: number;
  /** The command count that earns full efficiency points. */
  parCommands: number;
  nonFixes: NonFix[];
  /** Uids of the scenario's objects at the learner's time 0, by `Kind/namespace/name`. */
  initialUids: Record<string, string>;
}

/** Builds the instance of `scenario` for `seed` (deterministic: same inputs, same cluster). */
export function instantiate(scenario: Scenario, seed: number): Instance {
  const drawn = drawParams(scenario.file, seed);
  const timeRng = new Random(`${scenario.id}\u0000time\u0000${seed >>> 0}`);
  const learnerStartMs = BASE_START_MS + timeRng.int(0, 7 * 24 * 60) * 60_000 + timeRng.int(0, 59) * 1000;
  const ageJitterMs = timeRng.int(0, 23 * 60) * 60_000;
  const resourceVersionOffset = timeRng.int(0, 8_999);
  // Randomness from here on is seeded per scenario too, so two scenarios played with the same
  // seed do not share ids.
  const clusterSeed = (fnv1a32(scenario.id) ^ seed) >>> 0;
  let cluster: Cluster;
  let r: RenderedScenario;
  let keys: string[];
  if (scenario.oneOff) {
    // Drawn for this seed alone: simulated for it, with its own draws throughout.
    r = renderScenario(scenario, drawn.values);
    const clusterStartMs = learnerStartMs - (r.clusterAgeMs ?? DEFAULT_CLUSTER_AGE_MS) - ageJitterMs;
    ({ cluster, keys } = simulate(r, worldOf(r), { seed: clusterSeed, clusterIpSeed: `${scenario.id}\u0000cluster-ip\u0000${seed >>> 0}`, learnerStartMs, clusterStartMs }));
  } else {
    const settled = settledScenario(scenario, drawn, ageJitterMs);
    r = settled.rendered;
    keys = settled.keys;
    const clusterStartMs = learnerStartMs - (r.clusterAgeMs ?? DEFAULT_CLUSTER_AGE_MS) - ageJitterMs;
    cluster = Cluster.restore(
      settled.snapshot,
      { seed: clusterSeed, startMs: learnerStartMs, world: settled.world, controllers: defaultControllers() },
      { historyShiftMs: clusterStartMs - settled.clusterStartMs, resourceVersionOffset, addresses: movedAddresses(settled, new Random(`${scenario.id}\u0000pod-ips\u0000${seed >>> 0}`)) },
    );
  }

  const initialUids: Record<string, string> = {};
  for (const key of keys) {
    const obj = objectByKey(cluster, key);
    if (obj?.metadata.uid) initialUids[key] = obj.metadata.uid;
  }

  return {
    scenario,
    seed,
    variant: drawn.variant,
    params: drawn.values,
    cluster,
    brief: r.brief,
    learnerStartMs,
    defaultNamespace: r.contextNamespace ?? soleNamespace(keys) ?? "default",
    hints: r.hints,
    checks: r.checks,
    explanation: r.explanation,
    solution: r.solution,
    solutionWaitSeconds: r.solutionWaitSeconds,
    parCommands: scenario.file.par,
    nonFixes: r.nonFixes,
    initialUids,
  };
}

/**
 * The namespace the learner's kubeconfig context points at when the scenario names none: the
 * one namespace its objects live in (as a team's context points at the team's namespace).
 */
function soleNamespace(keys: string[]): string | undefined {
  const namespaces = new Set<string>();
  for (const key of keys) {
    const parts = key.split("/");
    if (parts[0] === "Namespace") namespaces.add(parts[1]);
    else if (parts.length === 3) namespaces.add(parts[1]);
  }
  return namespaces.size === 1 ? [...namespaces][0] : undefined;
}
