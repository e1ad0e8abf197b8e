/**
 * `kubectl explain`'s plaintext output (kubectl v1.32, `explain/v2/templates/plaintext.tmpl`),
 * rendered from our schema data viewed as the OpenAPI v3 schemas the API server would serve:
 * a reference is `allOf: [{$ref}]`, an array has `items`, a map has `additionalProperties`.
 * The functions below follow the template's named templates one for one.
 */
import { explainData, type ExplainData, type SchemaField } from "./schema";
import { wrapString } from "./wordwrap";

/** An OpenAPI v3 schema, as far as the template reads it. */
interface OSchema {
  $ref?: string;
  allOf?: OSchema[];
  items?: OSchema;
  additionalProperties?: OSchema;
  type?: string;
  description?: string;
  enum?: string[];
  properties?: Map<string, OSchema>;
  required?: string[];
}

/** Ref-following history: the set of `$ref`s seen on the way down. */
type History = ReadonlySet<string>;

/** What the learner asked for. */
export interface ExplainRequest {
  /** The kind's OpenAPI definition and its group/version/kind. */
  group: string;
  version: string;
  kind: string;
  /** Field names after the resource: `["spec", "containers"]`. */
  fieldPath: string[];
  recursive: boolean;
}

/** The rendered text, or kubectl's error after the part it had already printed. */
export type ExplainResult = { ok: true; text: string } | { ok: false; text: string; error: string };

/** Views the compact schema data as OpenAPI v3 schemas (built once per definition). */
class SchemaDocument {
  private readonly cache = new Map<string, OSchema>();
  constructor(private readonly data: ExplainData) {}

  /** `resolveRef`: the component a `$ref` names, or undefined. */
  resolve(ref: string | undefined): OSchema | undefined {
    if (!ref) return undefined;
    const hit = this.cache.get(ref);
    if (hit) return hit;
    const def = this.data.defs[ref];
    if (!def) return undefined;
    const schema: OSchema = {};
    if (def.d !== undefined) schema.description = def.d;
    if (def.type === undefined) schema.type = "object";
    else if (def.type !== "") schema.type = def.type;
    this.cache.set(ref, schema);
    if (def.p) {
      schema.properties = new Map();
      for (const name of Object.keys(def.p).sort(goStringCompare)) schema.properties.set(name, this.field(def.p[name]));
    }
    if (def.r) schema.required = def.r;
    return schema;
  }

  private field(f: SchemaField): OSchema {
    const s = this.typed(f.t, true);
    if (f.d !== undefined) s.description = f.d;
    if (f.e) s.enum = f.e;
    return s;
  }

  private typed(t: string, top: boolean): OSchema {
    if (t.startsWith("[]")) return { type: "array", items: this.typed(t.slice(2), false) };
    if (t.startsWith("map[string]")) return { type: "object", additionalProperties: this.typed(t.slice("map[string]".length), false) };
    if (t.startsWith("@")) return top ? { allOf: [{ $ref: t.slice(1) }] } : { $ref: t.slice(1) };
    return { type: t };
  }
}

/** Go compares strings bytewise; for the ASCII field names of the API that is UTF-16 order. */
function goStringCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The template's `indent`: pad the first line and every line after a newline. */
function indent(amount: number, s: string): string {
  const pad = " ".repeat(amount);
  return pad + s.split("\n").join("\n" + pad);
}

/** Renders kubectl explain's plaintext template for one request. */
export class PlaintextExplainer {
  private readonly doc: SchemaDocument;

  constructor(data: ExplainData = explainData) {
    this.doc = new SchemaDocument(data);
  }

  /** The whole output: header, then the schema part, or the header and kubectl's error. */
  explain(req: ExplainRequest, defRef: string): ExplainResult {
    let header = "";
    if (req.group) header += `GROUP:      ${req.group}\n`;
    header += `KIND:       ${req.kind}\n`;
    header += `VERSION:    ${req.version}\n`;
    header += "\n";
    const schema = this.doc.resolve(defRef);
    const body = schema ? this.output(schema, req.fieldPath, new Set(), req.recursive) : "";
    if (body === "") {
      const field = req.fieldPath[req.fieldPath.length - 1];
      return { ok: false, text: header, error: `error: field "${field}" does not exist` };
    }
    return { ok: true, text: header + body + "\n" };
  }

