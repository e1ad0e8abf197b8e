/**
 * What a describer may read: the objects of the cluster (as the API would list them) and the
 * virtual time at which ages are measured. Describers fetch through this, then render.
 */
import type { Event, KObject } from "../../model/types";

/** Read access to the cluster's objects plus the instant the description is made at. */
export interface DescribeSource {
  /** Virtual now, ms since the epoch (ages are measured from it). */
  readonly now: number;
  get<T extends KObject = KObject>(kind: string, namespace: string | undefined, name: string): T | undefined;
  /** Objects of a kind, in API list order (namespace, then name). */
  list<T extends KObject = KObject>(kind: string, namespace?: string): T[];
}

/** describe's settings (`--show-events`). */
export interface DescriberSettings {
  showEvents: boolean;
}

/** A describer: renders one object of its kind, reading related objects from the source. */
export type Describer = (obj: KObject, source: DescribeSource, settings: DescriberSettings) => string;

/**
 * `searchEvents`: events whose involvedObject matches the object's name, namespace, uid and
 * (unless `withKind` is false, as for pods) kind, in API list order.
 */
export function searchEvents(source: DescribeSource, ref: { kind?: string; name: string; namespace?: string; uid?: string }, withKind = true): Event[] {
  const ns = ref.namespace ?? "";
  const out: Event[] = [];
  for (const e of source.list<Event>("Event", ref.namespace || undefined)) {
    const io = e.involvedObject;
    if (io.name !== ref.name || (io.namespace ?? "") !== ns) continue;
    if (withKind && ref.kind && io.kind !== ref.kind) continue;
    if (ref.uid && io.uid !== ref.uid) continue;
    out.push(e);
  }
  return out;
}
