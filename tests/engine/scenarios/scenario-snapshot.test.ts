/**
 * Scenario snapshots (engine/scenario/scenario-snapshot.ts): each variant of a scenario is
 * simulated once, at a canonical instant, and every instance restores it at its own instants
 * with its own ids. These tests hold what makes that honest, for every catalogue scenario:
 * the template moved to an instance's instants (the simulated stretch and, separately, the
 * back-dated past) is exactly the template simulated at those instants, now and after the
 * learner acts; a restored cluster is at rest; no identity token reaches the learner; and
 * different seeds get different ids and resourceVersions.
 */
import { describe, expect, it } from "vitest";
import { Cluster } from "../../../engine/runtime/cluster";
import { defaultControllers } from "../../../engine/controllers/index";
import { getCatalogue } from "../../../engine/catalogue";
import { drawParams } from "../../../engine/scenario/params";
import { renderScenario } from "../../../engine/scenario/render";
import { DEFAULT_CLUSTER_AGE_MS, SCENARIO_SNAPSHOT_MS, settleAt, type SettledScenario } from "../../../engine/scenario/scenario-snapshot";
import { openSession, Session } from "../../../engine/index";
import { parseScenario } from "../../../engine/scenario/loader";
import { parseTime } from "../../../engine/runtime/clock";
import { FIXTURE_YAML } from "./fixture";
import { runTerminalLine } from "../../../engine/kubectl/terminal";

