import type { KObject } from "../model/types";
import type { KindInfo } from "../model/types";
import { kindInfo } from "../model/kinds";
import { rfc3339 } from "./clock";
import type { Random } from "./random";

/** Kind metadata by the kind's exact spelling (memoised: `kindInfo` lower-cases its argument on every call). */
const infoByKind = new Map<string, KindInfo>();

/** `kindInfo(kind)`, memoised by the exact spelling; throws for an unknown kind as `kindInfo` does. */
export function kindInfoCached(kind: string): KindInfo {
  let info = infoByKind.get(kind);
  if (info === undefined) {
    info = kindInfo(kind);
    infoByKind.set(kind, info);
  }
  return info;
}

/** Whether a kind is namespaced (the store asks on every read). */
function isNamespaced(kind: string): boolean {
  return kindInfoCached(kind).namespaced;
}

/** What a store holds, for snapshots: objects by kind, namespace and name, and its counters. */
export interface StoreState {
  byKind: Map<string, Map<string, Map<string, KObject>>>;
  counts: Map<string, number>;
  resourceVersion: number;
  version: number;
  structureVersions: Map<string, number>;
  kindVersions: Map<string, number>;
  clientWrites: number;
}

/**
 * The simulated API server's storage: objects by kind, namespace and name, with uids,
 * resourceVersions, generations and creation timestamps assigned as the API server does.
 * It knows nothing about controllers or kubectl.
 */
export class ObjectStore {
  /**
   * Objects by kind, then namespace ("" for cluster-scoped kinds), then name: lookups reuse
   * the objects' own strings, whose hashes V8 keeps, instead of building a key per read.
   */
  private readonly byKind = new Map<string, Map<string, Map<string, KObject>>>();
  /** How many objects each kind holds. */
  private readonly counts = new Map<string, number>();
  private resourceVersion: number;
  /** Increases on every write; the runner uses it to detect a fixpoint. */
  version = 0;
  private readonly structureVersions = new Map<string, number>();
  /** The sum of `structureVersions`. */
  private structureTotal = 0;
  /** Increases on writes made outside controller passes: by a learner's command or a scenario. */
  clientWrites = 0;
  /** Set by the runner while controllers reconcile, so their writes are not counted as client writes. */
  inControllerPass = false;
  private readonly kindVersions = new Map<string, number>();
  /** Each kind's objects in list order, kept until an object of the kind is added, replaced or removed. */
  private readonly sortedByKind = new Map<string, KObject[]>();
  /** The same, per namespace, kept and dropped with the kind's list. */
  private readonly sortedByNamespace = new Map<string, Map<string, KObject[]>>();

  constructor(
    private readonly rng: Random,
    private readonly now: () => number,
    firstResourceVersion = 1000,
  ) {
    this.resourceVersion = firstResourceVersion;
  }

  /** The names → objects map of a kind in one namespace ("" for cluster-scoped kinds), created on first use. */
  private bucket(kind: string, namespace: string): Map<string, KObject> {
    let b = this.byKind.get(kind);
    if (!b) {
      b = new Map();
      this.byKind.set(kind, b);
    }
    let names = b.get(namespace);
    if (!names) {
      names = new Map();
      b.set(namespace, names);
    }
    return names;
  }

  /** Stores `obj` under its namespace and name (replacing whatever was there). */
  private put(obj: KObject, namespace: string | undefined): void {
    const names = this.bucket(obj.kind, namespace ?? "");
    const had = names.has(obj.metadata.name);
    names.set(obj.metadata.name, obj);
    if (!had) this.counts.set(obj.kind, (this.counts.get(obj.kind) ?? 0) + 1);
  }

  /**
   * Increases on every write to objects of `kind` (create, replace, touch, remove), so a
   * controller can skip a pass when none of the kinds it reads changed.
   */
  kindVersion(kind: string): number {
    return this.kindVersions.get(kind) ?? 0;
  }

  /**
   * Increases when an object of `kind` is created, replaced or removed, not on a controller's
   * in-place `touch`: what decides which objects exist (by uid) and what clients wrote in them.
   */
  structureVersion(kind: string): number {
    return this.structureVersions.get(kind) ?? 0;
  }

