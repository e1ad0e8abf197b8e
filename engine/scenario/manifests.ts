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
import { withLastApplied } from "../kubectl/commands/write/apply";

const parsedCache = new Map<string, readonly KObject[]>();

/** Raised for manifest text that is not a list of well-formed Kubernetes objects. */
export class ManifestError extends Error {}

/**
 * Parses multi-document YAML into objects (`kind: List` expanded). Results are cached by
 * text and returned as fresh copies, so instantiating a scenario twice parses once.
 */
export function parseManifests(text: string): KObject[] {
  let docs = parsedCache.get(text);
  if (!docs) {
    docs = parseUncached(text);
    parsedCache.set(text, docs);
  }
  return docs.map((d) => clonePlain(d) as KObject);
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
    obj.metadata.annotations = withLastApplied(obj).metadata.annotations;
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
