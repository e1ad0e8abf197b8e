import type { KObject } from "../model/types";
import type { World } from "../model/world";
import { VirtualClock } from "./clock";
import { Random } from "./random";
import { ObjectStore, type StoreState } from "./store";
import { EventRecorder, type EventIndex } from "./events";
import type { Controller, ControllerContext } from "./controller";
import { fromTemplate, IdentityFiller, IdentityMarkingRandom, makeTemplate, type IdentityRecipe, type Template, type TemplateMoves, type TemplateOptions } from "./snapshot";

/**
 * A cluster's state at one instant (objects, counters, controllers' private state, pending
 * timers), independent of the cluster it was taken from. Never modified: restoring copies it.
 */
export interface ClusterSnapshot {
  readonly atMs: number;
  /** Recipes of the identity tokens in the state (a cluster built with an IdentityMarkingRandom), else empty. */
  readonly identities: readonly IdentityRecipe[];
  /** The state (SnapshotState), marked for restoring. */
  readonly template: Template;
}

/** What a snapshot holds. */
interface SnapshotState {
  store: StoreState;
  events: EventIndex;
  eventSequence: number;
  controllers: Map<string, Map<string, unknown>>;
  timers: number[];
}

/** A pass limit that only a controller bug (two controllers fighting) can reach. */
const MAX_PASSES_PER_INSTANT = 200;

/** Options to build a cluster. */
export interface ClusterOptions {
  seed: number;
  /** The root randomness, when not `new Random(seed)` (an IdentityMarkingRandom for snapshots). */
  random?: Random;
  /** Virtual time at which the cluster starts, ms since the epoch. */
  startMs: number;
  world: World;
  /** Controllers in the order they run within a pass. */
  controllers: readonly Controller[];
}

/**
 * The runner: owns the store, the virtual clock, the seeded randomness and the timer queue,
 * and applies the controllers until the model is stable. Everything observable about a
 * cluster is a function of (options, the sequence of writes and advances made to it).
 */
export class Cluster {
  readonly clock: VirtualClock;
  readonly rng: Random;
  readonly store: ObjectStore;
  readonly events: EventRecorder;
  readonly world: World;
  private readonly controllers: readonly Controller[];
  /** Controller-private state, by controller, then key. */
  private readonly controllerState_ = new Map<string, Map<string, unknown>>();
  /** Pending wake-up times, sorted ascending, without duplicates. */
  private timers: number[] = [];

  constructor(options: ClusterOptions) {
    this.clock = new VirtualClock(options.startMs);
    this.rng = options.random ?? new Random(options.seed);
    const now = () => this.clock.now();
    this.store = new ObjectStore(this.rng.fork("store"), now);
    this.events = new EventRecorder(this.store, this.rng.fork("events"), now);
    this.world = options.world;
    this.controllers = options.controllers;
  }

  /** A copy of this cluster's state now (its randomness is not part of it). */
  snapshot(options: TemplateOptions = {}): ClusterSnapshot {
    const state: SnapshotState = { store: this.store.exportState(), events: this.events.exportIndex(), eventSequence: this.events.sequence, controllers: this.controllerState_, timers: this.timers };
    const template = makeTemplate(state, this.clock.now(), options);
    const identities = this.rng instanceof IdentityMarkingRandom ? this.rng.recipes.map((r, i) => (template.tokens.has(i) ? r : null)) : [];
    return { atMs: this.clock.now(), identities, template };
  }

  /**
   * A cluster that continues from `snapshot` at `options.startMs`: the snapshot's state with
   * every instant moved by `startMs - snapshot.atMs` (whole seconds; instants before the
   * snapshot's history boundary by `moves.historyShiftMs`), resourceVersions moved up by
   * `moves.resourceVersionOffset`, its addresses replaced by `moves.addresses`, its identity tokens filled from `options.seed` (or, for a
   * cluster built with an IdentityMarkingRandom, left open as that generator's own tokens),
   * and fresh randomness from `options.seed` for what happens next.
   */
  static restore(snapshot: ClusterSnapshot, options: ClusterOptions, moves: Omit<TemplateMoves, "shiftMs"> = {}): Cluster {
    const cluster = new Cluster(options);
    const identities =
      snapshot.identities.length === 0 ? undefined : cluster.rng instanceof IdentityMarkingRandom ? cluster.rng.retoken(snapshot.identities) : new IdentityFiller(options.seed, snapshot.identities);
    const state = fromTemplate<SnapshotState>(snapshot.template, { shiftMs: options.startMs - snapshot.atMs, ...moves }, identities);
    cluster.store.importState(state.store);
    cluster.events.importIndex(state.events);
    cluster.events.sequence = state.eventSequence;
    for (const [name, m] of state.controllers) cluster.controllerState_.set(name, m);
    cluster.timers = state.timers;
    return cluster;
  }

