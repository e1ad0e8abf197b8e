/**
 * The generator's contracts: determinism, briefs that never name the cause, healthy
 * topologies that settle healthy, the incident ids and facade functions, and coverage of
 * the plan the end-to-end files run.
 */
import { describe, expect, it } from "vitest";
import {
  FAULTS,
  INCIDENT_FAMILIES,
  TOPOLOGIES,
  buildInstance,
  generateIncident,
  healthyScenario,
  incidentInputs,
  isIncidentScenarioId,
  incidentScenarioId,
  pickIncident,
  parseFaultKey,
} from "../../../engine/incidents/index";
import { describeScenario, listScenarios, openSession, replaySession, solutionFor } from "../../../engine/index";
import { Session } from "../../../engine/session";
import { scenarioFileSchema } from "../../../engine/scenario/schema";
import { podProblem } from "../../../engine/scenario/checks/pod-health";
import type { Pod } from "../../../engine/model/types";
import { COMBO_SEEDS_A, COMBO_SEEDS_B, comboPlan, singlePlan } from "./plan";

const FAMILIES_AND_ANY = [...INCIDENT_FAMILIES, undefined];

describe("incident generation", () => {
  it("covers ≥ 300 incidents over every topology and every fault in the end-to-end files", () => {
    const plan = [...singlePlan(), ...comboPlan([...COMBO_SEEDS_A, ...COMBO_SEEDS_B]).map((c) => c.inputs)];
    expect(plan.length).toBeGreaterThanOrEqual(300);
    const topologies = new Set(plan.map((p) => p.topology));
    for (const t of TOPOLOGIES) expect(topologies.has(t.id), t.id).toBe(true);
    const faults = new Set(plan.flatMap((p) => p.faults.map((f) => parseFaultKey(f).fault.id)));
    for (const f of FAULTS) expect(faults.has(f.id), f.id).toBe(true);
    expect(plan.some((p) => p.faults.length === 3)).toBe(true);
  }, 30_000);

  it("the same seed gives the same incident, byte for byte (brief, manifests, checks, solution)", () => {
    for (const family of FAMILIES_AND_ANY)
      for (const difficulty of [1, 2, 3] as const)
        for (const seed of [1, 17, 4242]) {
          const a = pickIncident({ family: family as never, difficulty, seed });
          const b = pickIncident({ family: family as never, difficulty, seed });
          expect(b).toEqual(a);
          expect(JSON.stringify(generateIncident(b).scenario.file)).toBe(JSON.stringify(generateIncident(a).scenario.file));
        }
  }, 30_000);

  it("the same seed gives the same cluster, and two seeds usually differ", () => {
    const state = (seed: number) => {
      const s = openSession({ scenarioId: "incident:any:2", seed });
      return s.brief + s.run("kubectl get pods -A -o yaml", 0).output + s.run("kubectl get events -A", 0).output;
    };
    expect(state(11)).toBe(state(11));
    const briefs = new Set([1, 2, 3, 4, 5, 6].map((seed) => openSession({ scenarioId: "incident:any:any", seed }).brief));
    expect(briefs.size).toBeGreaterThan(3);
  }, 30_000);

  it("difficulty follows the fault count and distance; the family is honoured", () => {
    for (const family of INCIDENT_FAMILIES)
      for (const difficulty of [1, 2, 3] as const)
        for (let seed = 1; seed <= 15; seed++) {
          const g = generateIncident(pickIncident({ family: family as never, difficulty, seed }));
          expect(g.difficulty).toBe(difficulty);
          expect(g.applied.some((a) => a.family === family)).toBe(true);
          expect(g.applied.length).toBeGreaterThanOrEqual(difficulty === 1 ? 1 : difficulty === 2 ? 1 : 2);
        }
  }, 30_000);

  it("the brief reports symptoms and never names a cause word of its faults", () => {
    for (const family of FAMILIES_AND_ANY)
      for (const difficulty of [1, 2, 3] as const)
        for (let seed = 1; seed <= 15; seed++) {
          const g = generateIncident(pickIncident({ family: family as never, difficulty, seed }));
          for (const word of g.causeWords) expect(g.scenario.file.brief, `${word} in ${g.inputs.faults.join("+")}`).not.toMatch(new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i"));
        }
  }, 30_000);

  it("every generated incident is a valid scenario file (schema, ≥ 3 hints, unique check ids, non-fixes naming real checks)", () => {
    for (const inputs of singlePlan().filter((p) => p.seed === 1)) {
      const file = generateIncident(inputs).scenario.file;
      const parsed = scenarioFileSchema.safeParse({ ...file, id: "generated-incident" });
      expect(parsed.success, `${inputs.faults[0]}: ${parsed.success ? "" : parsed.error.issues.map((i) => i.path.join(".") + " " + i.message).join("; ")}`).toBe(true);
      const ids = file.checks.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const nf of file.nonFixes) for (const id of nf.fails) expect(ids).toContain(id);
    }
  }, 30_000);

  for (const topology of TOPOLOGIES) {
    it(`the healthy ${topology.id} topology settles healthy: every pod Running and Ready, every Service with endpoints`, () => {
      for (const seed of [1, 2, 3, 4]) {
        const g = healthyScenario(topology.id, seed);
        const s = new Session({ scenario: g.scenario, seed });
        const grade = s.check(0);
        for (const c of grade.checks) if (c.role !== "diagnosis") expect(c.passed, `${topology.id} seed ${seed}: ${c.id}: ${c.message}`).toBe(true);
        const ns = g.instance.namespace;
        const pods = s.cluster.store.list<Pod>("Pod", ns);
        expect(pods.length).toBeGreaterThan(0);
        for (const p of pods) expect(podProblem(p, s.cluster.now(), 0), `${p.metadata.name}`).toBeUndefined();
        for (const svc of g.instance.services) {
          const ep = s.cluster.store.get<{ subsets?: { addresses?: unknown[] }[] } & never>("Endpoints", ns, svc.name) as unknown as { subsets?: { addresses?: unknown[] }[] };
          expect((ep?.subsets ?? []).reduce((n, x) => n + (x.addresses?.length ?? 0), 0), svc.name).toBeGreaterThan(0);
        }
        for (const cj of s.cluster.store.list<{ metadata: { name: string }; status?: { lastSuccessfulTime?: string } } & never>("CronJob", ns) as unknown as { metadata: { name: string } }[]) {
          // The CronJob's batch runs and succeeds within its schedule (at most an hour).
          s.check(61 * 60_000);
          const status = (s.cluster.store.get("CronJob", ns, cj.metadata.name) as { status?: { lastSuccessfulTime?: string } }).status;
          expect(status?.lastSuccessfulTime, `${cj.metadata.name} ran`).toBeDefined();
        }
      }
    }, 30_000);
  }

  it("topology variants come from the seed", () => {
    for (const t of TOPOLOGIES) {
      const shapes = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => JSON.stringify(buildInstance(t.id, seed).objects)));
      expect(shapes.size, t.id).toBeGreaterThan(1);
    }
  }, 30_000);
});

