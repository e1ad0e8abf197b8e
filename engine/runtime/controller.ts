import type { KObject } from "../model/types";
import type { World } from "../model/world";
import type { ObjectStore } from "./store";
import type { EventRecorder } from "./events";
import type { Random } from "./random";

/**
 * What a controller may use during one reconcile pass. Time and randomness come in here;
 * a controller never reads the wall clock or Math.random.
 */
export interface ControllerContext {
  /** Current virtual time, ms since the epoch. */
  readonly now: number;
  readonly store: ObjectStore;
  readonly events: EventRecorder;
  readonly rng: Random;
  /** The static world: registry, application models, network. */
  readonly world: World;
  /** Asks the runner to run a reconcile pass again at `atMs` (a back-off expiring, a probe period). */
  wakeAt(atMs: number): void;
  /**
   * Controller-private state that is not part of any API object (kubelet back-off timers,
   * a container's simulated process). Keyed by whatever the controller chooses, usually a uid.
   * It is part of the cluster's state and must be plain, deterministic data.
   */
  state<T>(controller: string, key: string, init: () => T): T;
  /** Drops controller-private state (when its object is gone). */
  dropState(controller: string, key: string): void;
}

/**
 * A controller: a reconcile function over the whole model. It reads objects, writes the
 * changes it decides through the store, and returns nothing; the runner repeats passes
 * until no controller writes anything.
 */
export interface Controller {
  readonly name: string;
  reconcile(ctx: ControllerContext): void;
}

/** The owner reference a controller puts on objects it creates. */
export function controllerRef(owner: KObject, apiVersion: string): NonNullable<KObject["metadata"]["ownerReferences"]>[number] {
  return { apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** The object that controls `obj` (its ownerReference with controller: true), if any. */
export function controllerOf(obj: KObject): { kind: string; name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}
