/**
 * The incident generator: (topology, faults, seed) → a `Scenario`, the same type a scenario
 * file parses into, so sessions, checks, hints, grading and replay work unchanged. The brief
 * is composed from what users see (each fault's report), never from the cause; checks, hints,
 * explanation, reference solution and non-fixes are composed from the faults.
 *
 * `pickIncident` turns a distribution (family, difficulty) and a seed into generator inputs,
 * deterministically.
 */
import { stringify } from "yaml";
import { Random } from "../runtime/random";
import type { Scenario } from "../scenario/loader";
import type { Check, Family, ScenarioFile } from "../scenario/schema";
import { FAULTS, faultById } from "./faults/index";
import { TOPOLOGIES, topologyById } from "./topologies/index";
import { INCIDENT_FAMILY_IDS, type AppliedFault, type Fault, type FaultTarget, type IncidentFamily, type TopologyInstance } from "./types";
import { endpointsId, healthyId } from "./faults/common";

/** The inputs of one generated incident (what an attempt stores). */
export interface IncidentInputs {
  topology: string;
  /** `<faultId>@<role>` (a workload role, or `service:<role>`). */
  faults: string[];
  seed: number;
}

/** A generated incident: the scenario and what it was built from. */
export interface GeneratedIncident {
  scenario: Scenario;
  inputs: IncidentInputs;
  instance: TopologyInstance;
  applied: AppliedFault[];
  /** Difficulty 1–3 from the fault count and how far symptoms show from causes. */
  difficulty: 1 | 2 | 3;
  /** The fault family, or `mixed`. */
  family: IncidentFamily | "mixed";
  /** Every word the brief must not contain (the faults' cause words). */
  causeWords: string[];
}

/** Human labels of the families (the symptom a learner first sees). */
export const FAMILY_LABELS: Record<IncidentFamily | "any", string> = {
  "image-pull": "ImagePullBackOff",
  pending: "Pending pods",
  crashloop: "CrashLoopBackOff",
  "container-config": "CreateContainerConfigError",
  networking: "Unreachable Services",
  rollout: "Stuck rollout",
  any: "Any family",
};

/** The difficulty of a fault combination: the count, plus one when a symptom shows far from its cause. */
export function difficultyOf(faults: readonly Fault[]): 1 | 2 | 3 {
  const far = faults.some((f) => f.distance >= 2);
  return Math.min(3, faults.length + (far ? 1 : 0)) as 1 | 2 | 3;
}

/** Parses `<faultId>@<target>` (target: a workload role or `service:<role>`). */
export function parseFaultKey(key: string): { fault: Fault; target: FaultTarget } {
  const at = key.indexOf("@");
  const fault = faultById(at < 0 ? key : key.slice(0, at));
  if (!fault) throw new Error(`unknown fault "${key}"`);
  const t = at < 0 ? "" : key.slice(at + 1);
  const target: FaultTarget = t.startsWith("service:") ? { service: t.slice(8) } : t.startsWith("cronjob:") ? { cronjob: t.slice(8) } : t ? { workload: t } : {};
  return { fault, target };
}

/** The `<faultId>@<target>` key of a fault on a target. */
export function faultKey(fault: Fault, target: FaultTarget): string {
  return `${fault.id}@${target.service !== undefined ? `service:${target.service}` : target.cronjob !== undefined ? `cronjob:${target.cronjob}` : (target.workload ?? "")}`;
}

function sameTarget(a: FaultTarget, b: FaultTarget): boolean {
  return a.workload === b.workload && a.service === b.service && a.cronjob === b.cronjob;
}

/** Builds the topology instance of a seed (variant parameters drawn from the seed). */
export function buildInstance(topology: string, seed: number): TopologyInstance {
  const topo = topologyById(topology);
  if (!topo) throw new Error(`unknown topology "${topology}"`);
  return topo.build(new Random(`incident\u0000topology\u0000${topology}\u0000${seed >>> 0}`));
}

