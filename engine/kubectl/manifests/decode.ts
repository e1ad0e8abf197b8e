/**
 * The API server's typed decoding of a written object: a value of the wrong JSON type for a
 * Go field, a malformed quantity or bad base64 in a Secret is refused with a 400 before any
 * validation, e.g. `Deployment in version "v1" cannot be handled as a Deployment: json:
 * cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`.
 */
import type { KObject } from "../../model/types";
import { isQuantity } from "../../model/quantity";
import { base64ErrorAt } from "./base64";
import { schemaTypeError } from "./schema-decode";

type GoType = "string" | "int32" | "int64" | "bool" | "[]string" | "map[string]string" | "quantity";

interface Check {
  struct: string;
  type: GoType;
}

const POD_SPEC_FIELDS: Record<string, Check> = {
  "containers.name": { struct: "Container", type: "string" },
  "containers.image": { struct: "Container", type: "string" },
  "containers.command": { struct: "Container", type: "[]string" },
  "containers.args": { struct: "Container", type: "[]string" },
  "containers.ports.containerPort": { struct: "ContainerPort", type: "int32" },
  "containers.env.name": { struct: "EnvVar", type: "string" },
  "containers.env.value": { struct: "EnvVar", type: "string" },
  "containers.resources.limits": { struct: "ResourceRequirements", type: "quantity" },
  "containers.resources.requests": { struct: "ResourceRequirements", type: "quantity" },
  "containers.volumeMounts.mountPath": { struct: "VolumeMount", type: "string" },
  nodeSelector: { struct: "PodSpec", type: "map[string]string" },
  terminationGracePeriodSeconds: { struct: "PodSpec", type: "int64" },
};

const TOP_FIELDS: Record<string, Record<string, Check>> = {
  Deployment: { "spec.replicas": { struct: "DeploymentSpec", type: "int32" } },
  ReplicaSet: { "spec.replicas": { struct: "ReplicaSetSpec", type: "int32" } },
  StatefulSet: { "spec.replicas": { struct: "StatefulSetSpec", type: "int32" } },
  Service: { "spec.ports.port": { struct: "ServicePort", type: "int32" }, "spec.selector": { struct: "ServiceSpec", type: "map[string]string" } },
  ConfigMap: { data: { struct: "ConfigMap", type: "map[string]string" } },
};

const POD_SPEC_PATH: Record<string, string> = {
  Pod: "spec",
  Deployment: "spec.template.spec",
  ReplicaSet: "spec.template.spec",
  StatefulSet: "spec.template.spec",
  DaemonSet: "spec.template.spec",
  Job: "spec.template.spec",
  CronJob: "spec.jobTemplate.spec.template.spec",
};

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}

/** Whether an integer fits the Go integer type (encoding/json refuses an overflowing number). */
function inRange(v: number, type: "int32" | "int64"): boolean {
  return type === "int32" ? v >= -(2 ** 31) && v < 2 ** 31 : v >= -(2 ** 63) && v < 2 ** 63;
}

/** A number as encoding/json quotes it in an unmarshal error (`1e+308`, `2147483648`). */
function goNumber(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e21 ? BigInt(v).toString() : String(v);
}

function typeMismatch(v: unknown, type: GoType): string | undefined {
  if (v === null || v === undefined) return undefined;
  switch (type) {
    case "string":
      return typeof v === "string" ? undefined : jsonType(v);
    case "int32":
    case "int64":
      if (typeof v === "number") return Number.isInteger(v) && inRange(v, type) ? undefined : "number " + goNumber(v);
      return jsonType(v);
    case "bool":
      return typeof v === "boolean" ? undefined : jsonType(v);
    case "[]string":
      if (!Array.isArray(v)) return jsonType(v);
      for (const x of v) if (typeof x !== "string") return jsonType(x);
      return undefined;
    case "map[string]string":
      if (typeof v !== "object" || Array.isArray(v)) return jsonType(v);
      for (const x of Object.values(v as object)) if (x !== null && typeof x !== "string") return jsonType(x);
      return undefined;
    case "quantity":
      return undefined;
  }
}

function goTypeName(type: GoType): string {
  if (type === "[]string" || type === "map[string]string") return "string";
  return type;
}

/** Visits the values at a path of keys, walking through lists; stops early when `visit` returns a message. */
function firstAt(root: unknown, path: readonly string[], depth: number, flattenLast: boolean, visit: (v: unknown) => string | undefined): string | undefined {
  if (Array.isArray(root) && (depth < path.length || flattenLast)) {
    for (const item of root) {
      const r = firstAt(item, path, depth, flattenLast, visit);
      if (r) return r;
    }
    return undefined;
  }
  if (depth === path.length) return visit(root);
  if (root === null || typeof root !== "object") return undefined;
  const next = (root as Record<string, unknown>)[path[depth]];
  return next === undefined ? undefined : firstAt(next, path, depth + 1, flattenLast, visit);
}

interface PreparedCheck {
  path: string;
  keys: string[];
  check: Check;
  flattenLast: boolean;
}

const prepared = new Map<string, PreparedCheck[]>();

function checksFor(kind: string): PreparedCheck[] {
  let list = prepared.get(kind);
  if (list) return list;
  const raw: [string, Check][] = [
    ["metadata.labels", { struct: "ObjectMeta", type: "map[string]string" }],
    ["metadata.annotations", { struct: "ObjectMeta", type: "map[string]string" }],
    ...Object.entries(TOP_FIELDS[kind] ?? {}),
  ];
  const podPath = POD_SPEC_PATH[kind];
  if (podPath) {
    if (podPath.endsWith(".template.spec")) raw.push([`${podPath.slice(0, -".spec".length)}.metadata.labels`, { struct: "ObjectMeta", type: "map[string]string" }]);
    for (const [p, c] of Object.entries(POD_SPEC_FIELDS)) raw.push([`${podPath}.${p}`, c]);
  }
  list = raw.map(([path, check]) => ({ path, keys: path.split("."), check, flattenLast: check.type !== "[]string" }));
  prepared.set(kind, list);
  return list;
}

/** kubectl's text for the first decoding failure of `obj`, or undefined when it decodes. */
export function typeErrors(obj: KObject): string | undefined {
  const version = obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[1] : obj.apiVersion;
  const head = () => `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: `;
  for (const { path, keys, check, flattenLast } of checksFor(obj.kind)) {
    const found = firstAt(obj, keys, 0, flattenLast, (v) => {
      if (check.type === "quantity") {
        if (!v || typeof v !== "object") return undefined;
        for (const q of Object.values(v as object)) {
          if (typeof q !== "string" && typeof q !== "number") return `${head()}json: cannot unmarshal ${jsonType(q)} into Go value of type string`;
          if (typeof q === "string" && !isQuantity(q)) return `${head()}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`;
        }
        return undefined;
      }
      const bad = typeMismatch(v, check.type);
      return bad ? `${head()}json: cannot unmarshal ${bad} into Go struct field ${check.struct}.${path} of type ${goTypeName(check.type)}` : undefined;
    });
    if (found) return found;
  }
  const schemaError = schemaTypeError(obj as unknown as { kind: string } & Record<string, unknown>);
  if (schemaError) return head() + schemaError;
  if (obj.kind === "Secret") {
    for (const v of Object.values((obj.data as Record<string, unknown>) ?? {})) {
      if (typeof v !== "string") return `${head()}json: cannot unmarshal ${jsonType(v)} into Go struct field Secret.data of type []uint8`;
      const at = base64ErrorAt(v);
      if (at >= 0) return `${head()}illegal base64 data at input byte ${at}`;
    }
  }
  return undefined;
}
