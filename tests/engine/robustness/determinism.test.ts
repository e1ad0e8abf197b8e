/**
 * Determinism and replay: the same (scenario, seed, actions with their times) gives the same
 * bytes, the same cluster and the same grade; `replaySession` rebuilds an attempt from its
 * recorded actions; seeds change identities; time advanced in one step or many reaches the
 * same state; and no engine file reads the wall clock, `Math.random` or the process.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { listScenarios, openSession, replaySession, solutionFor } from "../../../engine/index";
import { runScript, scriptFor, snapshotOf } from "./scripted-session";

const SCENARIOS = listScenarios().map((s) => s.id);
const SEEDS = [1, 7, 4242];
const FINAL_LISTING = "kubectl get all,cm,secrets,sa,ep,pvc,pv,nodes,ns -A -o yaml";

describe("a scripted attempt run twice", () => {
  const CASES = SCENARIOS.flatMap((scenarioId) => SEEDS.map((seed) => [scenarioId, seed] as const));
  it.each(CASES)("%s seed %i: same output bytes, cluster, log and grades; replay reproduces them", (scenarioId, seed) => {
    const probe = openSession({ scenarioId, seed });
    const actions = scriptFor(probe, solutionFor(scenarioId, seed));
    const lastMs = actions[actions.length - 1].virtualMs;
    actions.push({ type: "command", input: FINAL_LISTING, virtualMs: lastMs + 1_000 });
    const a = runScript(scenarioId, seed, actions);
    const b = runScript(scenarioId, seed, actions);
    expect(b.transcript).toEqual(a.transcript);
    expect(snapshotOf(b.session)).toBe(snapshotOf(a.session));
    expect(b.session.log).toEqual(a.session.log);
    // The reference fix passes, on every seed.
    expect(a.transcript.filter((t) => t.startsWith("check ")).at(-1), "final grade").toContain('"passed":true');
    if (seed === SEEDS[0]) {
      const c = replaySession({ scenarioId, seed }, actions);
      expect(snapshotOf(c)).toBe(snapshotOf(a.session));
      expect(c.log).toEqual(a.session.log);
      expect(c.run("kubectl get pods -A -o wide", lastMs + 2_000)).toEqual(a.session.run("kubectl get pods -A -o wide", lastMs + 2_000));
    }
  }, 120_000);
});

describe("seeds", () => {
  it.each(SCENARIOS)("%s: different seeds give different uids and pod names", (scenarioId) => {
    const identities = SEEDS.map((seed) => {
      const objects = openSession({ scenarioId, seed }).cluster.store.all();
      return {
        uids: new Set(objects.map((o) => o.metadata.uid)),
        pods: objects.filter((o) => o.kind === "Pod" && !o.metadata.namespace?.startsWith("kube-")).map((o) => o.metadata.name).join(","),
      };
    });
    for (let i = 0; i < identities.length; i++) {
      for (let j = i + 1; j < identities.length; j++) {
        const shared = [...identities[i].uids].filter((u) => identities[j].uids.has(u));
        expect(shared, `seeds ${SEEDS[i]} and ${SEEDS[j]} share uids`).toEqual([]);
        if (identities[i].pods !== "") expect(identities[i].pods).not.toBe(identities[j].pods);
      }
    }
  }, 60_000);
});

describe("advancing time", () => {
  const SCENARIOS_WITH_TIMERS = ["crash-liveness-probe", "crash-oomkilled", "image-pull-missing-tag", "rollout-stuck-readiness", "pending-unbound-pvc"];
  it.each(SCENARIOS_WITH_TIMERS)("%s: one big step or many small ones reach the same state", (scenarioId) => {
    const big = openSession({ scenarioId, seed: 3 });
    const small = openSession({ scenarioId, seed: 3 });
    const end = big.startMs + 15 * 60_000;
    big.cluster.advanceTo(end);
    for (let t = small.startMs; t < end; t += 7_919) small.cluster.advanceTo(t);
    small.cluster.advanceTo(end);
    // resourceVersions are opaque and count writes: a kubelet that catches up on probe results
    // later writes the same events in another order, so only they may differ.
    const withoutVersions = (text: string) => text.replace(/resourceVersion: "\d+"/g, "resourceVersion: _");
    expect(withoutVersions(snapshotOf(small))).toBe(withoutVersions(snapshotOf(big)));
    expect(small.run("kubectl describe pods -A", 15 * 60_000).output).toBe(big.run("kubectl describe pods -A", 15 * 60_000).output);
  }, 60_000);

  it("a learner's time never goes backwards, and a bad time is read as now", () => {
    const s = openSession({ scenarioId: "crash-missing-env", seed: 1 });
    const at10 = s.run("kubectl get pods -A", 10_000).output;
    expect(s.run("kubectl get pods -A", 5_000).output).toBe(at10);
    expect(s.run("kubectl get pods -A", Number.NaN).output).toBe(at10);
    expect(s.run("kubectl get pods -A", -1).output).toBe(at10);
  });
});

describe("the engine is pure", () => {
  /** Engine source files, without the CLI and the catalogue loader's file reading. */
  function engineFiles(dir: string): string[] {
    const out: string[] = [];
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) out.push(...engineFiles(path));
      else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) out.push(path);
    }
    return out;
  }
  const root = join(import.meta.dirname, "../../..");
  const EXEMPT = new Set(["engine/scenario/load-files.ts"]);
  const FORBIDDEN: [RegExp, string][] = [
    [/\bDate\.now\s*\(/, "Date.now()"],
    [/\bnew Date\(\s*\)/, "new Date()"],
    [/(^|[^.\w])Date\(\s*\)/, "Date()"],
    [/\bMath\.random\s*\(/, "Math.random()"],
    [/\bperformance\.now\s*\(/, "performance.now()"],
    [/\bprocess\.[A-Za-z_]/, "process."],
    [/\bcrypto\.(randomUUID|getRandomValues)\b/, "crypto randomness"],
  ];

  /** The file's code without comments (string contents are kept: a use inside one would still be suspect). */
  function code(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  }

  it("no engine file reads the wall clock, Math.random or the process", () => {
    const offences: string[] = [];
    for (const file of engineFiles(join(root, "engine"))) {
      const rel = relative(root, file).split("\\").join("/");
      if (rel.startsWith("engine/cli/") || EXEMPT.has(rel)) continue;
      const lines = code(readFileSync(file, "utf8")).split("\n");
      lines.forEach((line, i) => {
        for (const [re, what] of FORBIDDEN) if (re.test(line)) offences.push(`${rel}:${i + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(offences).toEqual([]);
  });

  it("the scan catches what it should", () => {
    expect(code("const t = Date.now(); // ok").match(FORBIDDEN[0][0])).not.toBeNull();
    expect(code("/** never Date.now() */ const x = 1;").match(FORBIDDEN[0][0])).toBeNull();
    expect(FORBIDDEN[5][0].test('"the server process."')).toBe(false);
    expect(FORBIDDEN[5][0].test("process.env.X")).toBe(true);
  });
});
