/**
 * The system world every scenario starts from, simulated once per node layout and lead: the
 * nodes, the standard namespaces and Services, CoreDNS scheduled, pulled, started, ready and
 * then left running for the lead (the stretch simulated before the scenario's first change).
 * Each instance restores it at its first change (every instant moved, see runtime/snapshot.ts)
 * instead of simulating the same start-up again. Its ids are tokens the restoring seed fills
 * in (uids, pod names), so they differ by seed as if simulated; its other draws (IPs, pull
 * times) are shared.
 */
import type { Node } from "../model/types";
import { Cluster, type ClusterSnapshot } from "../runtime/cluster";
import { Random } from "../runtime/random";
import { IdentityMarkingRandom } from "../runtime/snapshot";
import { defaultControllers } from "../controllers/index";
import { standardWorld } from "../world/library";
import type { World } from "../model/world";
import type { NodeSpec } from "./schema";
import { createNodes } from "./nodes";
import { createSystemObjects } from "./system-objects";
import { SYSTEM_APPS, SYSTEM_REPOSITORIES } from "./system-world";
import { makeDefaulter } from "./api-defaults";

/** The instant cached system worlds are simulated at (any whole second would do). */
export const SYSTEM_SNAPSHOT_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/** Layouts kept (scenarios share a few; generated incidents may draw more). */
const MAX_CACHED = 64;
const cache = new Map<string, ClusterSnapshot>();
let systemWorld: World | undefined;

/**
 * The system world for `nodes` created `leadMs` before `endMs`, as a snapshot to restore at
 * `endMs`: the cached one when the move is whole seconds (always, for the instants scenarios
 * produce), else one built for these instants.
 */
export function systemSnapshot(nodes: readonly NodeSpec[], leadMs: number, endMs: number): ClusterSnapshot {
  if ((endMs - leadMs - SYSTEM_SNAPSHOT_MS) % 1000 !== 0) return buildSystemSnapshot(nodes, endMs - leadMs, leadMs);
  const key = `${leadMs}\u0000${JSON.stringify(nodes)}`;
  let snapshot = cache.get(key);
  if (snapshot === undefined) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    snapshot = buildSystemSnapshot(nodes, SYSTEM_SNAPSHOT_MS, leadMs);
    cache.set(key, snapshot);
  }
  return snapshot;
}

/**
 * Simulates the system world's start-up at `atMs` and `leadMs` of it running, and returns the
 * state then. Its events are dropped: by the time a learner looks they have long expired
 * (instantiate back-dates what remains to the cluster's creation).
 */
export function buildSystemSnapshot(nodes: readonly NodeSpec[], atMs: number, leadMs: number): ClusterSnapshot {
  systemWorld ??= standardWorld({ repositories: [...SYSTEM_REPOSITORIES], apps: { ...SYSTEM_APPS } });
  const random = new IdentityMarkingRandom("system world");
  const cluster = new Cluster({ seed: 0, random, startMs: atMs, world: systemWorld, controllers: defaultControllers() });
  const created = createNodes(cluster, nodes, atMs);
  const controlPlane: Node = created.find((n) => n.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined) ?? created[0];
  createSystemObjects(cluster, controlPlane.status.addresses[0].address, makeDefaulter(new Random("system world\u0000cluster-ip")));
  cluster.reconcile();
  cluster.advanceTo(atMs + leadMs);
  for (const ev of cluster.store.list("Event")) cluster.store.remove("Event", ev.metadata.namespace, ev.metadata.name);
  return cluster.snapshot();
}
