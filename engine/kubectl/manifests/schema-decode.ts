/**
 * The API server's typed decoding of a whole object, driven by the OpenAPI definitions the
 * simulation serves (`explain/schema-data.json`): a value of the wrong JSON type anywhere in
 * a known field is refused as encoding/json refuses it (`json: cannot unmarshal string into
 * Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type
 * int32`), so no controller or printer ever sees a stored object of the wrong shape.
 * `decode.ts` checks the common fields first with their exact Go types; this is the net under it.
 */
import { explainData, type SchemaDef } from "../explain/schema";
import { isQuantity } from "../../model/quantity";

/** Integer fields Kubernetes declares as int64 (everything else that is an integer is int32). */
const INT64_FIELDS = new Set([
  "terminationGracePeriodSeconds", "activeDeadlineSeconds", "runAsUser", "runAsGroup", "fsGroup", "deletionGracePeriodSeconds",
  "generation", "observedGeneration", "expirationSeconds", "startingDeadlineSeconds", "seconds", "supplementalGroups",
]);

/** Objects nested deeper than this are refused, as the API server's JSON decoder limits nesting. */
const MAX_DEPTH = 100;

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}

/** The last segment of a definition name, as Go names the struct (`io.k8s.api.core.v1.PodSpec` → `PodSpec`). */
function structName(ref: string): string {
  return ref.slice(ref.lastIndexOf(".") + 1);
}

/** Go's name of a referenced type in messages: `v1.ObjectMeta`. */
function goRefType(ref: string): string {
  const parts = ref.split(".");
  return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
}

interface Where {
  /** The Go struct holding the field. */
  struct: string;
  /** The JSON path of the field from the object's root, without list indices. */
  path: string;
  /** The field's own name (to tell int32 from int64). */
  field: string;
}

function mismatch(v: unknown, where: Where, goType: string): string {
  const what = typeof v === "number" ? `number ${String(v)}` : jsonType(v);
  return `json: cannot unmarshal ${what} into Go struct field ${where.struct}.${where.path} of type ${goType}`;
}

/** Checks `v` against a compact schema type (`string`, `integer`, `@ref`, `[]t`, `map[string]t`…). */
function check(v: unknown, t: string, where: Where, depth: number): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (depth > MAX_DEPTH) return "json: exceeded max depth";
  if (t.startsWith("[]")) {
    if (!Array.isArray(v)) return mismatch(v, where, goTypeOf(t, where.field));
    for (const item of v) {
      const e = check(item, t.slice(2), where, depth + 1);
      if (e) return e;
    }
    return undefined;
  }
  if (t.startsWith("map[string]")) {
    if (typeof v !== "object" || Array.isArray(v)) return mismatch(v, where, goTypeOf(t, where.field));
    for (const item of Object.values(v as object)) {
      const e = check(item, t.slice("map[string]".length), where, depth + 1);
      if (e) return e;
    }
    return undefined;
  }
  if (t.startsWith("@")) return checkRef(v, t.slice(1), where, depth);
  switch (t) {
    case "string":
      return typeof v === "string" ? undefined : mismatch(v, where, "string");
    case "boolean":
      return typeof v === "boolean" ? undefined : mismatch(v, where, "bool");
    case "number":
      return typeof v === "number" ? undefined : mismatch(v, where, "float64");
    case "integer": {
      const int64 = INT64_FIELDS.has(where.field);
      if (typeof v !== "number" || !Number.isInteger(v)) return mismatch(v, where, int64 ? "int64" : "int32");
      const limit = int64 ? 2 ** 63 : 2 ** 31;
      return v >= -limit && v < limit ? undefined : mismatch(v, where, int64 ? "int64" : "int32");
    }
    default:
      return undefined;
  }
}

function goTypeOf(t: string, field: string): string {
  if (t.startsWith("[]")) return `[]${goTypeOf(t.slice(2), field)}`;
  if (t.startsWith("map[string]")) return `map[string]${goTypeOf(t.slice("map[string]".length), field)}`;
  if (t.startsWith("@")) return goRefType(t.slice(1));
  if (t === "integer") return INT64_FIELDS.has(field) ? "int64" : "int32";
  if (t === "boolean") return "bool";
  if (t === "number") return "float64";
  return t === "object" ? "interface {}" : t;
}

