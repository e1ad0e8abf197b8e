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
 * Records events the way client-go's event recorder and correlator do: an event repeating
 * the same object, reason, message and source increments `count` and moves `lastTimestamp`
 * instead of creating a new object. Event names are `<object>.<16 hex>`.
 */
export class EventRecorder {
  private readonly index = new Map<string, Event>();

  constructor(
    private readonly store: ObjectStore,
    private readonly rng: Random,
    private readonly now: () => number,
  ) {}

  /**
   * Records (or aggregates) one event about `obj`. `fieldPath` names a container (`spec.containers{app}`).
   * `atMs` stamps it at another instant than now (a kubelet sync that happened between two reconciles).
   */
  record(obj: KObject, type: "Normal" | "Warning", reason: string, message: string, source: EventSource, fieldPath?: string, atMs?: number): Event {
    const ns = obj.metadata.namespace ?? "default";
    const k = `${obj.metadata.uid ?? ""}\u0000${reason}\u0000${message}\u0000${source.component}\u0000${source.host ?? ""}\u0000${fieldPath ?? ""}\u0000${type}`;
    const ts = rfc3339(atMs ?? this.now());
    const existing = this.index.get(k);
    if (existing && this.store.get("Event", existing.metadata.namespace, existing.metadata.name) === existing) {
      existing.count += 1;
      existing.lastTimestamp = ts;
      this.store.touch(existing);
      return existing;
    }
    const ev: Event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: `${obj.metadata.name}.${this.rng.hex(16)}`, namespace: ns },
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
    this.index.set(k, ev);
    return ev;
  }

  /** The aggregation index (event key → the stored Event) of events still stored, for snapshots. */
  exportIndex(): Map<string, Event> {
    const live = new Map<string, Event>();
    for (const [k, ev] of this.index) if (this.store.get("Event", ev.metadata.namespace, ev.metadata.name) === ev) live.set(k, ev);
    return live;
  }

  /** Takes over `index` (a copy whose Events are the restored store's objects). */
  importIndex(index: Map<string, Event>): void {
    this.index.clear();
    for (const [k, ev] of index) this.index.set(k, ev);
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
