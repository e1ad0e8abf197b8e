/**
 * Building one instance of a scenario: draw the variant from the seed, render it, build the
 * world and the cluster (nodes and system objects long ago, the scenario's manifests a few
 * minutes ago), and advance to the learner's time 0 so the broken state has settled the way
 * a real incident would have (ages, restart counts, aggregated events).
 */
import type { KObject, Node, Pod } from "../model/types";
import { rfc3339 } from "../runtime/clock";
import { kindInfo } from "../model/kinds";
import { Cluster } from "../runtime/cluster";
import { Random, fnv1a32 } from "../runtime/random";
import { defaultControllers } from "../controllers/index";
import { resyncAllPods } from "../controllers/kubelet";
import { standardWorld } from "../world/library";
import type { Scenario } from "./loader";
import type { Check, HintSpec, ParamValue } from "./schema";
import { drawParams } from "./params";
import { renderScenario, type NonFix } from "./render";
import { applyManifests, objectKey, parseManifests } from "./manifests";
import { DEFAULT_NODES } from "./nodes";
import { systemSnapshot } from "./system-snapshot";
import { SYSTEM_APPS, SYSTEM_REPOSITORIES } from "./system-world";
import { dateNode } from "../model/node-builder";
import { makeDefaulter } from "./api-defaults";

/** The learner's time 0 is this instant plus up to a week, drawn from the seed. */
const BASE_START_MS = Date.UTC(2026, 2, 2, 8, 0, 0);

/** How long the cluster existed before the learner arrived, when the scenario does not say. */
const DEFAULT_CLUSTER_AGE_MS = 26 * 86_400_000;

/**
 * How long before the scenario's first change the simulation really starts. The cluster's
 * older past (nodes and system pods running for weeks) is not simulated tick by tick: the
 * objects that exist at this point are back-dated to the cluster's creation instead.
 */
const SIMULATED_LEAD_MS = 20 * 60_000;

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
  const r = renderScenario(scenario, drawn.values);
  const timeRng = new Random(`${scenario.id}\u0000time\u0000${seed >>> 0}`);
  const learnerStartMs = BASE_START_MS + timeRng.int(0, 7 * 24 * 60) * 60_000 + timeRng.int(0, 59) * 1000;
  const clusterStartMs = learnerStartMs - (r.clusterAgeMs ?? DEFAULT_CLUSTER_AGE_MS) - timeRng.int(0, 23 * 60) * 60_000;

  const world = standardWorld({
    repositories: [...SYSTEM_REPOSITORIES, ...r.repositories],
    apps: { ...SYSTEM_APPS, ...r.apps },
    hosts: r.hosts,
    externalHosts: r.externalHosts,
  });
  const firstStepMs = learnerStartMs - Math.max(0, ...r.steps.map((st) => st.agoMs));
  const simStartMs = Math.max(clusterStartMs, firstStepMs - SIMULATED_LEAD_MS);
  // The system world from simStartMs to the first step, restored rather than simulated again;
  // randomness from here on is seeded per scenario too, so two scenarios played with the same
  // seed do not share pod names.
  const systemUntilMs = Math.max(simStartMs, firstStepMs);
  const cluster = Cluster.restore(systemSnapshot(r.nodes ?? DEFAULT_NODES, systemUntilMs - simStartMs, systemUntilMs), {
    seed: (fnv1a32(scenario.id) ^ seed) >>> 0,
    startMs: systemUntilMs,
    world,
    controllers: defaultControllers(),
  });
  const defaulter = makeDefaulter(new Random(`${scenario.id}\u0000cluster-ip\u0000${seed >>> 0}`));
  for (const node of cluster.store.list<Node>("Node")) dateNode(node, clusterStartMs);
  backdateSystem(cluster, clusterStartMs);
  resyncAllPods(cluster);

  const keys: string[] = [];
  for (const step of r.steps) {
    cluster.advanceTo(learnerStartMs - step.agoMs);
    for (const ref of step.delete ?? []) deleteRef(cluster, ref);
    for (const name of step.cordon ?? []) {
      const node = cluster.store.get("Node", undefined, name);
      if (node) {
        node.spec = { ...node.spec, unschedulable: true };
        cluster.store.touch(node, true);
      }
    }
    if (step.manifests) {
      const objects = parseManifests(step.manifests);
      for (const o of objects) keys.push(objectKey(o.kind, o.metadata.namespace ?? "default", o.metadata.name));
      applyManifests(cluster, objects, defaulter);
    } else cluster.reconcile();
  }
  cluster.advanceTo(learnerStartMs);

  const initialUids: Record<string, string> = {};
  for (const key of keys) {
    const obj = getByKey(cluster, key);
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
 * Moves what exists before the scenario starts (system objects, CoreDNS pods) to the cluster's
 * creation time, and drops their events (the API server expires events after an hour).
 */
function backdateSystem(cluster: Cluster, clusterStartMs: number): void {
  const created = rfc3339(clusterStartMs);
  const podStart = rfc3339(clusterStartMs + 45_000);
  for (const obj of cluster.store.all()) {
    if (obj.kind === "Event") {
      cluster.store.remove("Event", obj.metadata.namespace, obj.metadata.name);
      continue;
    }
    if (obj.kind !== "Node") obj.metadata.creationTimestamp = obj.kind === "Pod" ? podStart : created;
    if (obj.kind === "Pod" && obj.status) {
      const st = obj.status as Pod["status"];
      if (st.startTime) st.startTime = podStart;
      for (const c of st.conditions ?? []) if (c.lastTransitionTime) c.lastTransitionTime = podStart;
      for (const cs of st.containerStatuses ?? []) if (cs.state.running?.startedAt) cs.state.running.startedAt = rfc3339(clusterStartMs + 52_000);
    }
  }
}

function getByKey(cluster: Cluster, key: string): KObject | undefined {
  const parts = key.split("/");
  return parts.length === 3 ? cluster.store.get(parts[0], parts[1], parts[2]) : cluster.store.get(parts[0], undefined, parts[1]);
}

/** Deletes `Kind/name` or `Kind/namespace/name` (a history step). */
function deleteRef(cluster: Cluster, ref: string): void {
  const parts = ref.split("/");
  const kind = kindInfo(parts[0]).kind;
  const [ns, name] = parts.length === 3 ? [parts[1], parts[2]] : ["default", parts[1]];
  cluster.store.remove(kind, ns, name);
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
