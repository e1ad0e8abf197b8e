/**
 * Reading manifests from `-f -` (a heredoc or a pipe) as kubectl's resource builder does:
 * YAML (1.1, as go-yaml reads it) or JSON, several documents split by `---`, `kind: List`
 * flattened, and kubectl's error texts for text it cannot use.
 */
import { parseAllDocuments, type Document } from "yaml";
import type { KindInfo, KObject } from "../../model/types";
import { KINDS } from "../../model/kinds";
import { goJsonCompact as goJson } from "../printers/go-json";
import { goJsonSyntaxError } from "./go-json-syntax";
import { toKeptVersion } from "./served-versions";

/** One object read from the input, with what kubectl knows of its kind. */
export interface ManifestObject {
  obj: KObject;
  info: KindInfo;
}

/** The objects, or kubectl's error (stderr text) for the whole input. */
export type ParseResult = { ok: true; objects: ManifestObject[]; errors: string[] } | { ok: false; error: string };

const YAML_ERROR_TEXT: Record<string, string> = {
  BLOCK_AS_IMPLICIT_KEY: "mapping values are not allowed in this context",
  TAB_AS_INDENT: "found character that cannot start any token",
  MULTILINE_IMPLICIT_KEY: "could not find expected ':'",
  BAD_INDENT: "did not find expected key",
  UNEXPECTED_TOKEN: "did not find expected key",
  BAD_DIRECTIVE: "found unexpected non-alphabetical character",
};

function yamlErrorText(code: string, message: string): string {
  if (code === "MISSING_CHAR") {
    if (message.includes("quote")) return "found unexpected end of stream";
    if (message.startsWith("Implicit map keys")) return "could not find expected ':'";
    if (message.includes("]")) return "did not find expected ',' or ']'";
    if (message.includes("}")) return "did not find expected ',' or '}'";
  }
  if (message.startsWith("Nested mappings")) return "mapping values are not allowed in this context";
  return YAML_ERROR_TEXT[code] ?? "did not find expected key";
}

/** Finds the kind registry entry for an object's `apiVersion` and `kind`. */
export function kindFor(apiVersion: unknown, kind: unknown): KindInfo | undefined {
  return KINDS.find((k) => k.kind === kind && k.apiVersion === apiVersion);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function docsOf(text: string, source: string): { ok: true; values: unknown[] } | { ok: false; error: string } {
  const trimmed = text.trimStart();
  // kubectl's YAMLOrJSONDecoder reads JSON only when the input starts with `{`.
  if (trimmed.startsWith("{")) {
    const syntax = goJsonSyntaxError(text);
    if (syntax) {
      const detail = syntax.message === "unexpected EOF" ? syntax.message : `json: offset ${syntax.offset}: ${syntax.message}`;
      return { ok: false, error: `error: error parsing ${source}: ${detail}` };
    }
    return { ok: true, values: [JSON.parse(text)] };
  }
  const docs: Document.Parsed[] = parseAllDocuments(text, {
    version: "1.1",
    uniqueKeys: true,
    customTags: (tags) => tags.filter((t) => (t as { tag?: string }).tag !== "tag:yaml.org,2002:timestamp"),
  }) as Document.Parsed[];
  const values: unknown[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line ?? 1;
      if (err.code === "DUPLICATE_KEY") {
        const key = text.slice(err.pos[0]).split(/[:\n]/)[0].trim().replace(/^["']|["']$/g, "");
        return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${line}: key ${JSON.stringify(key)} already set in map` };
      }
      return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${yamlErrorText(err.code, err.message)}` };
    }
    let v: unknown;
    try {
      v = doc.toJS({ maxAliasCount: 100 });
    } catch {
      // go-yaml refuses alias bombs (billion laughs) the same way.
      return { ok: false, error: `error: error parsing ${source}: error converting YAML to JSON: yaml: document contains excessive aliasing` };
    }
    if (v === null || v === undefined) continue;
    values.push(v);
  }
  return { ok: true, values };
}

/**
 * Parses `text` into objects. `source` names the input in messages (`STDIN`). Objects whose
 * kind kubectl cannot map are reported in `errors` (kubectl goes on with the others).
 */
export function parseManifests(text: string, source = "STDIN"): ParseResult {
  const parsed = docsOf(text, source);
  if (!parsed.ok) return parsed;
  const objects: ManifestObject[] = [];
  const errors: string[] = [];
  const visit = (v: unknown): string | undefined => {
    if (!isObject(v)) return `error: error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goJsonType(v)} into Go value of type map[string]interface {}`;
    const kind = v.kind;
    const apiVersion = v.apiVersion;
    if (typeof kind !== "string" || kind === "") return `error: unable to decode "${source}": Object 'Kind' is missing in '${goJson(v)}'`;
    if (typeof apiVersion !== "string" || apiVersion === "") return `error: unable to decode "${source}": Object 'apiVersion' is missing in '${goJson(v)}'`;
    if ((kind === "List" || kind.endsWith("List")) && Array.isArray(v.items)) {
      for (const item of v.items) {
        const e = visit(item);
        if (e) return e;
      }
      return undefined;
    }
    // A version the API also serves (autoscaling/v1 HPAs) arrives converted to the kept one.
    const kept = kindFor(apiVersion, kind) ? undefined : toKeptVersion(v);
    const o = kept ?? v;
    const info = kindFor(o.apiVersion, o.kind);
    const meta = isObject(o.metadata) ? o.metadata : {};
    // kubectl reads name and namespace through unstructured accessors: anything but a string is "".
    for (const field of ["name", "namespace"] as const) if (meta[field] !== undefined && typeof meta[field] !== "string") meta[field] = "";
    if (!info) {
      errors.push(
        `error: resource mapping not found for name: ${JSON.stringify(String(meta.name ?? ""))} namespace: ${JSON.stringify(String(meta.namespace ?? ""))} from ${JSON.stringify(source)}: no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}\nensure CRDs are installed first`,
      );
      return undefined;
    }
    if (!isObject(o.metadata)) o.metadata = {};
    objects.push({ obj: o as unknown as KObject, info });
    return undefined;
  };
  for (const value of parsed.values) {
    const e = visit(value);
    if (e) return { ok: false, error: e };
  }
  return { ok: true, objects, errors };
}

function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  return "object";
}