  /** Current virtual time. */
  now(): number {
    return this.clock.now();
  }

  /** Schedules a reconcile pass at `atMs`. */
  wakeAt(atMs: number): void {
    if (atMs <= this.clock.now()) atMs = this.clock.now();
    const t = this.timers;
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid] < atMs) lo = mid + 1;
      else hi = mid;
    }
    if (t[lo] !== atMs) t.splice(lo, 0, atMs);
  }

  private stateOf(controller: string): Map<string, unknown> {
    let m = this.controllerState_.get(controller);
    if (m === undefined) {
      m = new Map();
      this.controllerState_.set(controller, m);
    }
    return m;
  }

  /** The context's functions, made once (a pass only needs a fresh `now`). */
  private readonly ctxWakeAt = (ms: number): void => this.wakeAt(ms);
  private readonly ctxState = <T>(controller: string, key: string, init: () => T): T => {
    const m = this.stateOf(controller);
    let v = m.get(key) as T | undefined;
    if (v === undefined) {
      v = init();
      m.set(key, v);
    }
    return v;
  };
  private readonly ctxDropState = (controller: string, key: string): void => {
    this.controllerState_.get(controller)?.delete(key);
  };

  private context(): ControllerContext {
    return {
      now: this.clock.now(),
      store: this.store,
      events: this.events,
      rng: this.rng,
      world: this.world,
      wakeAt: this.ctxWakeAt,
      state: this.ctxState,
      dropState: this.ctxDropState,
    };
  }

  /**
   * Reads controller-private state without creating it (for views over a controller's
   * simulation, such as container logs kept by the kubelet). Undefined when absent.
   */
  controllerState<T>(controller: string, key: string): T | undefined {
    return this.controllerState_.get(controller)?.get(key) as T | undefined;
  }

  /** Runs controller passes at the current instant until none of them writes anything. */
  reconcile(): void {
    const outer = this.store.inControllerPass;
    this.store.inControllerPass = true;
    try {
      for (let pass = 0; pass < MAX_PASSES_PER_INSTANT; pass++) {
        const before = this.store.version;
        const ctx = this.context();
        for (const c of this.controllers) c.reconcile(ctx);
        if (this.store.version === before) return;
      }
      throw new Error("controllers did not settle (a reconcile loop keeps writing)");
    } finally {
      this.store.inControllerPass = outer;
    }
  }

  /**
   * Moves virtual time to `targetMs`, firing every timer on the way in order and reconciling
   * after each, so the cluster passes through the same states whatever steps it is advanced in.
   */
  advanceTo(targetMs: number): void {
    this.reconcile();
    while (this.timers.length > 0 && this.timers[0] <= targetMs) {
      const at = this.timers.shift()!;
      this.clock.advanceTo(at);
      this.reconcile();
    }
    this.clock.advanceTo(targetMs);
    this.reconcile();
  }

  /**
   * The earliest pending wake-up time, or undefined when no timer is pending: the next instant
   * at which the cluster can change by itself (what a client watching it waits for).
   */
  nextWakeAt(): number | undefined {
    return this.timers[0];
  }

  /** Advances by `ms` from now. */
  advanceBy(ms: number): void {
    this.advanceTo(this.clock.now() + ms);
  }

  /** Creates an object through the API (a learner or a scenario) and lets controllers react. */
  create<T extends KObject>(obj: T): T {
    const created = this.store.create(obj);
    this.reconcile();
    return created;
  }
}