/** Everything a cluster holds, as text (Maps and Sets as entry lists). */
function stateText(cluster: Cluster): string {
  const internals = cluster as unknown as { controllerState_: unknown; timers: unknown };
  const state = { store: cluster.store.exportState(), events: cluster.events.exportIndex(), controllers: internals.controllerState_, timers: internals.timers, now: cluster.now() };
  return JSON.stringify(state, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

function restore(settled: SettledScenario, learnerStartMs: number, clusterStartMs: number, seed: number): Cluster {
  return Cluster.restore(
    settled.snapshot,
    { seed, startMs: learnerStartMs, world: settled.world, controllers: defaultControllers() },
    { historyShiftMs: clusterStartMs - settled.clusterStartMs, resourceVersionOffset: 17 },
  );
}

/** What a learner does next: commands that write, and time passing. */
function act(cluster: Cluster): string {
  const terminal = { namespace: "default", attached: undefined };
  let out = "";
  for (const line of ["kubectl get pods -A -o wide", "kubectl get events -A", "kubectl describe pods -A", "kubectl rollout restart deployment -A --all 2>&1 | head -3"]) {
    out += runTerminalLine(cluster, terminal, line).output;
  }
  cluster.advanceBy(7 * 60_000 + 500);
  out += runTerminalLine(cluster, terminal, "kubectl get pods -A -o yaml").output;
  return out;
}

const scenarios = getCatalogue().scenarios;

describe("scenario snapshots", () => {
  it.each(scenarios.map((s) => [s.id, s] as const))(
    "%s: moved to another instance's instants it is the scenario simulated at those instants",
    (_id, scenario) => {
      const drawn = drawParams(scenario.file, 3);
      const r = renderScenario(scenario, drawn.values);
      const age = r.clusterAgeMs ?? DEFAULT_CLUSTER_AGE_MS;
      const key = `test\u0000${drawn.variant}`;
      const canonical = settleAt(scenario, r, key, SCENARIO_SNAPSHOT_MS, SCENARIO_SNAPSHOT_MS - age);
      // Another learner time 0 (days and seconds later) and a cluster created 17 h earlier still.
      const learnerStart = SCENARIO_SNAPSHOT_MS + 5 * 86_400_000 + 3 * 3_600_000 + 41_000;
      const clusterStart = learnerStart - age - 17 * 3_600_000;
      const direct = settleAt(scenario, r, key, learnerStart, clusterStart);
      const moved = restore(canonical, learnerStart, clusterStart, 42);
      const built = restore(direct, learnerStart, clusterStart, 42);
      expect(stateText(moved) === stateText(built), "restored state differs").toBe(true);
      expect(act(moved)).toBe(act(built));
      expect(stateText(moved) === stateText(built), "state after the learner's actions differs").toBe(true);
    },
    60_000,
  );

  it.each(scenarios.map((s) => [s.id] as const))("%s: an opened instance is at rest, holds no identity token, and its ids are the seed's", (id) => {
    const a = openSession({ scenarioId: id, seed: 11 });
    const version = a.cluster.store.version;
    a.cluster.reconcile();
    expect(a.cluster.store.version, "a controller wrote right after the restore").toBe(version);
    let seen = stateText(a.cluster);
    for (const line of ["kubectl get all -A -o yaml", "kubectl get events -A -o wide", "kubectl describe pods -A", "kubectl describe nodes"]) seen += a.run(line, 0).output;
    for (const pod of a.cluster.store.list("Pod")) {
      for (const c of (pod.spec as { containers: { name: string }[] }).containers) {
        seen += a.run(`kubectl logs -n ${pod.metadata.namespace} ${pod.metadata.name} -c ${c.name}`, 0).output;
        seen += a.run(`kubectl logs -n ${pod.metadata.namespace} ${pod.metadata.name} -c ${c.name} --previous`, 0).output;
      }
    }
    expect(/[\uE000\uE001]/.test(seen), "an identity token reached the learner").toBe(false);
    const b = openSession({ scenarioId: id, seed: 12 });
    const uids = (s: typeof a) => new Set(s.cluster.store.all().map((o) => o.metadata.uid));
    const shared = [...uids(b)].filter((u) => uids(a).has(u));
    expect(shared).toEqual([]);
    const rv = (s: typeof a) => s.cluster.store.all().map((o) => o.metadata.resourceVersion).join();
    expect(rv(a)).not.toBe(rv(b));
  });

  it("gives a cluster younger than its history a template per age, and it is still the cluster simulated at the instance's instants", () => {
    // 25 minutes old, manifests applied 6 minutes ago: no back-dated past before the simulated stretch.
    const young = parseScenario({ path: "young.yaml", text: FIXTURE_YAML.replace(/^manifests: \|/m, "world:\n  clusterAge: 25m\nmanifests: |") });
    expect(young.file.world?.clusterAge).toBe("25m");
    const drawn = drawParams(young.file, 4);
    const r = renderScenario(young, drawn.values);
    const learnerStart = SCENARIO_SNAPSHOT_MS + 2 * 86_400_000 + 13_000;
    const clusterStart = learnerStart - 25 * 60_000 - 11 * 60_000;
    const canonical = settleAt(young, r, "young", SCENARIO_SNAPSHOT_MS, SCENARIO_SNAPSHOT_MS - 25 * 60_000 - 11 * 60_000);
    const direct = settleAt(young, r, "young", learnerStart, clusterStart);
    expect(stateText(restore(canonical, learnerStart, clusterStart, 5)) === stateText(restore(direct, learnerStart, clusterStart, 5))).toBe(true);
    // Opened: the nodes are as old as the seed's draw says, the workload 6 minutes.
    for (const seed of [1, 2, 3]) {
      const s = new Session({ scenario: young, seed });
      const node = s.cluster.store.list("Node")[0];
      const age = s.startMs - parseTime(node.metadata.creationTimestamp);
      expect(age).toBeGreaterThanOrEqual(25 * 60_000);
      expect(age).toBeLessThanOrEqual(25 * 60_000 + 23 * 3_600_000);
      const dep = s.cluster.store.list("Deployment").find((d) => d.metadata.namespace !== "kube-system")!;
      expect(s.startMs - parseTime(dep.metadata.creationTimestamp)).toBe(6 * 60_000);
      expect(s.run("kubectl get pods -A", 0).output).toMatch(/ImagePullBackOff|ErrImagePull/);
    }
  });

  it("gives the same instance whether its variant was simulated just now or long before", () => {
    for (const scenario of scenarios.slice(0, 8)) {
      const warm = openSession({ scenarioId: scenario.id, seed: 77 });
      openSession({ scenarioId: scenario.id, seed: 78 });
      const cold = new Session({ scenario: { ...scenario }, seed: 77 });
      expect(stateText(cold.cluster) === stateText(warm.cluster), `${scenario.id}: state differs`).toBe(true);
      for (const line of ["kubectl get pods -A -o wide", "kubectl get events -A", "kubectl describe deploy -A"]) expect(cold.run(line, 5_000).output).toBe(warm.run(line, 5_000).output);
    }
  });

  it("draws pod IPs per seed within a variant, keeping the order they sort in", () => {
    const scenario = scenarios.find((x) => x.id === "svc-wrong-target-port")!;
    const variant = (seed: number) => JSON.stringify(drawParams(scenario.file, seed));
    let other = 2;
    while (variant(other) !== variant(1)) other++;
    const ips = (seed: number) => openSession({ scenarioId: scenario.id, seed }).cluster.store.list("Pod").map((p) => (p.status as { podIP?: string }).podIP ?? "");
    const [a, b] = [ips(1), ips(other)];
    expect(a.length).toBe(b.length);
    expect(a.filter((ip, i) => ip === b[i])).toEqual([]);
    for (const ip of [...a, ...b]) expect(ip).toMatch(/^10\.244\.\d\.(\d+)$/);
  });
});
