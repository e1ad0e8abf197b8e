import type { Event, KObject } from "../model/types";
import { rfc3339 } from "./clock";
import { kindInfoCached, type ObjectStore } from "./store";
import type { Random } from "./random";

/** Who reports an event: the `source` of core/v1 Event (`default-scheduler`, `kubelet` on a node…). */
export interface EventSource {
  component: string;
  host?: string;
}

/**
 * One aggregated event: what makes a recorded event the same one again (the object is the
 * index's key), and the stored Event it adds to.
 */
export interface EventAggregation {
  reason: string;
  message: string;
  component: string;
  /** The source's host, "" for none. */
  host: string;
  /** The involved object's fieldPath, "" for none. */
  fieldPath: string;
  type: "Normal" | "Warning";
  event: Event;
}

/** The aggregation index: by involved object uid ("" for none), its aggregated events. */
export type EventIndex = Map<string, EventAggregation[]>;

/**
 * Records events the way client-go's event recorder and correlator do: an event repeating
 * the same object, reason, message and source increments `count` and moves `lastTimestamp`
 * instead of creating a new object. Event names are `<object>.<hex>` with the hex of the
 * event's instant in nanoseconds (client-go's `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`),
 * so the API's name order lists an object's events in the order they happened.
 */
export class EventRecorder {
  /**
   * By object, then by comparing the other fields: an object has few distinct events, and the
   * fields compare as they are where one key string joining them had to be built and hashed.
   */
  private readonly index: EventIndex = new Map();
  /**
   * The nanoseconds within the millisecond of the next event's name: counts up from a drawn
   * start, so events of the same millisecond are named in the order they were created.
   */
  sequence: number;

  constructor(
    private readonly store: ObjectStore,
    rng: Random,
    private readonly now: () => number,
  ) {
    this.sequence = rng.int(0, 899_999);
  }

  /**
   * Records (or aggregates) one event about `obj`. `fieldPath` names a container (`spec.containers{app}`).
   * `atMs` stamps it at another instant than now (a kubelet sync that happened between two reconciles).
   */
  record(obj: KObject, type: "Normal" | "Warning", reason: string, message: string, source: EventSource, fieldPath?: string, atMs?: number): Event {
    const ns = obj.metadata.namespace ?? "default";
    const uid = obj.metadata.uid ?? "";
    const host = source.host ?? "";
    const path = fieldPath ?? "";
    const ts = rfc3339(atMs ?? this.now());
    let aggregations = this.index.get(uid);
    let same: EventAggregation | undefined;
    if (aggregations === undefined) {
      aggregations = [];
      this.index.set(uid, aggregations);
    } else {
      for (const a of aggregations) {
        if (a.reason === reason && a.message === message && a.component === source.component && a.host === host && a.fieldPath === path && a.type === type) {
          same = a;
          break;
        }
      }
    }
    const existing = same?.event;
    if (existing && this.store.get("Event", existing.metadata.namespace, existing.metadata.name) === existing) {
      existing.count += 1;
      existing.lastTimestamp = ts;
      this.store.touch(existing);
      return existing;
    }
    const ev: Event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: `${obj.metadata.name}.${this.nanoHex(atMs ?? this.now())}`, namespace: ns },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: kindInfoCached(obj.kind).apiVersion,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? "",
    };
    this.store.create(ev);
    if (same) same.event = ev;
    else aggregations.push({ reason, message, component: source.component, host, fieldPath: path, type, event: ev });
    return ev;
  }

  /** `%x` of the instant `ms` in nanoseconds, the sub-millisecond part from the sequence. */
  private nanoHex(ms: number): string {
    const sub = this.sequence;
    this.sequence = sub >= 999_999 ? 0 : sub + 1;
    // ms × 10⁶ + sub exceeds 2⁵³: built from two exact halves (ms × 10⁶ = hi × 2³² + lo).
    const lo = (ms % 4294967296) * 1_000_000 + sub;
    const hi = Math.floor(ms / 4294967296) * 1_000_000 + Math.floor(lo / 4294967296);
    const low = (lo % 4294967296).toString(16).padStart(8, "0");
    return hi === 0 ? low.replace(/^0+(?=.)/, "") : hi.toString(16) + low;
  }

  /** A copy of the aggregation index holding only events still stored, for snapshots. */
  exportIndex(): EventIndex {
    const live: EventIndex = new Map();
    for (const [uid, aggregations] of this.index) {
      const stored = aggregations.filter((a) => this.store.get("Event", a.event.metadata.namespace, a.event.metadata.name) === a.event).map((a) => ({ ...a }));
      if (stored.length > 0) live.set(uid, stored);
    }
    return live;
  }

  /** Takes over `index` (a copy whose Events are the restored store's objects). */
  importIndex(index: EventIndex): void {
    this.index.clear();
    for (const [uid, aggregations] of index) this.index.set(uid, aggregations);
  }

  /** Events about one object (by uid), oldest first, as `kubectl describe` shows them. */
  about(obj: KObject): Event[] {
    return this.store
      .list<Event>("Event", obj.metadata.namespace)
      .filter((e) => e.involvedObject.uid === obj.metadata.uid)
      .sort(compareEventTime);
  }
}

/** Orders events by first timestamp, then creation order (resourceVersion). */
export function compareEventTime(a: Event, b: Event): number {
  if (a.firstTimestamp !== b.firstTimestamp) return a.firstTimestamp < b.firstTimestamp ? -1 : 1;
  return Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion);
}