  /** The sum of every kind's structure version: it moves whenever any of them does. */
  structureVersionOfAll(): number {
    return this.structureTotal;
  }

  private bumpStructure(kind: string): void {
    this.structureVersions.set(kind, (this.structureVersions.get(kind) ?? 0) + 1);
    this.structureTotal++;
  }

  private bumpKind(kind: string): void {
    this.kindVersions.set(kind, (this.kindVersions.get(kind) ?? 0) + 1);
  }

  private bump(obj: KObject): void {
    this.resourceVersion += 1 + (this.rng.nextUint32() % 7);
    obj.metadata.resourceVersion = String(this.resourceVersion);
    this.version++;
    this.bumpKind(obj.kind);
    if (!this.inControllerPass) this.clientWrites++;
  }

  /** One object, or undefined. */
  get<T extends KObject = KObject>(kind: string, namespace: string | undefined, name: string): T | undefined {
    const b = this.byKind.get(kind);
    if (b === undefined) return undefined;
    return b.get(namespace && isNamespaced(kind) ? namespace : "")?.get(name) as T | undefined;
  }

  /** Forgets a kind's sorted lists (an object of the kind was added, replaced or removed). */
  private dropSorted(kind: string): void {
    this.sortedByKind.delete(kind);
    this.sortedByNamespace.delete(kind);
  }

  /** Objects of a kind, in one namespace or all (undefined), ordered by namespace then name as the API lists them. */
  list<T extends KObject = KObject>(kind: string, namespace?: string): T[] {
    const b = this.byKind.get(kind);
    if (!b) return [];
    let sorted = this.sortedByKind.get(kind);
    if (!sorted) {
      sorted = [];
      for (const names of b.values()) for (const o of names.values()) sorted.push(o);
      sorted.sort(compareObjects);
      this.sortedByKind.set(kind, sorted);
    }
    if (namespace === undefined) return sorted.slice() as T[];
    let byNamespace = this.sortedByNamespace.get(kind);
    if (!byNamespace) {
      byNamespace = new Map();
      this.sortedByNamespace.set(kind, byNamespace);
    }
    let inNamespace = byNamespace.get(namespace);
    if (!inNamespace) {
      inNamespace = [];
      for (const o of sorted) if (o.metadata.namespace === namespace) inNamespace.push(o);
      byNamespace.set(namespace, inNamespace);
    }
    return inNamespace.slice() as T[];
  }

  /** Whether some object of a kind (all namespaces) satisfies `predicate`, without copying the list. */
  some<T extends KObject = KObject>(kind: string, predicate: (obj: T) => boolean): boolean {
    const b = this.byKind.get(kind);
    if (!b) return false;
    for (const names of b.values()) for (const o of names.values()) if (predicate(o as T)) return true;
    return false;
  }

  /** How many objects of a kind the store holds (all namespaces). */
  count(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }

  /** True when an object with this kind, namespace and name exists. */
  has(kind: string, namespace: string | undefined, name: string): boolean {
    return this.get(kind, namespace, name) !== undefined;
  }

  /**
   * Stores a new object, filling in uid, resourceVersion, generation and creationTimestamp.
   * `generateName` is honoured with a 5-character suffix. Returns the stored object (the same
   * reference). Throws `AlreadyExistsError` when the name is taken.
   */
  create<T extends KObject>(obj: T): T {
    const info = kindInfoCached(obj.kind);
    const meta = obj.metadata;
    if (!info.namespaced) delete meta.namespace;
    else if (!meta.namespace) meta.namespace = "default";
    if (!meta.name && meta.generateName) {
      do meta.name = meta.generateName + this.rng.chars(5);
      while (this.has(obj.kind, meta.namespace, meta.name));
    }
    if (this.has(obj.kind, meta.namespace, meta.name)) throw new AlreadyExistsError(info.resource, meta.name);
    meta.uid ??= this.rng.uuid();
    meta.creationTimestamp ??= rfc3339(this.now());
    if (obj.spec !== undefined && meta.generation === undefined) meta.generation = 1;
    this.bump(obj);
    this.bumpStructure(obj.kind);
    this.put(obj, meta.namespace);
    this.dropSorted(obj.kind);
    return obj;
  }

