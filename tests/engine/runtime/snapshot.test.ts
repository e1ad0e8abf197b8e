/**
 * Cluster snapshots (engine/runtime/snapshot.ts, engine/scenario/system-snapshot.ts): the
 * system world is simulated once and restored at each instance's own instant with its own
 * identities. These tests hold the two rules that makes safe: shifting a world built at one
 * instant gives exactly the world built at another (for every node layout the scenarios use,
 * and what happens afterwards too), and no identity token survives a restore.
 */
import { describe, expect, it } from "vitest";
import { Cluster, type ClusterSnapshot } from "../../../engine/runtime/cluster";
import { fromTemplate, IdentityFiller, IdentityMarkingRandom, makeTemplate } from "../../../engine/runtime/snapshot";
import { defaultControllers } from "../../../engine/controllers/index";
import { standardWorld } from "../../../engine/world/library";
import { getCatalogue } from "../../../engine/catalogue";
import { drawParams } from "../../../engine/scenario/params";
import { renderScenario } from "../../../engine/scenario/render";
import { DEFAULT_NODES } from "../../../engine/scenario/nodes";
import { buildSystemSnapshot, SYSTEM_SNAPSHOT_MS } from "../../../engine/scenario/system-snapshot";
import { SYSTEM_APPS, SYSTEM_REPOSITORIES } from "../../../engine/scenario/system-world";
import type { NodeSpec } from "../../../engine/scenario/schema";
import type { KObject } from "../../../engine/model/types";

const world = standardWorld({ repositories: [...SYSTEM_REPOSITORIES], apps: { ...SYSTEM_APPS } });

function restore(snapshot: ClusterSnapshot, atMs: number, seed: number): Cluster {
  return Cluster.restore(snapshot, { seed, startMs: atMs, world, controllers: defaultControllers() });
}

/** Everything a cluster holds, as text (Maps and Sets as entry lists). */
function stateText(cluster: Cluster): string {
  const internals = cluster as unknown as { controllerState_: unknown; timers: unknown };
  const state = { store: cluster.store.exportState(), events: cluster.events.exportIndex(), controllers: internals.controllerState_, timers: internals.timers };
  return JSON.stringify(state, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v));
}

/** A snapshot's copy of `value`, restored with instants moved by `shiftMs`. */
function copyShifted<T>(value: T, centreMs: number, shiftMs: number, identities?: IdentityFiller): T {
  return fromTemplate<T>(makeTemplate(value, centreMs), shiftMs, identities);
}

/** A workload created after the restore, and time passing: what the scenario's steps do next. */
function continueWith(cluster: Cluster): void {
  cluster.create({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "web", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 } }] },
      },
    },
  } as KObject);
  cluster.advanceBy(17 * 60_000 + 500);
}

function nodeLayouts(): NodeSpec[][] {
  const layouts = new Map<string, NodeSpec[]>([[JSON.stringify(DEFAULT_NODES), [...DEFAULT_NODES]]]);
  for (const scenario of getCatalogue().scenarios) {
    const nodes = renderScenario(scenario, drawParams(scenario.file, 1).values).nodes;
    if (nodes) layouts.set(JSON.stringify(nodes), nodes);
  }
  return [...layouts.values()];
}

