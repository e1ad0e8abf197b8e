/**
 * The simulated API server's write path, as kubectl's write commands reach it: create,
 * update (replace), patch and delete, with defaulting, admission, validation, immutability,
 * optimistic concurrency, `--dry-run=server` and the status codes kubectl turns into its
 * messages. Every successful write lets the controllers reconcile at once.
 */
import type { KindInfo, KObject, Namespace, Node, Pod, Secret, Service } from "../../model/types";
import { kindInfo } from "../../model/kinds";
import type { Cluster } from "../../runtime/cluster";
import { Random } from "../../runtime/random";
import { rfc3339 } from "../../runtime/clock";
import { applyDefaults, applyPodSpecDefaults, serviceAccountAdmissionError } from "../../controllers/defaults";
import { requestPodDeletion } from "../../controllers/pod-deletion";
import { DEFAULTED_WITHOUT_SPEC } from "../../controllers/standard-kind-defaults";
import { resourceQuotaAdmissionError } from "../../controllers/resourcequota/quota-admission";
import { resourceWithGroup } from "../errors";
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, deepClone, deepEqual, patchSchemaFor, PatchError, toOperations, type JsonObject, type JsonValue } from "../patch";
import { formatFieldError, formatInvalid, type FieldError } from "./field-errors";
import { validateCreate, validateUpdate } from "./validation";
import { typeErrors } from "./decode";
import { pruneUnknownFields } from "./schema-decode";
import { goFormatV } from "../printers/go-format";
import { goQuote } from "../args";
import { base64Encode } from "./base64";

/** How a write is dry-run: not at all, only in kubectl (`client`), or by the server (`server`). */
export type DryRun = "none" | "client" | "server";

/** A refused request, as the API server's Status would describe it. */
export interface ApiFailure {
  /** `NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, `BadRequest`, `Forbidden`, or "" (500). */
  reason: string;
  message: string;
  /** For `Invalid`: the kind and name kubectl prints and the causes. */
  invalid?: { kind: string; name: string; errors: FieldError[] };
}

/**
 * The request's `fieldValidation` (kubectl's `--validate`): what the server does with fields
 * the schema does not declare. Strict refuses the request, Warn drops them and answers with a
 * warning per field, Ignore drops them silently. kubectl sends Strict by default from create,
 * apply, replace and edit; requests without the parameter (patch, scale, label…) get Warn.
 */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** The outcome of a write; `warnings` are the server's warning headers, as kubectl prints them. */
export type ApiResult = { ok: true; obj: KObject; changed: boolean; warnings?: string[] } | { ok: false; failure: ApiFailure };

