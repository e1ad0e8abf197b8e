/**
 * `--field-selector` as the API server evaluates it: the fields each resource supports
 * (its field label conversion), the values they read, and the server's errors.
 */
import type { Event, KindInfo, KObject } from "../../../model/types";

/** One `field=value` / `field==value` / `field!=value` term. */
export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

/** Parses a field selector (`status.phase=Running,spec.nodeName!=node-1`). */
export function parseFieldSelector(text: string): { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string } {
  const reqs: FieldRequirement[] = [];
  if (text.trim() === "") return { ok: true, requirements: reqs };
  const terms: string[] = [];
  let cur = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      cur += c + text[++i];
    } else if (c === ",") {
      terms.push(cur);
      cur = "";
    } else cur += c;
  }
  terms.push(cur);
  for (const term of terms) {
    const m = /^(.*?)(!=|==|=)(.*)$/.exec(term);
    if (!m) return { ok: false, error: `invalid selector: '${text}'; can't understand '${term}'` };
    reqs.push({ field: m[1].trim(), value: m[3].trim().replace(/\\(.)/g, "$1"), negate: m[2] === "!=" });
  }
  return { ok: true, requirements: reqs };
}

type FieldGetter = (obj: KObject) => string;

const meta: Record<string, FieldGetter> = {
  "metadata.name": (o) => o.metadata.name,
  "metadata.namespace": (o) => o.metadata.namespace ?? "",
};

const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

/** Fields each kind's registry converts, beyond metadata.name and metadata.namespace. */
const FIELDS: Record<string, Record<string, FieldGetter>> = {
  Pod: {
    ...meta,
    "spec.nodeName": (o) => str(o.spec?.nodeName),
    "spec.restartPolicy": (o) => str(o.spec?.restartPolicy),
    "spec.schedulerName": (o) => str(o.spec?.schedulerName),
    "spec.serviceAccountName": (o) => str(o.spec?.serviceAccountName),
    "spec.hostNetwork": (o) => String(o.spec?.hostNetwork === true),
    "status.phase": (o) => str(o.status?.phase),
    "status.podIP": (o) => str(o.status?.podIP),
    "status.nominatedNodeName": (o) => str(o.status?.nominatedNodeName),
  },
  Event: {
    ...meta,
    "involvedObject.kind": (o) => str((o as Event).involvedObject?.kind),
    "involvedObject.namespace": (o) => str((o as Event).involvedObject?.namespace),
    "involvedObject.name": (o) => str((o as Event).involvedObject?.name),
    "involvedObject.uid": (o) => str((o as Event).involvedObject?.uid),
    "involvedObject.apiVersion": (o) => str((o as Event).involvedObject?.apiVersion),
    "involvedObject.resourceVersion": (o) => str((o as Event).involvedObject?.resourceVersion),
    "involvedObject.fieldPath": (o) => str((o as Event).involvedObject?.fieldPath),
    reason: (o) => str((o as Event).reason),
    reportingComponent: (o) => str((o as Event).reportingComponent),
    source: (o) => str((o as Event).source?.component),
    type: (o) => str((o as Event).type),
  },
  Node: { ...meta, "spec.unschedulable": (o) => String(o.spec?.unschedulable === true) },
  Namespace: { ...meta, "status.phase": (o) => str(o.status?.phase) },
  Secret: { ...meta, type: (o) => str(o.type) },
  Service: { ...meta, "spec.clusterIP": (o) => str(o.spec?.clusterIP), "spec.type": (o) => str(o.spec?.type) },
  ReplicaSet: { ...meta, "status.replicas": (o) => str(o.status?.replicas ?? 0) },
  Job: { ...meta, "status.successful": (o) => str(o.status?.succeeded ?? 0) },
};

/** kinds whose registry has its own conversion function (and so its own error text). */
const CUSTOM_CONVERSION = new Set(["Pod", "Event", "Node", "Namespace", "Secret", "Service", "ReplicaSet", "Job"]);

/** `"/v1, Resource=pods"`: how the server error names the resource it could not list. */
export function groupVersionResource(kind: KindInfo): string {
  const slash = kind.apiVersion.indexOf("/");
  const group = slash > 0 ? kind.apiVersion.slice(0, slash) : "";
  const version = slash > 0 ? kind.apiVersion.slice(slash + 1) : kind.apiVersion;
  return `${group}/${version}, Resource=${kind.resource}`;
}

/** Builds a predicate for one kind, or the server's error message for an unsupported field. */
export function fieldMatcher(kind: KindInfo, reqs: readonly FieldRequirement[]): { ok: true; matches: (obj: KObject) => boolean } | { ok: false; message: string } {
  const fields = FIELDS[kind.kind] ?? meta;
  const getters: { get: FieldGetter; r: FieldRequirement }[] = [];
  for (const r of reqs) {
    const get = fields[r.field];
    if (!get) {
      const message = CUSTOM_CONVERSION.has(kind.kind)
        ? `field label not supported: ${r.field}`
        : `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
      return { ok: false, message };
    }
    getters.push({ get, r });
  }
  return { ok: true, matches: (obj) => getters.every(({ get, r }) => (get(obj) === r.value) !== r.negate) };
}

/** The BadRequest kubectl prints when a list with selectors fails. */
export function selectorListError(kind: KindInfo, labelSelector: string, fieldSelector: string, message: string): string {
  return `Error from server (BadRequest): Unable to find "${groupVersionResource(kind)}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${message}`;
}