describe("snapshot templates", () => {
  const centre = Date.UTC(2026, 0, 1);
  it("moves instants near the centre (numbers and RFC 3339 strings) and nothing else", () => {
    const shared = { at: centre + 5_000 };
    const input = {
      a: shared,
      b: shared,
      count: 3,
      backoffMs: 300_000,
      never: Infinity,
      created: "2026-01-01T00:00:05Z",
      micro: "2026-01-01T00:00:05.123456Z",
      far: "1999-01-01T00:00:00Z",
      text: "started at 2026-01-01T00:00:05Z",
      map: new Map([["k", centre]]),
      set: new Set([centre]),
      frozen: Object.freeze({ at: centre }),
    };
    const out = copyShifted(input, centre, 86_400_000);
    expect(out.a).toBe(out.b);
    expect(out.a).not.toBe(shared);
    expect(out.a.at).toBe(centre + 86_405_000);
    expect(out.count).toBe(3);
    expect(out.backoffMs).toBe(300_000);
    expect(out.never).toBe(Infinity);
    expect(out.created).toBe("2026-01-02T00:00:05Z");
    expect(out.micro).toBe("2026-01-02T00:00:05.123456Z");
    expect(out.far).toBe("1999-01-01T00:00:00Z");
    expect(out.text).toBe("started at 2026-01-01T00:00:05Z");
    expect(out.map.get("k")).toBe(centre + 86_400_000);
    expect([...out.set]).toEqual([centre + 86_400_000]);
    expect(out.frozen).toBe(input.frozen);
    expect(shared.at).toBe(centre + 5_000);
  });

  it("refuses moves of a fraction of a second, and state that holds functions, class instances or cycles", () => {
    expect(() => copyShifted({}, centre, 1500)).toThrow(/whole seconds/);
    expect(() => copyShifted({ f: () => 1 }, centre, 0)).toThrow(/data only/);
    expect(() => copyShifted({ d: new Date(centre) }, centre, 0)).toThrow(/plain data/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => copyShifted(cycle, centre, 0)).toThrow(/cycles/);
  });

  it("fills identity tokens from the seed, the same value wherever a token appears", () => {
    const random = new IdentityMarkingRandom("test");
    const uid = random.uuid();
    const name = `web-${random.fork("store").chars(5)}`;
    const state = { uid, key: `pod/${uid}`, name, env: { HOSTNAME: name } };
    const fill = (seed: number) => copyShifted(state, centre, 0, new IdentityFiller(seed, random.recipes));
    const one = fill(1);
    expect(one.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one.key).toBe(`pod/${one.uid}`);
    expect(one.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(one.env.HOSTNAME).toBe(one.name);
    expect(fill(1)).toEqual(one);
    expect(fill(2).uid).not.toBe(one.uid);
  });

  it("moves the history before the boundary by its own shift, Event names' instants, and offsets resourceVersions", () => {
    const boundary = centre - 3_600_000;
    const eventName = (ms: number, sub: number) => `web.${(BigInt(ms) * 1_000_000n + BigInt(sub)).toString(16)}`;
    const input = {
      created: "2025-12-05T00:00:00Z",
      createdMs: centre - 27 * 86_400_000,
      started: "2026-01-01T00:00:05Z",
      metadata: { name: eventName(centre + 5_000, 123), resourceVersion: "1204" },
      counter: { resourceVersion: 1300 },
      notAVersion: { resourceVersion: "abc" },
      names: new Map([[eventName(centre + 5_000, 123), 1]]),
    };
    const day = 86_400_000;
    const out = fromTemplate<typeof input>(makeTemplate(input, centre, { historyBeforeMs: boundary }), { shiftMs: 2 * day, historyShiftMs: day, resourceVersionOffset: 40 });
    expect(out.created).toBe("2025-12-06T00:00:00Z");
    expect(out.createdMs).toBe(centre - 26 * day);
    expect(out.started).toBe("2026-01-03T00:00:05Z");
    expect(out.metadata.name).toBe(eventName(centre + 2 * day + 5_000, 123));
    expect([...out.names.keys()]).toEqual([eventName(centre + 2 * day + 5_000, 123)]);
    expect(out.metadata.resourceVersion).toBe("1244");
    expect(out.counter.resourceVersion).toBe(1340);
    expect(out.notAVersion.resourceVersion).toBe("abc");
  });

  it("fills tokens inside an Event's name, and refuses a token inside a frozen value", () => {
    const random = new IdentityMarkingRandom("test");
    const pod = `web-${random.chars(5)}`;
    const name = `${pod}.${(BigInt(centre) * 1_000_000n).toString(16)}`;
    const out = copyShifted({ pod, name }, centre, 1000, new IdentityFiller(3, random.recipes));
    expect(out.name).toBe(`${out.pod}.${(BigInt(centre + 1000) * 1_000_000n).toString(16)}`);
    expect(() => copyShifted({ kept: Object.freeze({ pod }) }, centre, 0, new IdentityFiller(3, random.recipes))).toThrow(/frozen/);
  });

  it("keeps a restored world's ids open when it is restored into another marked world", () => {
    const first = new IdentityMarkingRandom("first");
    const uid = first.uuid();
    const template = makeTemplate({ uid }, centre);
    const second = new IdentityMarkingRandom("second");
    second.uuid();
    const reopened = fromTemplate<{ uid: string }>(template, 0, second.retoken(first.recipes));
    expect(reopened.uid).toMatch(/^\uE000\d+\uE001$/);
    expect(reopened.uid).not.toBe(uid);
    const filled = copyShifted(reopened, centre, 0, new IdentityFiller(9, second.recipes));
    expect(filled.uid).toMatch(/^[0-9a-f]{8}-/);
  });

  it("replaces the addresses of the given ranges wherever they stand whole, and nothing else", () => {
    const input = {
      podIP: "10.244.1.5",
      message: "dial tcp 10.244.1.5:8080: connect: connection refused",
      list: "10.244.1.5,10.244.1.50",
      cidr: "10.244.1.0/24",
      longer: "110.244.1.5",
      other: "10.244.2.5",
      byIP: { "10.244.1.50": 1 },
    };
    const template = makeTemplate(input, centre, { addressRanges: [{ prefix: "10.244.1.", lo: 2, hi: 254 }] });
    expect(template.addresses.map((a) => a.value)).toEqual(["10.244.1.5", "10.244.1.50"]);
    const out = fromTemplate<typeof input>(template, { shiftMs: 0, addresses: ["10.244.1.17", "10.244.1.9"] });
    expect(out).toEqual({ ...input, podIP: "10.244.1.17", message: "dial tcp 10.244.1.17:8080: connect: connection refused", list: "10.244.1.17,10.244.1.9", byIP: { "10.244.1.9": 1 } });
    expect(fromTemplate(template, 0)).toEqual(input);
  });

  it("refuses a snapshot whose token was cut (an id sliced while it was a token)", () => {
    const random = new IdentityMarkingRandom("test");
    expect(() => copyShifted({ short: random.uuid().slice(0, 2) }, centre, 0)).toThrow(/cut identity token/);
  });
});

describe("the system world snapshot", () => {
  const LEADS = [20 * 60_000, 3 * 60_000 + 7_000, 0];
  const TARGETS = [1_000, 26 * 86_400_000 + 5 * 3_600_000 + 3_000, 70 * 86_400_000];
  const layouts = nodeLayouts();

  it("covers more than one node layout", () => expect(layouts.length).toBeGreaterThan(2));

  it.each(layouts.map((nodes) => [nodes.map((n) => n.name).join(",") + " " + JSON.stringify(nodes).length, nodes] as const))(
    "%s: shifted to another instant it is the world built at that instant, now and after",
    (_name, nodes) => {
      for (const lead of LEADS) {
        const canonical = buildSystemSnapshot(nodes, SYSTEM_SNAPSHOT_MS, lead);
        for (const delta of TARGETS) {
          const end = SYSTEM_SNAPSHOT_MS + lead + delta;
          const direct = buildSystemSnapshot(nodes, end - lead, lead);
          const shifted = restore(canonical, end, 42);
          const built = restore(direct, end, 42);
          expect(stateText(shifted) === stateText(built), `lead ${lead}, +${delta} ms: restored state differs`).toBe(true);
          continueWith(shifted);
          continueWith(built);
          expect(stateText(shifted) === stateText(built), `lead ${lead}, +${delta} ms: state after differs`).toBe(true);
        }
      }
    },
    60_000,
  );

  it("leaves no identity token in a restored cluster, and restoring does not change the snapshot", () => {
    const snapshot = buildSystemSnapshot(DEFAULT_NODES, SYSTEM_SNAPSHOT_MS, 20 * 60_000);
    expect(snapshot.identities.length).toBeGreaterThan(10);
    const first = restore(snapshot, SYSTEM_SNAPSHOT_MS + 86_400_000, 7);
    const before = stateText(first);
    expect(/[\uE000\uE001]/.test(before), "a token is left").toBe(false);
    continueWith(first);
    expect(/[\uE000\uE001]/.test(stateText(first)), "a token is left").toBe(false);
    expect(stateText(restore(snapshot, SYSTEM_SNAPSHOT_MS + 86_400_000, 7)) === before, "restoring changed the snapshot").toBe(true);
    const other = restore(snapshot, SYSTEM_SNAPSHOT_MS + 86_400_000, 8);
    const uids = (c: Cluster) => new Set(c.store.all().map((o) => o.metadata.uid));
    const shared = [...uids(other)].filter((u) => uids(first).has(u));
    expect(shared).toEqual([]);
  });
});