/** Kinds whose status is a subresource: writes to the main resource never change it. */
const STATUS_SUBRESOURCE = new Set(["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Node", "Namespace", "Service", "PersistentVolumeClaim", "PersistentVolume", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ResourceQuota", "ReplicationController"]);

/** The server's text for a failure, as kubectl prints it; `source`/`verb` add `error when creating "STDIN": `. */
export function formatFailure(f: ApiFailure, context?: { verb: string; source: string }): string {
  if (f.reason === "Invalid" && f.invalid) {
    // An Invalid status without a kind or name (a patch the server could not decode) reads "The request is invalid".
    if (!f.invalid.kind && !f.invalid.name) return `The request is invalid: ${f.invalid.errors.map(formatFieldError).join(", ")}\n`;
    return formatInvalid(f.invalid.kind, f.invalid.name, f.invalid.errors);
  }
  const prefix = context ? `error when ${context.verb} "${context.source}": ` : "";
  const body = `${prefix}${f.message}`;
  return f.reason ? `Error from server (${f.reason}): ${body}\n` : `Error from server: ${body}\n`;
}

function failure(reason: string, message: string): { ok: false; failure: ApiFailure } {
  return { ok: false, failure: { reason, message } };
}

function invalid(obj: KObject, errors: FieldError[]): { ok: false; failure: ApiFailure } {
  return { ok: false, failure: { reason: "Invalid", message: "", invalid: { kind: obj.kind, name: obj.metadata.name ?? "", errors } } };
}

/** kubectl's warning line for each unknown field the server dropped. */
function unknownFieldWarnings(paths: string[]): string[] {
  return paths.map((p) => `unknown field "${p}"`);
}

/** The strict decoder's error text: `strict decoding error: unknown field "a", unknown field "b"`. */
function strictDecodingError(paths: string[]): string {
  return `strict decoding error: ${unknownFieldWarnings(paths).join(", ")}`;
}

/**
 * Drops the fields `obj`'s schema does not declare and applies `validation` to them: a
 * BadRequest for Strict (`Kind in version "v1" cannot be handled as a Kind: strict decoding
 * error: …`), warnings for Warn, nothing for Ignore.
 */
function decodeUnknownFields(obj: KObject, validation: FieldValidation): { failure?: { ok: false; failure: ApiFailure }; warnings: string[] } {
  const unknown = pruneUnknownFields(obj as unknown as { kind: string } & Record<string, unknown>);
  if (unknown.length === 0 || validation === "Ignore") return { warnings: [] };
  if (validation === "Warn") return { warnings: unknownFieldWarnings(unknown) };
  const version = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[1] : obj.apiVersion;
  return { failure: failure("BadRequest", `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${strictDecodingError(unknown)}`), warnings: [] };
}

/** `deployments.apps "web" not found` and friends. */
function notFoundFailure(kind: string, name: string): { ok: false; failure: ApiFailure } {
  return failure("NotFound", `${resourceWithGroup(kind)} "${name}" not found`);
}

function namespaceProblem(cluster: Cluster, info: KindInfo, namespace: string | undefined, name: string): { ok: false; failure: ApiFailure } | undefined {
  if (!info.namespaced || !namespace) return undefined;
  const ns = cluster.store.get<Namespace>("Namespace", undefined, namespace);
  if (!ns) return failure("NotFound", `namespaces "${namespace}" not found`);
  if (ns.metadata.deletionTimestamp || ns.status?.phase === "Terminating") {
    return failure("Forbidden", `${info.resource}${info.apiVersion.includes("/") ? "." + info.apiVersion.split("/")[0] : ""} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`);
  }
  return undefined;
}

/** API-server defaulting and admission for an object about to be stored. */
function defaultObject(cluster: Cluster, obj: KObject, creating: boolean): void {
  if (obj.kind === "Secret") {
    const s = obj as Secret;
    s.type ??= "Opaque";
    if (s.stringData) {
      s.data = { ...(s.data ?? {}) };
      for (const [k, v] of Object.entries(s.stringData)) s.data[k] = base64Encode(String(v));
      delete s.stringData;
    }
  }
  if (obj.kind === "Service") {
    defaultService(cluster, obj as Service);
    return;
  }
  if (obj.kind === "Namespace") {
    const ns = obj as Namespace;
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), "kubernetes.io/metadata.name": ns.metadata.name };
    ns.spec = { finalizers: ["kubernetes"], ...(ns.spec ?? {}) };
    ns.status = { phase: "Active" };
    return;
  }
  if (obj.kind === "Node" && creating) {
    // The NodeTaint admission plugin: a new node is not-ready until its kubelet reports otherwise.
    const spec = ((obj as Node).spec ??= {});
    const taints = (spec.taints ??= []);
    if (!taints.some((t) => t.key === "node.kubernetes.io/not-ready" && t.effect === "NoSchedule")) taints.push({ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" });
  }
  if (obj.kind === "Pod" && !creating) {
    if (obj.spec) applyPodSpecDefaults((obj as Pod).spec);
    return;
  }
  if (obj.spec || obj.kind === "StorageClass" || DEFAULTED_WITHOUT_SPEC.has(obj.kind)) applyDefaults(obj, { rng: cluster.rng, store: cluster.store });
}

function defaultService(cluster: Cluster, svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.type ??= "ClusterIP";
  if (spec.type !== "ExternalName" && !spec.clusterIP) {
    const used = new Set(cluster.store.list<Service>("Service").map((s) => s.spec.clusterIP));
    const rng = new Random(`cluster-ip\u0000${svc.metadata.namespace}/${svc.metadata.name}`);
    let ip: string;
    do ip = `10.96.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    while (used.has(ip) || ip === "10.96.0.1" || ip === "10.96.0.10");
    spec.clusterIP = ip;
  }
  if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
  if (spec.type !== "ExternalName") {
    spec.internalTrafficPolicy ??= "Cluster";
    spec.ipFamilies ??= ["IPv4"];
    spec.ipFamilyPolicy ??= "SingleStack";
  }
  spec.sessionAffinity ??= "None";
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") spec.externalTrafficPolicy ??= "Cluster";
  const usedPorts = new Set(cluster.store.list<Service>("Service").flatMap((s) => (s.spec.ports ?? []).map((p) => p.nodePort)));
  const rng = new Random(`node-port\u0000${svc.metadata.namespace}/${svc.metadata.name}`);
  for (const p of spec.ports ?? []) {
    p.protocol ??= "TCP";
    p.targetPort ??= p.port;
    if ((spec.type === "NodePort" || spec.type === "LoadBalancer") && !p.nodePort) {
      let port: number;
      do port = rng.int(30000, 32767);
      while (usedPorts.has(port));
      usedPorts.add(port);
      p.nodePort = port;
    }
  }
  svc.status ??= { loadBalancer: {} };
}

/** Whether a write under `dryRun` reaches the store. */
function persists(dryRun: DryRun): boolean {
  return dryRun === "none";
}

/**
 * Creates `obj` (a copy is stored; `obj` is untouched). With `dryRun: "client"` nothing but
 * the namespace is filled in, as kubectl does without calling the server.
 */
export function apiCreate(cluster: Cluster, input: KObject, dryRun: DryRun = "none", validation: FieldValidation = "Strict"): ApiResult {
  const info = kindInfo(input.kind);
  const obj = deepClone(input);
  obj.metadata ??= { name: "" };
  if (!info.namespaced) delete obj.metadata.namespace;
  if (dryRun === "client") return { ok: true, obj, changed: true };
  const decodeErrors = typeErrors(obj);
  if (decodeErrors) return failure("BadRequest", decodeErrors);
  const unknown = decodeUnknownFields(obj, validation);
  if (unknown.failure) return unknown.failure;
  const warnings = unknown.warnings.length > 0 ? unknown.warnings : undefined;
  const name = obj.metadata.name ?? "";
  const nsProblem = namespaceProblem(cluster, info, obj.metadata.namespace, name);
  if (nsProblem) return nsProblem;
  if (obj.metadata.resourceVersion) return failure("BadRequest", "resourceVersion should not be set on objects to be created");
  delete obj.metadata.uid;
  delete obj.metadata.creationTimestamp;
  delete obj.metadata.deletionTimestamp;
  delete obj.metadata.generation;
  if (STATUS_SUBRESOURCE.has(obj.kind)) delete obj.status;
  defaultObject(cluster, obj, true);
  const errors = validateCreate(obj);
  if (errors.length > 0) return invalid(obj, errors);
  if (obj.kind === "Pod") {
    const refusal =
      serviceAccountAdmissionError(cluster.store, obj.metadata.namespace ?? "default", (obj as Pod).spec) ??
      resourceQuotaAdmissionError(cluster.store, obj.metadata.namespace ?? "default", (obj as Pod).spec);
    if (refusal) return failure("Forbidden", `${info.resource} "${name}" is forbidden: ${refusal}`);
  }
  if (name && cluster.store.get(obj.kind, obj.metadata.namespace, name)) {
    return failure("AlreadyExists", `${resourceWithGroup(obj.kind)} "${name}" already exists`);
  }
  if (!persists(dryRun)) {
    obj.metadata.uid = cluster.rng.fork("dry-run").uuid();
    obj.metadata.creationTimestamp = rfc3339(cluster.now());
    return { ok: true, obj, changed: true, warnings };
  }
  const stored = cluster.store.create(obj);
  cluster.reconcile();
  return { ok: true, obj: stored, changed: true, warnings };
}

/**
 * Replaces the live object with `next` (PUT). The status of kinds with a status subresource
 * is kept; a `resourceVersion` in `next` must match the live one.
 */
export function apiUpdate(cluster: Cluster, input: KObject, dryRun: DryRun = "none", validation: FieldValidation = "Strict"): ApiResult {
  const info = kindInfo(input.kind);
  const next = deepClone(input);
  const namespace = info.namespaced ? next.metadata.namespace : undefined;
  const name = next.metadata.name;
  const live = cluster.store.get(next.kind, namespace, name);
  if (!live) return notFoundFailure(next.kind, name);
  const decodeErrors = typeErrors(next);
  if (decodeErrors) return failure("BadRequest", decodeErrors);
  const unknown = decodeUnknownFields(next, validation);
  if (unknown.failure) return unknown.failure;
  const rv = next.metadata.resourceVersion;
  if (rv && rv !== live.metadata.resourceVersion) {
    return failure(
      "Conflict",
      `Operation cannot be fulfilled on ${resourceWithGroup(next.kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    );
  }
  return withWarnings(writeUpdate(cluster, live, next, dryRun), unknown.warnings);
}

function withWarnings(r: ApiResult, warnings: string[]): ApiResult {
  return r.ok && warnings.length > 0 ? { ...r, warnings } : r;
}

function writeUpdate(cluster: Cluster, live: KObject, next: KObject, dryRun: DryRun): ApiResult {
  next.metadata.uid = live.metadata.uid;
  next.metadata.creationTimestamp = live.metadata.creationTimestamp;
  next.metadata.namespace = live.metadata.namespace;
  if (live.metadata.deletionTimestamp) next.metadata.deletionTimestamp = live.metadata.deletionTimestamp;
  if (live.metadata.deletionGracePeriodSeconds !== undefined) next.metadata.deletionGracePeriodSeconds = live.metadata.deletionGracePeriodSeconds;
  if (live.metadata.ownerReferences && next.metadata.ownerReferences === undefined) {
    // an update that drops ownerReferences orphans the object, as on a real server
  }
  if (STATUS_SUBRESOURCE.has(next.kind)) {
    if (live.status === undefined) delete next.status;
    else next.status = live.status;
  }
  if (next.kind === "Service") {
    const s = next as Service;
    const l = live as Service;
    s.spec ??= {};
    if (!s.spec.clusterIP && l.spec?.clusterIP) {
      s.spec.clusterIP = l.spec.clusterIP;
      s.spec.clusterIPs = l.spec.clusterIPs;
    }
  }
  defaultObject(cluster, next, false);
  const errors = validateUpdate(live, next);
  if (errors.length > 0) return invalid(next, errors);
  const unchanged = sameContent(live, next);
  if (unchanged) return { ok: true, obj: live, changed: false };
  if (!persists(dryRun)) {
    next.metadata.resourceVersion = live.metadata.resourceVersion;
    next.metadata.generation = live.metadata.generation;
    return { ok: true, obj: next, changed: true };
  }
  delete next.metadata.resourceVersion;
  const stored = cluster.store.replace(next);
  cluster.reconcile();
  return { ok: true, obj: stored, changed: true };
}

/** Equal apart from the fields the server manages (resourceVersion, generation). */
function sameContent(a: KObject, b: KObject): boolean {
  const strip = (o: KObject) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined, generation: undefined, managedFields: undefined } });
  return deepEqual(strip(a), strip(b));
}