  /**
   * Replaces an object with a new version (a learner's edit, apply or patch). The uid and
   * creationTimestamp are kept; the generation increases when the spec changed.
   */
  replace<T extends KObject>(next: T): T {
    const current = this.get(next.kind, next.metadata.namespace, next.metadata.name);
    if (!current) throw new NotFoundError(kindInfo(next.kind).resource, next.metadata.name);
    next.metadata.uid = current.metadata.uid;
    next.metadata.creationTimestamp = current.metadata.creationTimestamp;
    next.metadata.namespace = current.metadata.namespace;
    const specChanged = JSON.stringify(current.spec) !== JSON.stringify(next.spec);
    next.metadata.generation = (current.metadata.generation ?? 1) + (specChanged && next.spec !== undefined ? 1 : 0);
    if (current.status !== undefined && next.status === undefined) next.status = current.status;
    this.bump(next);
    this.bumpStructure(next.kind);
    this.put(next, current.metadata.namespace);
    this.dropSorted(next.kind);
    return next;
  }

  /**
   * Records an in-place change made by a controller. `specChanged` bumps the generation
   * (a controller scaling a ReplicaSet); status-only writes do not.
   */
  touch(obj: KObject, specChanged = false): void {
    if (specChanged) obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
    this.bump(obj);
  }

  /** Removes an object at once (after any graceful period the caller modelled). Returns it, or undefined. */
  remove(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    const names = this.byKind.get(kind)?.get(namespace && isNamespaced(kind) ? namespace : "");
    const obj = names?.get(name);
    if (!obj || !names) return undefined;
    names.delete(name);
    this.counts.set(kind, this.counts.get(kind)! - 1);
    this.dropSorted(kind);
    this.version++;
    this.bumpStructure(kind);
    this.bumpKind(kind);
    if (!this.inControllerPass) this.clientWrites++;
    return obj;
  }

  /** The store's contents and counters, by reference (a cluster snapshot copies them). */
  exportState(): StoreState {
    return {
      byKind: this.byKind,
      counts: this.counts,
      resourceVersion: this.resourceVersion,
      version: this.version,
      structureVersions: this.structureVersions,
      kindVersions: this.kindVersions,
      clientWrites: this.clientWrites,
    };
  }

  /** Takes over `state` (a copy made for this store) as its contents and counters. */
  importState(state: StoreState): void {
    this.byKind.clear();
    for (const [kind, b] of state.byKind) this.byKind.set(kind, b);
    this.counts.clear();
    for (const [kind, n] of state.counts) this.counts.set(kind, n);
    this.structureVersions.clear();
    this.structureTotal = 0;
    for (const [kind, n] of state.structureVersions) {
      this.structureVersions.set(kind, n);
      this.structureTotal += n;
    }
    this.kindVersions.clear();
    for (const [kind, n] of state.kindVersions) this.kindVersions.set(kind, n);
    this.resourceVersion = state.resourceVersion;
    this.version = state.version;
    this.clientWrites = state.clientWrites;
    this.sortedByKind.clear();
    this.sortedByNamespace.clear();
  }

  /** Every object of every kind (for serialising a snapshot or the oracle). */
  all(): KObject[] {
    const out: KObject[] = [];
    for (const kind of [...this.byKind.keys()].sort()) out.push(...this.list(kind));
    return out;
  }
}

/** Orders objects as the API server lists them: by namespace, then name. */
export function compareObjects(a: KObject, b: KObject): number {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** The API server's 409 for a create whose name is taken. */
export class AlreadyExistsError extends Error {
  constructor(readonly resource: string, readonly name: string) {
    super(`${resource} "${name}" already exists`);
  }
}

/** The API server's 404. */
export class NotFoundError extends Error {
  constructor(readonly resource: string, readonly name: string) {
    super(`${resource} "${name}" not found`);
  }
}
