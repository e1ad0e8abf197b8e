/**
 * A scenario's broken steady state, simulated once per drawn variant and restored for each
 * seed (as the system world is, see system-snapshot.ts). The simulation of the scenario's
 * history (its steps, minutes of pulls, crashes, probes and back-offs) depends on the seed
 * only through the variant's parameters, the instants and the ids: so it runs once, at a
 * canonical instant, with an IdentityMarkingRandom, and each instance restores the result at
 * its own instants with its own ids (uids, generated names, event names) and resourceVersions.
 *
 * Pod IPs are drawn anew for each instance too, in the order the simulated ones sort (so that
 * Endpoints, which keep addresses sorted, stay as they are). What the seed no longer changes
 * within a variant: the other numbers the simulation drew (Service IPs, image pull times, the
 * scheduler's choice between equal nodes).
 *
 * Instants: the template's learner time 0 is `SCENARIO_SNAPSHOT_MS`; a restore moves the
 * simulated stretch to the instance's learner time 0 and, separately, the cluster's back-dated
 * past (nodes and system objects created weeks before) to the instance's cluster creation,
 * whose distance from time 0 varies by seed. That needs the past to end before the simulated
 * stretch begins; a scenario whose cluster is too young for that gets a template per age.
 */
import type { KObject, Node, Pod } from "../model/types";
import type { World } from "../model/world";
import { rfc3339 } from "../runtime/clock";
import { kindInfo } from "../model/kinds";
import { Cluster, type ClusterSnapshot } from "../runtime/cluster";
import { Random, fnv1a32 } from "../runtime/random";
import { IdentityMarkingRandom, type AddressRange } from "../runtime/snapshot";
import { defaultControllers } from "../controllers/index";
import { resyncAllPods } from "../controllers/kubelet";
import { podAddress, podAddressRange } from "../controllers/kubelet/sync-pod";
import { standardWorld } from "../world/library";
import type { Scenario } from "./loader";
import type { DrawnParams } from "./params";
import { renderScenario, type RenderedScenario } from "./render";
import { applyManifests, objectKey, parseManifests } from "./manifests";
import { DEFAULT_NODES } from "./nodes";
import { systemSnapshot } from "./system-snapshot";
import { SYSTEM_APPS, SYSTEM_REPOSITORIES } from "./system-world";
import { dateNode } from "../model/node-builder";
import { makeDefaulter } from "./api-defaults";

/** The learner time 0 scenario templates are simulated for (any whole second would do). */
export const SCENARIO_SNAPSHOT_MS = Date.UTC(2026, 2, 2, 8, 0, 0);

/** How long the cluster existed before the learner arrived, when the scenario does not say. */
export const DEFAULT_CLUSTER_AGE_MS = 26 * 86_400_000;

/**
 * How long before the scenario's first change the simulation really starts. The cluster's
 * older past (nodes and system pods running for weeks) is not simulated tick by tick: the
 * objects that exist at this point are back-dated to the cluster's creation instead.
 */
const SIMULATED_LEAD_MS = 20 * 60_000;

/** The latest back-dated instant after the cluster's creation (a system container's start), with room to spare. */
const BACKDATED_SPAN_MS = 2 * 60_000;

/** Variants kept per scenario (a catalogue scenario draws two to nine). */
const MAX_PER_SCENARIO = 64;

/** One variant of a scenario simulated to its learner's time 0, ready to restore. */
export interface SettledScenario {
  rendered: RenderedScenario;
  world: World;
  snapshot: ClusterSnapshot;
  /** Learner time 0 of the template (`snapshot.atMs`). */
  learnerStartMs: number;
  /** The cluster's creation in the template. */
  clusterStartMs: number;
  /** `Kind/namespace/name` of the objects the scenario's manifests create, in order. */
  keys: string[];
  /** The nodes' pod address ranges, whose addresses a restore draws anew (`movedAddresses`). */
  addressRanges: AddressRange[];
}

const cache = new WeakMap<Scenario, Map<string, SettledScenario>>();

/**
 * The settled template of `scenario` for the drawn parameters, for an instance whose cluster
 * was created `ageJitterMs` earlier than the scenario's cluster age says (cached).
 */
export function settledScenario(scenario: Scenario, drawn: DrawnParams, ageJitterMs: number): SettledScenario {
  const rendered = renderScenario(scenario, drawn.values);
  const ageMs = rendered.clusterAgeMs ?? DEFAULT_CLUSTER_AGE_MS;
  const maxAgoMs = Math.max(0, ...rendered.steps.map((st) => st.agoMs));
  // Old enough: one template serves every age jitter (the back-dated past moves on its own).
  const jitter = ageMs - maxAgoMs - SIMULATED_LEAD_MS > BACKDATED_SPAN_MS ? 0 : ageJitterMs;
  const key = `${drawn.variant}\u0000${JSON.stringify(Object.entries(drawn.values).sort(([a], [b]) => (a < b ? -1 : 1)))}\u0000${jitter}`;
  let perScenario = cache.get(scenario);
  if (perScenario === undefined) {
    perScenario = new Map();
    cache.set(scenario, perScenario);
  }
  let settled = perScenario.get(key);
  if (settled === undefined) {
    settled = settleAt(scenario, rendered, key, SCENARIO_SNAPSHOT_MS, SCENARIO_SNAPSHOT_MS - ageMs - jitter);
    if (perScenario.size >= MAX_PER_SCENARIO) perScenario.delete(perScenario.keys().next().value!);
    perScenario.set(key, settled);
  }
  return settled;
}