/** The three patch types of `kubectl patch --type`. */
export type PatchType = "strategic" | "merge" | "json";

/**
 * Patches the live object (PATCH). `changed` is false when the patched object equals the live
 * one (kubectl then prints `patched (no change)`).
 */
export function apiPatch(
  cluster: Cluster,
  kind: string,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  patch: JsonValue,
  dryRun: DryRun = "none",
  validation: FieldValidation = "Warn",
): ApiResult {
  const info = kindInfo(kind);
  const live = cluster.store.get(kind, info.namespaced ? namespace : undefined, name);
  if (!live) return notFoundFailure(kind, name);
  let patched: JsonValue;
  try {
    const current = live as unknown as JsonObject;
    if (type === "json") patched = applyJsonPatch(current, toOperations(patch));
    else {
      if (typeof patch !== "object" || patch === null || Array.isArray(patch)) {
        return failure("BadRequest", `json: cannot unmarshal ${Array.isArray(patch) ? "array" : typeof patch} into Go value of type map[string]interface {}`);
      }
      patched = type === "merge" ? applyMergePatch(current, patch) : applyStrategicMergePatch(current, patch, patchSchemaFor(kind));
    }
  } catch (e) {
    if (e instanceof PatchError) {
      if (e.reason === "Invalid") return { ok: false, failure: { reason: "Invalid", message: "the server rejected our request due to an error in our request", invalid: undefined } };
      return failure(e.reason, e.message);
    }
    throw e;
  }
  if (typeof patched !== "object" || patched === null || Array.isArray(patched)) return failure("BadRequest", "the patched object is not an object");
  const next = patched as unknown as KObject;
  for (const field of ["apiVersion", "kind"] as const) {
    const v: unknown = next[field];
    if (v !== undefined && v !== null && typeof v !== "string") {
      const type = Array.isArray(v) ? "array" : typeof v === "boolean" ? "bool" : typeof v;
      return failure("BadRequest", `json: cannot unmarshal ${type} into Go struct field .${field} of type string`);
    }
  }
  if (next.kind !== live.kind || next.apiVersion !== live.apiVersion) {
    return failure("BadRequest", `the API version in the data (${next.apiVersion ?? ""}) does not match the expected API version (${live.apiVersion})`);
  }
  next.metadata ??= { name };
  if (next.metadata.name !== name) {
    return { ok: false, failure: { reason: "Invalid", message: "", invalid: { kind: live.kind, name, errors: [{ field: "metadata.name", type: "Invalid", value: JSON.stringify(next.metadata.name ?? ""), detail: "field is immutable" }] } } };
  }
  const rv = next.metadata.resourceVersion;
  if (rv && rv !== live.metadata.resourceVersion) {
    return failure("Conflict", `Operation cannot be fulfilled on ${resourceWithGroup(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`);
  }
  const decodeErrors = typeErrors(next);
  if (decodeErrors) return failure("BadRequest", decodeErrors);
  const unknown = pruneUnknownFields(next as unknown as { kind: string } & Record<string, unknown>);
  if (unknown.length > 0 && validation === "Strict") {
    // The patch handler reports the patch itself (Go's %+v of the decoded map) as the invalid value.
    const errors: FieldError[] = [{ field: "patch", type: "Invalid", value: goQuote(goFormatV(patch)), detail: strictDecodingError(unknown) }];
    return { ok: false, failure: { reason: "Invalid", message: "", invalid: { kind: "", name: "", errors } } };
  }
  return withWarnings(writeUpdate(cluster, live, next, dryRun), validation === "Warn" ? unknownFieldWarnings(unknown) : []);
}