/** Whether `faults` (with targets) can be combined in `instance`: valid targets, disjoint claims, no conflicts. */
export function compatible(instance: TopologyInstance, picks: readonly { fault: Fault; target: FaultTarget }[]): boolean {
  const claimed = new Set<string>();
  for (const p of picks) {
    if (!p.fault.targets(instance).some((t) => sameTarget(t, p.target))) return false;
    for (const c of p.fault.claims(instance, p.target)) {
      if (claimed.has(c) || claimed.has("*") || (c === "*" && claimed.size > 0)) return false;
      claimed.add(c);
    }
  }
  for (const p of picks) for (const q of picks) if (p !== q && (p.fault.conflicts?.includes(q.fault.id) || (p.fault.rollout && q.fault.rollout && p.target.workload === q.target.workload))) return false;
  return true;
}

/** How long before the learner arrives the (broken) manifests were applied. */
const APPLIED_AGO_MS = 6 * 60_000;
/** With a rollout: the healthy version this long ago, the broken one at ROLLOUT_AGO_MS. */
const HEALTHY_AGO_MS = 16 * 60_000;
const ROLLOUT_AGO_MS = 11 * 60_000;

/** Seconds a caller stuck in a crash-loop back-off needs to come back once its dependency is fixed. */
const CASCADE_WAIT_SECONDS = 360;