/**
 * Simulates `r` (the variant `key` of `scenario`) from its cluster's creation at
 * `clusterStartMs` to learner time 0 at `learnerStartMs`, and takes the snapshot. Exported
 * for the tests that hold the rule restoring relies on: a template built at one instant and
 * moved gives the template built at the other.
 */
export function settleAt(scenario: Scenario, r: RenderedScenario, key: string, learnerStartMs: number, clusterStartMs: number): SettledScenario {
  const variantSeed = fnv1a32(`${scenario.id}\u0000${key}`);
  const world = worldOf(r);
  const { cluster, keys, simStartMs } = simulate(r, world, {
    seed: variantSeed,
    random: new IdentityMarkingRandom(variantSeed),
    clusterIpSeed: `${scenario.id}\u0000cluster-ip\u0000${variantSeed}`,
    learnerStartMs,
    clusterStartMs,
  });
  // Everything before the simulated stretch is the back-dated past.
  const addressRanges = podAddressRanges(cluster.store.list<Node>("Node"));
  const snapshot = cluster.snapshot({ historyBeforeMs: simStartMs > clusterStartMs ? simStartMs : undefined, addressRanges });
  return { rendered: r, world, snapshot, learnerStartMs, clusterStartMs, keys, addressRanges };
}

/**
 * The nodes' pod address ranges as text ranges (`10.244.1.` 2–254). A range whose first three
 * octets another node shares is left out: its addresses stay as simulated.
 */
function podAddressRanges(nodes: readonly Node[]): AddressRange[] {
  const ranges: AddressRange[] = [];
  for (const node of nodes) {
    const range = podAddressRange(node);
    if (!range) continue;
    const first = podAddress(range, range.lo);
    const prefix = first.slice(0, first.lastIndexOf(".") + 1);
    const offset = Number(first.slice(prefix.length)) - range.lo;
    ranges.push({ prefix, lo: offset + range.lo, hi: offset + range.hi });
  }
  return ranges.filter((r) => ranges.filter((x) => x.prefix === r.prefix).length === 1);
}

/**
 * New pod addresses for an instance of `settled`: in each range, as many distinct addresses
 * as the simulation used, drawn from `rng`, given out in the order the old ones sort as text,
 * so that whatever is kept sorted by address (Endpoints) stays sorted.
 */
export function movedAddresses(settled: SettledScenario, rng: Random): string[] {
  const found = settled.snapshot.template.addresses;
  const out = found.map((a) => a.value);
  settled.addressRanges.forEach((range, r) => {
    const old = found.flatMap((a, i) => (a.range === r ? [i] : [])).sort((a, b) => (found[a].value < found[b].value ? -1 : 1));
    if (old.length === 0) return;
    const hosts = new Set<number>();
    while (hosts.size < old.length) hosts.add(rng.int(range.lo, range.hi));
    const fresh = [...hosts].map((h) => `${range.prefix}${h}`).sort();
    old.forEach((i, k) => (out[i] = fresh[k]));
  });
  return out;
}

/** The world of a rendered scenario: the standard library, the system's images and apps, and the scenario's. */
export function worldOf(r: RenderedScenario): World {
  return standardWorld({
    repositories: [...SYSTEM_REPOSITORIES, ...r.repositories],
    apps: { ...SYSTEM_APPS, ...r.apps },
    hosts: r.hosts,
    externalHosts: r.externalHosts,
  });
}

/** How one simulation of a scenario draws: the cluster's seed and randomness, and the seed of its Service IPs. */
export interface SimulationDraws {
  seed: number;
  random?: Random;
  clusterIpSeed: string;
  learnerStartMs: number;
  clusterStartMs: number;
}

/**
 * Simulates a rendered scenario: the system world restored at the scenario's first change (or
 * the simulated lead before it), nodes and system objects back-dated to the cluster's creation,
 * then each history step at its instant, and time up to the learner's time 0.
 */
export function simulate(r: RenderedScenario, world: World, draws: SimulationDraws): { cluster: Cluster; keys: string[]; simStartMs: number } {
  const { learnerStartMs, clusterStartMs } = draws;
  const firstStepMs = learnerStartMs - Math.max(0, ...r.steps.map((st) => st.agoMs));
  const simStartMs = Math.max(clusterStartMs, firstStepMs - SIMULATED_LEAD_MS);
  // The system world from simStartMs to the first step, restored rather than simulated again.
  const systemUntilMs = Math.max(simStartMs, firstStepMs);
  const cluster = Cluster.restore(systemSnapshot(r.nodes ?? DEFAULT_NODES, systemUntilMs - simStartMs, systemUntilMs), {
    seed: draws.seed,
    random: draws.random,
    startMs: systemUntilMs,
    world,
    controllers: defaultControllers(),
  });
  const defaulter = makeDefaulter(new Random(draws.clusterIpSeed));
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
  return { cluster, keys, simStartMs };
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

/** Deletes `Kind/name` or `Kind/namespace/name` (a history step). */
function deleteRef(cluster: Cluster, ref: string): void {
  const parts = ref.split("/");
  const kind = kindInfo(parts[0]).kind;
  const [ns, name] = parts.length === 3 ? [parts[1], parts[2]] : ["default", parts[1]];
  cluster.store.remove(kind, ns, name);
}

/** Looks up `Kind/namespace/name` or `Kind/name`. */
export function objectByKey(cluster: Cluster, key: string): KObject | undefined {
  const parts = key.split("/");
  return parts.length === 3 ? cluster.store.get(parts[0], parts[1], parts[2]) : cluster.store.get(parts[0], undefined, parts[1]);
}