/** Options of a delete (`kubectl delete` flags). */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  /** `--cascade`: `background` (default), `foreground`, or `orphan`. */
  propagation?: "background" | "foreground" | "orphan";
  dryRun?: DryRun;
}

/**
 * Deletes an object as the API server does: pods through the graceful deletion of
 * `requestPodDeletion`, namespaces by moving them to Terminating (the namespace controller
 * empties them), everything else at once; dependents go through the garbage collector
 * unless orphaned.
 */
export function apiDelete(cluster: Cluster, obj: KObject, options: DeleteOptions = {}): ApiResult {
  const dryRun = options.dryRun ?? "none";
  if (!persists(dryRun)) return { ok: true, obj, changed: true };
  const store = cluster.store;
  if (options.propagation === "orphan") {
    for (const dep of dependentsOf(cluster, obj)) {
      dep.metadata.ownerReferences = dep.metadata.ownerReferences?.filter((r) => r.uid !== obj.metadata.uid);
      if (dep.metadata.ownerReferences?.length === 0) delete dep.metadata.ownerReferences;
      store.touch(dep);
    }
  }
  if (obj.kind === "Pod") {
    requestPodDeletion(store, obj as Pod, cluster.now(), options.gracePeriodSeconds);
  } else if (obj.kind === "Namespace") {
    const ns = obj as Namespace;
    if (!ns.metadata.deletionTimestamp) {
      ns.metadata.deletionTimestamp = rfc3339(cluster.now());
      ns.status = { phase: "Terminating" };
      store.touch(ns);
    }
  } else {
    store.remove(obj.kind, obj.metadata.namespace, obj.metadata.name);
  }
  cluster.reconcile();
  return { ok: true, obj, changed: true };
}

function dependentsOf(cluster: Cluster, owner: KObject): KObject[] {
  const out: KObject[] = [];
  const uid = owner.metadata.uid;
  for (const o of cluster.store.all()) if (o.metadata.ownerReferences?.some((r) => r.uid === uid)) out.push(o);
  return out;
}
