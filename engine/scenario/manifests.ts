/**
 * Scenario manifests: rendered YAML text → Kubernetes objects, and applying them to a
 * cluster the way `kubectl apply` and the API server would (namespace defaulting,
 * `stringData`, the last-applied annotation, create-or-replace).
 */
import { clonePlain } from "../controllers/clone-plain";
import { parseAllDocuments } from "yaml";
import type { KObject, Secret } from "../model/types";
import { KINDS } from "../model/kinds";
import type { Cluster } from "../runtime/cluster";
import { base64 } from "./template";
import { lastAppliedAnnotations } from "../kubectl/commands/write/apply";
import { pruneUnknownFields } from "../kubectl/manifests/schema-decode";

/** Parsed documents by their text (bounded: rendered variants differ in a few documents only). */
const parsedDocs = new Map<string, readonly KObject[]>();
const MAX_CACHED_DOCS = 4000;

/** Raised for manifest text that is not a list of well-formed Kubernetes objects. */
export class ManifestError extends Error {}

/**
 * Parses multi-document YAML into objects (`kind: List` expanded). Each document's result is
 * cached by its text and returned as fresh copies, so instantiating a scenario twice parses
 * once, and two seeds of a scenario parse only the documents their parameters change.
 */
export function parseManifests(text: string): KObject[] {
  const docs = splitDocuments(text);
  const out: KObject[] = [];
  if (docs === undefined) {
    for (const d of parseUncached(text)) out.push(clonePlain(d) as KObject);
    return out;
  }
  const parsed: (readonly KObject[])[] = [];
  try {
    for (const doc of docs) {
      let objects = parsedDocs.get(doc);
      if (!objects) {
        objects = parseUncached(doc);
        if (parsedDocs.size >= MAX_CACHED_DOCS) parsedDocs.clear();
        parsedDocs.set(doc, objects);
      }
      parsed.push(objects);
    }
  } catch {
    // Whatever the whole text gives (the same error, as parsing it in one piece reports it).
    for (const d of parseUncached(text)) out.push(clonePlain(d) as KObject);
    return out;
  }
  for (const objects of parsed) for (const d of objects) out.push(clonePlain(d) as KObject);
  return out;
}

/**
 * The documents of a YAML stream, split at its `---` lines (a line that is exactly `---` at
 * column 0 always starts a document: no scalar or collection may contain one). Undefined when
 * the text uses what a split could change (directives, `...` ends, content after `---`).
 */
function splitDocuments(text: string): string[] | undefined {
  const docs: string[] = [];
  let start = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf("\n", lineStart);
    if (end < 0) end = text.length;
    const c = text.charCodeAt(lineStart);
    if (c === 37 /* % */) return undefined;
    if ((c === 45 /* - */ || c === 46) /* . */ && text.startsWith(c === 45 ? "---" : "...", lineStart)) {
      const rest = text.slice(lineStart + 3, end);
      if (c === 46 || rest.trim() !== "") return undefined;
      if (rest === "") {
        docs.push(text.slice(start, lineStart));
        start = end + 1;
      } else return undefined;
    }
    lineStart = end + 1;
  }
  if (start < text.length) docs.push(text.slice(start));
  return docs;
}

function parseUncached(text: string): KObject[] {
  const out: KObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new ManifestError(doc.errors[0].message.split("\n")[0]);
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    const items = isObject(value) && value.kind === "List" && Array.isArray(value.items) ? value.items : [value];
    for (const item of items) out.push(checkObject(item));
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkObject(v: unknown): KObject {
  if (!isObject(v)) throw new ManifestError("a manifest document is not a mapping");
  const kind = v.kind;
  const info = KINDS.find((k) => k.kind === kind);
  if (typeof kind !== "string" || !info) throw new ManifestError(`unknown kind ${JSON.stringify(kind)}`);
  if (v.apiVersion !== info.apiVersion) throw new ManifestError(`${kind} needs apiVersion ${info.apiVersion}, not ${JSON.stringify(v.apiVersion)}`);
  const meta = v.metadata;
  if (!isObject(meta) || typeof meta.name !== "string" || meta.name === "") throw new ManifestError(`${kind} without metadata.name`);
  // A typo in a field name would silently do nothing; kubectl apply refuses it, and so does the catalogue.
  const unknown = pruneUnknownFields(v as { kind: string } & Record<string, unknown>);
  if (unknown.length > 0) throw new ManifestError(`${kind} ${meta.name}: ${unknown.map((f) => `unknown field "${f}"`).join(", ")}`);
  return v as KObject;
}

/** The reference `Kind/namespace/name` (or `Kind/name` for cluster-scoped kinds) of an object. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  const info = KINDS.find((k) => k.kind === kind);
  return info?.namespaced ? `${kind}/${namespace ?? "default"}/${name}` : `${kind}/${name}`;
}

/** A hook that applies API-server defaulting to an object before it is stored. */
export type Defaulter = (obj: KObject, cluster: Cluster) => void;

/**
 * Applies objects as `kubectl apply` would at the cluster's current time: each is created,
 * or replaces the live object of the same name (keeping its status), with the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation. Namespaces that do not
 * exist yet are created first. Controllers reconcile once, after the whole batch.
 */
export function applyManifests(cluster: Cluster, objects: KObject[], defaulter: Defaulter): void {
  const store = cluster.store;
  for (const obj of objects) {
    const info = KINDS.find((k) => k.kind === obj.kind)!;
    if (info.namespaced) {
      obj.metadata.namespace ??= "default";
      ensureNamespace(cluster, obj.metadata.namespace);
    } else delete obj.metadata.namespace;
    obj.metadata.annotations = lastAppliedAnnotations(obj);
    if (obj.kind === "Secret") convertStringData(obj as Secret);
    dropEmptyLists(obj);
    const live = store.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (live?.kind === "Service" && obj.spec && !obj.spec.clusterIP) {
      // apply keeps what the API server allocated
      obj.spec.clusterIP = live.spec?.clusterIP;
      obj.spec.clusterIPs = live.spec?.clusterIPs;
    }
    defaulter(obj, cluster);
    if (live) {
      if (obj.status === undefined && live.status !== undefined) obj.status = live.status;
      store.replace(obj);
    } else store.create(obj);
  }
  cluster.reconcile();
}

/** The API server omits empty lists (`omitempty`), so `imagePullSecrets: []` is not stored. */
function dropEmptyLists(v: unknown): void {
  if (Array.isArray(v)) {
    for (const e of v) dropEmptyLists(e);
    return;
  }
  if (!isObject(v)) return;
  for (const [k, e] of Object.entries(v)) {
    if (Array.isArray(e) && e.length === 0) delete v[k];
    else dropEmptyLists(e);
  }
}

/** Creates a Namespace object (Active, with its name label) if it does not exist. */
export function ensureNamespace(cluster: Cluster, name: string): void {
  if (cluster.store.get("Namespace", undefined, name)) return;
  cluster.store.create({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  });
}

/** What the API server does with a Secret's `stringData`: merged into `data`, base64-encoded. */
function convertStringData(secret: Secret): void {
  secret.type ??= "Opaque";
  if (!secret.stringData) return;
  secret.data = { ...(secret.data ?? {}) };
  for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = base64(String(v));
  delete secret.stringData;
}