function toYaml(objects: readonly object[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join("---\n");
}

/** Generates the incident for these inputs (deterministic). `id` is the scenario id it answers to. */
export function generateIncident(inputs: IncidentInputs, id = `incident:generated`): GeneratedIncident {
  if (inputs.faults.length === 0 || inputs.faults.length > 3) throw new Error("an incident has 1 to 3 faults");
  return compose(inputs, id);
}

/**
 * The healthy topology as a scenario (no fault): the same manifests, nodes and checks an
 * incident on it would have. Tests use it to prove that no fault leaks into the base.
 */
export function healthyScenario(topology: string, seed: number): GeneratedIncident {
  return compose({ topology, faults: [], seed }, `healthy:${topology}`);
}

function compose(inputs: IncidentInputs, id: string): GeneratedIncident {
  const instance = buildInstance(inputs.topology, inputs.seed);
  const picks = inputs.faults.map(parseFaultKey);
  if (!compatible(instance, picks)) throw new Error(`faults ${inputs.faults.join(", ")} cannot be combined on topology ${inputs.topology}`);
  const ns = instance.namespace;
  const k = `kubectl -n ${ns}`;
  const applied: AppliedFault[] = [];
  let healthyStep: string | undefined;
  // Non-rollout faults first: a rollout's "previous version" includes them.
  const ordered = [...picks.filter((p) => !p.fault.rollout), ...picks.filter((p) => p.fault.rollout)];
  ordered.forEach((p, i) => {
    if (p.fault.rollout && healthyStep === undefined) healthyStep = toYaml(instance.objects);
    const rng = new Random(`incident\u0000fault\u0000${p.fault.id}\u0000${i}\u0000${inputs.seed >>> 0}`);
    const workload = p.target.workload !== undefined ? instance.workloads.find((w) => w.role === p.target.workload) : undefined;
    const service = p.target.service !== undefined ? instance.services.find((s) => s.role === p.target.service) : undefined;
    const out = p.fault.apply({ instance, target: p.target, rng, workload, service, k, id: `${p.target.workload ?? p.target.service ?? (p.target.cronjob !== undefined ? "cronjob" : "cluster")}-` });
    if (workload?.kind === "StatefulSet" && p.fault.changesTemplate !== false) {
      // A StatefulSet (OrderedReady) does not replace a pod that never became Ready after the
      // template is fixed (kubernetes/kubernetes#67250, "forced rollback" in the docs).
      const del = `${k} delete pod ${workload.name}-0`;
      out.fix = [...out.fix, del];
      out.hints = [...out.hints.slice(0, -1), `${out.hints[out.hints.length - 1]} ${workload.name} is a StatefulSet: it does not replace a pod that never became Ready, so then delete the stuck pod (\`${del}\`).`];
      out.explanation += ` Because ${workload.name} is a StatefulSet with ordered pod management, fixing the template is not enough: the controller waits for the broken pod to become Ready before replacing it, so the stuck pod must be deleted once the template is right.`;
    }
    applied.push({ key: faultKey(p.fault, p.target), family: p.fault.family, ...out });
  });
  const brokenYaml = toYaml(instance.objects);

  // Checks: every workload healthy and every Service routing (fixed); each workload and Service
  // the original object, workloads at their replicas (rootCause); the faults' own checks; one diagnosis check.
  const stable = new Map<string, number>();
  for (const [i, a] of applied.entries()) if (a.stableSeconds && ordered[i].target.workload) stable.set(ordered[i].target.workload!, Math.max(stable.get(ordered[i].target.workload!) ?? 0, a.stableSeconds));
  const checks: Check[] = [];
  for (const w of instance.workloads)
    checks.push({ id: healthyId(w), kind: "workloadHealthy", workload: w.kind, name: w.name, namespace: ns, minReplicas: w.replicas, ...(stable.has(w.role) ? { stableSeconds: stable.get(w.role) } : {}), message: `${w.name} is not healthy yet` });
  for (const s of instance.services) checks.push({ id: endpointsId(s), kind: "serviceHasEndpoints", name: s.name, namespace: ns, port: s.targetPort, message: `The Service ${s.name} does not route to ready pods` });
  for (const w of instance.workloads) {
    checks.push({ id: `${w.role}-same-object`, kind: "sameUid", object: w.kind, name: w.name, namespace: ns });
    checks.push({ id: `${w.role}-replicas`, kind: "replicasAtLeast", workload: w.kind, name: w.name, namespace: ns, min: w.replicas, message: `${w.name} must keep its ${w.replicas} replicas` });
  }
  for (const s of instance.services) checks.push({ id: `${s.role}-service-same-object`, kind: "sameUid", object: "Service", name: s.name, namespace: ns });
  const seenIds = new Set(checks.map((c) => c.id));
  for (const a of applied) for (const c of a.checks) if (!seenIds.has(c.id)) {
    seenIds.add(c.id);
    checks.push(c);
  }
  const steps = applied.flatMap((a) => a.diagnosis);
  const uniqueSteps = steps.filter((s, i) => steps.findIndex((x) => JSON.stringify(x) === JSON.stringify(s)) === i);
  if (uniqueSteps.length > 0) checks.push({ id: "looked-first", kind: "diagnosed", anyOf: uniqueSteps, before: "firstMutation" });

  // A fault behind a Service others call at start-up leaves those callers in a crash-loop
  // back-off (up to 5 minutes) after the fix: the reference fix restarts them, as an operator would.
  const faulted = new Set(ordered.flatMap((p) => [p.target.workload, p.target.service].filter((r): r is string => r !== undefined)));
  const callers = instance.workloads.filter((w) => !faulted.has(w.role) && (w.dependsOn ?? []).some((r) => faulted.has(r)));
  const restarts = callers.map((w) => `${k} rollout restart ${w.kind.toLowerCase()}/${w.name}`);

  // Solution: every look, then every fix, then restarting the callers that gave up.
  const solution = dedupe([...applied.flatMap((a) => a.look), ...applied.flatMap((a) => a.fix), ...restarts]);
  const symptomChecks = dedupe(applied.flatMap((a) => a.symptomChecks));
  const kinds = dedupe(instance.workloads.map((w) => w.kind.toLowerCase()));
  const nonFixes: ScenarioFile["nonFixes"] = [
    { name: "do-nothing", description: "Looking is not fixing.", commands: [`${k} get pods`], fails: symptomChecks },
    { name: "delete-the-pods", description: "New pods get the same broken configuration.", commands: [`${k} delete pods --all`], fails: symptomChecks },
    { name: "scale-to-zero", description: "No pods, no errors, and no service either.", commands: kinds.map((kind) => `${k} scale ${kind} --all --replicas=0`), fails: instance.workloads.map((w) => `${w.role}-replicas`), waitSeconds: 30 },
    { name: "delete-the-workloads", description: "Deleting the workloads removes the service instead of fixing it.", commands: kinds.map((kind) => `${k} delete ${kind} --all`), fails: instance.workloads.map((w) => `${w.role}-same-object`), waitSeconds: 30 },
    ...applied.flatMap((a) => a.nonFixes),
  ];

  const faults = ordered.map((p) => p.fault);
  const difficulty = faults.length === 0 ? 1 : difficultyOf(faults);
  const families = dedupe(applied.map((a) => a.family));
  const family = families.length === 1 ? families[0] : "mixed";
  const waitSeconds = Math.max(callers.length > 0 ? CASCADE_WAIT_SECONDS : 120, ...applied.map((a) => a.waitSeconds ?? 0));

  const restartHint =
    callers.length > 0
      ? [
          `${callers.map((w) => w.name).join(" and ")} ${callers.length === 1 ? "calls" : "call"} what you fixed at start-up and may still be waiting out a crash-loop back-off (up to 5 minutes). \`${restarts[0]}\` starts fresh pods at once.`,
        ]
      : [];
  const hints = [
    ...(applied.length === 1
      ? applied[0].hints
      : [
          `More than one thing is wrong in namespace ${ns}. Look at every workload and Service there (\`${k} get deployments,statefulsets,pods,services,endpoints\`) and take the problems one at a time.`,
          ...applied.flatMap((a) => a.hints),
        ]),
    ...restartHint,
  ];
  const cascadeNote =
    callers.length > 0
      ? `\n\n${callers.map((w) => w.name).join(" and ")} crashed too, because ${callers.length === 1 ? "it needs" : "they need"} the broken service at start-up: a symptom far from its cause. After the fix, ${callers.length === 1 ? "its" : "their"} pods come back on their own once their crash-loop back-off (10 s doubling up to 5 minutes) expires; \`kubectl rollout restart\` replaces them at once.`
      : "";
  const explanation =
    (applied.length === 1 ? applied[0].explanation : `This incident had ${applied.length} independent causes.\n\n${applied.map((a, i) => `${i + 1}. ${a.explanation}`).join("\n\n")}`) + cascadeNote;
  const lead = "Since this morning's deploy, ";
  const reports = applied.map((a, i) => (i > 0 && a.report.startsWith(lead) ? `And ${a.report.slice(lead.length)}` : a.report));
  const brief = `${instance.team} reports trouble with ${instance.system} in namespace ${ns}. ${reports.join(" ")} Find out what is wrong and fix it, without losing anything that was deployed.`;
  const where = instance.system.replace(/\s*\(.*\)$/, "");
  const title = family === "mixed" ? `Several problems in ${where}` : `${FAMILY_LABELS[family]} in ${where}`;

  const history: ScenarioFile["history"] = [];
  for (const st of instance.steps) history.push({ ago: `${Math.round(st.agoMs / 1000)}s`, cordon: st.cordon });
  if (healthyStep !== undefined) {
    history.push({ ago: `${HEALTHY_AGO_MS / 1000}s`, manifests: healthyStep });
    history.push({ ago: `${ROLLOUT_AGO_MS / 1000}s`, manifests: brokenYaml });
  } else history.push({ ago: `${APPLIED_AGO_MS / 1000}s`, manifests: brokenYaml });

  const scenarioFamily: Family = family === "mixed" ? "capstone" : family;
  const file: ScenarioFile = {
    id,
    title,
    family: scenarioFamily,
    difficulty,
    tags: ["generated", inputs.topology, ...families],
    brief,
    params: {},
    contextNamespace: ns,
    world: { nodes: instance.nodes },
    history,
    hints,
    checks,
    par: solution.length,
    explanation,
    solution,
    nonFixes,
    solutionWaitSeconds: waitSeconds,
  };
  const scenario: Scenario = { id, title, family: scenarioFamily, difficulty, tags: file.tags, path: `generated/${inputs.topology}/${inputs.faults.join("+")}/${inputs.seed}`, file, oneOff: true };
  return { scenario, inputs, instance, applied, difficulty, family, causeWords: dedupe(faults.flatMap((f) => f.causeWords)) };
}

function dedupe<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** What `pickIncident` is asked for. */
export interface IncidentRequest {
  family?: IncidentFamily;
  difficulty?: 1 | 2 | 3;
  seed: number;
}

/** The fault counts and "far" requirement that give a difficulty. */
function shapesFor(difficulty: 1 | 2 | 3): { count: number; far: boolean | undefined }[] {
  if (difficulty === 1) return [{ count: 1, far: false }];
  if (difficulty === 2) return [{ count: 1, far: true }, { count: 2, far: false }];
  return [{ count: 2, far: true }, { count: 3, far: undefined }];
}

/**
 * Picks (topology, faults) for a family and difficulty from a seed, deterministically. With
 * a family, every fault is of that family; without, faults mix families. Without a
 * difficulty, one is drawn (1: 40 %, 2: 40 %, 3: 20 %).
 */
export function pickIncident(req: IncidentRequest): IncidentInputs {
  const rng = new Random(`incident\u0000pick\u0000${req.family ?? "any"}\u0000${req.difficulty ?? "any"}\u0000${req.seed >>> 0}`);
  const difficulty = req.difficulty ?? (([1, 1, 2, 2, 3] as const)[rng.int(0, 4)]);
  const candidates = FAULTS.filter((f) => !req.family || f.family === req.family);
  // First only faults of the family; if the family cannot reach the difficulty on any
  // topology (three image-pull faults need three workloads), the first fault is of the
  // family and the others of any family.
  for (let attempt = 0; attempt < 120; attempt++) {
    const strict = attempt < 60;
    const shape = rng.pick(shapesFor(difficulty));
    const topology = rng.pick(TOPOLOGIES).id;
    const instance = buildInstance(topology, req.seed);
    // Faults are drawn uniformly, then one of their targets (so a fault with many targets is not more likely).
    const options = candidates.map((fault) => ({ fault, targets: fault.targets(instance) })).filter((o) => o.targets.length > 0);
    const others = strict ? options : FAULTS.map((fault) => ({ fault, targets: fault.targets(instance) })).filter((o) => o.targets.length > 0);
    if (options.length === 0) continue;
    const picks: { fault: Fault; target: FaultTarget }[] = [];
    for (let tries = 0; picks.length < shape.count && tries < 40; tries++) {
      const drawn = rng.pick(picks.length === 0 ? options : others);
      const option = { fault: drawn.fault, target: rng.pick(drawn.targets) };
      const next = [...picks, option];
      if (!compatible(instance, next)) continue;
      picks.push(option);
    }
    if (picks.length !== shape.count) continue;
    const faults = picks.map((p) => p.fault);
    if (difficultyOf(faults) !== difficulty) continue;
    return { topology, faults: picks.map((p) => faultKey(p.fault, p.target)), seed: req.seed };
  }
  throw new Error(`no incident of family ${req.family ?? "any"} and difficulty ${difficulty} for seed ${req.seed}`);
}

/** Every (topology, single fault, target) the library can generate for a seed: for tests and docs. */
export function singleFaultInputs(seed: number): IncidentInputs[] {
  const out: IncidentInputs[] = [];
  for (const t of TOPOLOGIES) {
    const instance = buildInstance(t.id, seed);
    for (const f of FAULTS) for (const target of f.targets(instance)) out.push({ topology: t.id, faults: [faultKey(f, target)], seed });
  }
  return out;
}

export { INCIDENT_FAMILY_IDS };