describe("incident ids and the facade", () => {
  it("formats, parses and describes incident ids", () => {
    expect(incidentScenarioId({})).toBe("incident:any:any");
    expect(incidentScenarioId({ family: "crashloop", difficulty: 2 })).toBe("incident:crashloop:2");
    expect(isIncidentScenarioId("incident:crashloop:2")).toBe(true);
    for (const bad of ["incident:nope:2", "incident:crashloop:4", "incident:crashloop", "crash-oomkilled", "incident:capstone:1"]) expect(isIncidentScenarioId(bad), bad).toBe(false);
    expect(describeScenario("incident:crashloop:2")).toEqual({ id: "incident:crashloop:2", title: "Generated incident · CrashLoopBackOff · difficulty 2", family: "crashloop", difficulty: 2, tags: ["generated", "crashloop"] });
    expect(describeScenario("incident:any:any")).toMatchObject({ family: "mixed", difficulty: 2 });
    expect(describeScenario("incident:bad:1")).toBeUndefined();
    expect(describeScenario("crash-oomkilled")?.title).toBe(listScenarios().find((s) => s.id === "crash-oomkilled")?.title);
    expect(listScenarios().some((s) => s.id.startsWith("incident:"))).toBe(false);
  }, 30_000);

  it("incidentInputs gives the generator inputs; sessions, solutions and replays take incident ids", () => {
    const inputs = incidentInputs("incident:networking:1", 7)!;
    expect(inputs).toMatchObject({ seed: 7, family: "networking", difficulty: 1 });
    expect(inputs.faults.length).toBe(1);
    expect(incidentInputs("incident:nope:1", 7)).toBeUndefined();
    const s = openSession({ scenarioId: "incident:networking:1", seed: 7 });
    expect(s.scenarioId).toBe("incident:networking:1");
    expect(s.title).not.toMatch(/^Generated incident/);
    expect(s.brief).toContain(generateIncident(inputs).instance.namespace);
    const solution = solutionFor("incident:networking:1", 7);
    let t = 1000;
    const actions = solution.map((input) => ({ type: "command" as const, input, virtualMs: (t += 1000) }));
    const replayed = replaySession({ scenarioId: "incident:networking:1", seed: 7 }, [...actions, { type: "check", virtualMs: t + 400_000 }]);
    expect(replayed.check(t + 401_000).passed).toBe(true);
    expect(openSession({ scenarioId: "crash-oomkilled", seed: 1 }).title).toBe(describeScenario("crash-oomkilled")!.title);
    expect(() => solutionFor("incident:bad:1", 1)).toThrow();
  }, 30_000);
});