function checkRef(v: unknown, ref: string, where: Where, depth: number): string | undefined {
  const def: SchemaDef | undefined = explainData.defs[ref];
  if (!def) return undefined;
  if (!def.p) {
    // Time and MicroTime are strings; IntOrString takes a string or an integer; Quantity a string or a number.
    const name = structName(ref);
    if (name === "IntOrString") return typeof v === "string" || (typeof v === "number" && Number.isInteger(v)) ? undefined : mismatch(v, where, "intstr.IntOrString");
    if (name === "Quantity") {
      if (typeof v === "number") return undefined;
      if (typeof v !== "string") return mismatch(v, where, "resource.Quantity");
      return isQuantity(v) ? undefined : "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    }
    if (def.type === "string") return typeof v === "string" ? undefined : mismatch(v, where, goRefType(ref));
    return undefined;
  }
  if (typeof v !== "object" || Array.isArray(v)) return mismatch(v, where, goRefType(ref));
  const struct = structName(ref);
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    const field = def.p[key];
    if (!field) continue;
    const e = check(value, field.t, { struct, path: where.path ? `${where.path}.${key}` : key, field: key }, depth + 1);
    if (e) return e;
  }
  return undefined;
}

/**
 * The first JSON type error in `obj` against its kind's schema, as the API server's decoder
 * words it (without the `Kind in version "v1" cannot be handled as a Kind: ` head), or
 * undefined when every known field has the right type. Unknown fields are not checked here.
 */
export function schemaTypeError(obj: { kind: string } & Record<string, unknown>): string | undefined {
  const kind = explainData.kinds[obj.kind];
  if (!kind) return undefined;
  return checkRef(obj, kind.ref, { struct: obj.kind, path: "", field: "" }, 0);
}

/**
 * Decodes `obj` in place as the API server's decoder does before defaulting: a null list or map
 * item becomes its type's zero value, and every field its kind's schema does not declare is
 * removed. Returns the removed fields' paths in document order, as the strict decoder names
 * them (`spec.template.spec.containers[0].imagePullPolicyy`). Free-form values (`object`, maps,
 * Quantity, IntOrString, Time) are not looked into. What the server does with the list depends
 * on the request's field validation: refuse it (Strict), warn (Warn) or drop silently (Ignore).
 */
export function pruneUnknownFields(obj: { kind: string } & Record<string, unknown>): string[] {
  const kind = explainData.kinds[obj.kind];
  if (!kind) return [];
  const found: string[] = [];
  pruneStruct(obj, kind.ref, "", found, 0);
  return found;
}

function pruneStruct(v: Record<string, unknown>, ref: string, path: string, found: string[], depth: number): void {
  const def = explainData.defs[ref];
  // A definition without properties (RawExtension, FieldsV1) holds free-form JSON.
  if (!def?.p || depth > MAX_DEPTH || Object.keys(def.p).length === 0) return;
  for (const key of Object.keys(v)) {
    const at = path ? `${path}.${key}` : key;
    const field = def.p[key];
    if (!field) {
      found.push(at);
      delete v[key];
      continue;
    }
    pruneValue(v[key], field.t, at, found, depth + 1);
  }
}

function pruneValue(v: unknown, t: string, path: string, found: string[], depth: number): void {
  if (v === null || typeof v !== "object") return;
  if (t.startsWith("[]")) {
    if (!Array.isArray(v)) return;
    const item = t.slice(2);
    v.forEach((x, i) => {
      // encoding/json decodes a null list item into the element's zero value.
      if (x === null) v[i] = zeroValue(item);
      else pruneValue(x, item, `${path}[${i}]`, found, depth + 1);
    });
    return;
  }
  if (t.startsWith("map[string]")) {
    if (Array.isArray(v)) return;
    const item = t.slice("map[string]".length);
    const m = v as Record<string, unknown>;
    for (const k of Object.keys(m)) if (m[k] === null) m[k] = zeroValue(item);
    return;
  }
  if (t.startsWith("@") && !Array.isArray(v)) pruneStruct(v as Record<string, unknown>, t.slice(1), path, found, depth);
}

/** Go's zero value of a compact schema type, as a null JSON item decodes to (undefined: stays null). */
function zeroValue(t: string): unknown {
  if (t === "string") return "";
  if (t === "integer" || t === "number") return 0;
  if (t === "boolean") return false;
  if (t.startsWith("@")) {
    const def = explainData.defs[t.slice(1)];
    return def?.p ? {} : def?.type === "string" ? "" : null;
  }
  return null;
}