  /** Template "output": follows the field path, then prints the description and fields. */
  private output(schema: OSchema, fieldPath: string[], history: History, recursive: boolean): string {
    const ref = schema.$ref ?? "";
    const next = new Set(history).add(ref);
    const resolved = this.doc.resolve(ref) ?? schema;
    if (fieldPath.length === 0) {
      let out = "DESCRIPTION:\n";
      out += indent(4, wrapString(this.description(resolved) || "<empty>", 76)) + "\n";
      const fields = this.fieldList(resolved, 1, new Set(), recursive);
      if (fields) out += "FIELDS:\n" + fields;
      return out;
    }
    if (ref && history.has(ref)) return "";
    const sub = resolved.properties?.get(fieldPath[0]);
    if (sub) {
      let out = "";
      if (fieldPath.length === 1) {
        out += `FIELD: ${fieldPath[0]} <${this.typeGuess(sub)}>\n`;
        out += this.extractEnumLong(sub) + "\n";
        out += "\n";
      }
      return out + this.output(sub, fieldPath.slice(1), new Set(), recursive);
    }
    if (resolved.items) return this.output(resolved.items, fieldPath, next, recursive);
    if (resolved.additionalProperties) return this.output(resolved.additionalProperties, fieldPath, next, recursive);
    for (const alt of resolved.allOf ?? []) {
      const out = this.output(alt, fieldPath, next, recursive);
      if (out) return out;
    }
    return "";
  }

  /** Template "fieldList": one entry per property, recursing when asked, stopping at cycles. */
  private fieldList(schema: OSchema, level: number, history: History, recursive: boolean): string {
    const ref = schema.$ref ?? "";
    if (ref && history.has(ref)) return "";
    const next = new Set(history).add(ref);
    const resolved = this.doc.resolve(ref) ?? schema;
    let out = "";
    for (const [name, field] of resolved.properties ?? []) {
      out += this.fieldDetail(name, resolved, field, recursive, level);
      if (recursive) out += this.fieldList(field, level + 1, next, recursive);
    }
    for (const alt of resolved.allOf ?? []) out += this.fieldList(alt, level, next, recursive);
    if (resolved.items) out += this.fieldList(resolved.items, level, next, recursive);
    if (resolved.additionalProperties) out += this.fieldList(resolved.additionalProperties, level, next, recursive);
    return out;
  }

  /** Template "fieldDetail": `name\t<type> -required-`, its enum, and its wrapped description. */
  private fieldDetail(name: string, parent: OSchema, field: OSchema, short: boolean, level: number): string {
    const indentAmount = level * 2;
    let out = indent(indentAmount, name) + "\t<" + this.typeGuess(field) + ">";
    if (parent.required?.includes(name)) out += " -required-";
    out += this.extractEnumShort(field, indentAmount);
    out += "\n";
    if (!short) {
      out += indent(indentAmount + 2, wrapString(field.description || "<no description>", 78 - indentAmount)) + "\n";
      out += "\n";
    }
    return out;
  }

  /** Template "description": the schema's description, then those of its allOf, items and map values. */
  private description(schema: OSchema): string {
    const s = this.doc.resolve(schema.$ref) ?? schema;
    let out = s.description ? s.description + "\n" : "";
    for (const alt of s.allOf ?? []) out += this.description(alt);
    if (s.items) out += this.description(s.items);
    if (s.additionalProperties) out += this.description(s.additionalProperties);
    return out;
  }

  /** Template "typeGuess": `string`, `[]Container`, `map[string]string`, `Object`, `IntOrString`… */
  private typeGuess(schema: OSchema): string {
    if (schema.items) return "[]" + this.typeGuess(schema.items);
    if (schema.additionalProperties) return "map[string]" + this.typeGuess(schema.additionalProperties);
    if (schema.allOf && !schema.properties && schema.allOf.length === 1) return this.typeGuess(schema.allOf[0]);
    if (schema.$ref) {
      const target = this.doc.resolve(schema.$ref);
      if (!target || !target.type || target.type === "object") {
        const name = schema.$ref.split("/").pop() ?? "";
        return name.split(".").pop() || "Object";
      }
      return target.type;
    }
    if (schema.type === "object") return "Object";
    return schema.type || "Object";
  }

  /** Template "extractEnum", one-line view under a field: `enum: A, B, C, D, ....`. */
  private extractEnumShort(schema: OSchema, indentAmount: number): string {
    if (!schema.enum?.length) return "";
    let out = "\n" + " ".repeat(indentAmount) + "enum: ";
    for (let i = 0; i < schema.enum.length; i++) {
      if (i >= 4) {
        out += ", ....";
        break;
      }
      if (i > 0) out += ", ";
      out += schema.enum[i] === "" ? '""' : schema.enum[i];
    }
    return out;
  }

  /** Template "extractEnum", long view under `FIELD:`: `ENUM:` and one value a line. */
  private extractEnumLong(schema: OSchema): string {
    if (!schema.enum?.length) return "";
    let out = "ENUM:";
    for (const value of schema.enum) out += "\n    " + (value === "" ? '""' : value);
    return out;
  }
}
