/**
 * `kubectl explain --output=plaintext-openapiv2`: the pre-1.27 explain printer
 * (`kubectl/pkg/explain`: model_printer.go, fields_printer.go, recursive_fields_printer.go,
 * field_lookup.go, formatter.go, typename.go), over our schema data viewed as the OpenAPI v2
 * models kube-openapi builds: kinds, references, arrays, maps and primitives. In v2 the
 * API server describes IntOrString, Quantity and Time as plain strings.
 */
import type { ExplainData, SchemaField } from "./schema";

/** kube-openapi's proto.Schema, reduced to what the printers visit. */
type Model =
  | { kind: "kind"; description: string; fields: Map<string, Model>; required: readonly string[] }
  | { kind: "reference"; description: string; ref: string }
  | { kind: "array"; description: string; sub: Model }
  | { kind: "map"; description: string; sub: Model }
  | { kind: "primitive"; description: string; type: string }
  | { kind: "arbitrary"; description: string };

/** The group, version and kind printed in the header. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** Rendered text, or kubectl's error. */
export type ExplainV2Result = { ok: true; text: string } | { ok: false; error: string };

class Models {
  private readonly cache = new Map<string, Model>();
  constructor(private readonly data: ExplainData) {}

  /** The model of a definition (a kind, a string primitive, or a free-form map). */
  definition(name: string): Model {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const def = this.data.defs[name];
    const description = def?.d ?? "";
    let model: Model;
    if (!def) model = { kind: "arbitrary", description: "" };
    else if (def.type !== undefined) model = { kind: "primitive", description, type: "string" };
    else if (def.p && Object.keys(def.p).length > 0) {
      const fields = new Map<string, Model>();
      for (const key of Object.keys(def.p).sort()) fields.set(key, this.field(def.p[key]));
      model = { kind: "kind", description, fields, required: def.r ?? [] };
    } else model = { kind: "map", description, sub: { kind: "arbitrary", description } };
    this.cache.set(name, model);
    return model;
  }

  private field(f: SchemaField): Model {
    return this.typed(f.t, f.d ?? "");
  }

  private typed(t: string, description: string): Model {
    if (t.startsWith("[]")) return { kind: "array", description, sub: this.typed(t.slice(2), "") };
    if (t.startsWith("map[string]")) return { kind: "map", description, sub: this.typed(t.slice("map[string]".length), "") };
    if (t.startsWith("@")) return { kind: "reference", description, ref: t.slice(1) };
    if (t === "object") return { kind: "map", description, sub: { kind: "arbitrary", description } };
    return { kind: "primitive", description, type: t };
  }
}

/** typename.go: `Object`, `[]Object`, `map[string]string`, `integer`… */
function typeName(m: Model, models: Models): string {
  switch (m.kind) {
    case "array":
      return "[]" + typeName(m.sub, models);
    case "map":
      return "map[string]" + typeName(m.sub, models);
    case "kind":
      return "Object";
    case "primitive":
      return m.type;
    case "reference":
      return typeName(models.definition(m.ref), models);
    case "arbitrary":
      return "";
  }
}

const BULLET = /^(\d+\.?|-|\*)\s/;

/** formatter.go `wrapString`: reflows words, keeping blank lines, bullets, code blocks and breaks after `:`. */
export function wrapLines(text: string, wrap: number): string[] {
  const wrapped: string[] = [];
  let words: string[] = [];
  let lastWord = "";
  const flush = (): void => {
    if (words.length > 0) {
      lastWord = "";
      wrapped.push(words.join(" "));
      words = [];
    }
  };
  const add = (word: string): boolean => {
    if (words.length === 0 || [...words, word].join(" ").length <= wrap) {
      words.push(word);
      return true;
    }
    return false;
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("    ")) {
      flush();
      wrapped.push(line);
      continue;
    }
    if (wrapped.length > 0 && line.trim() === "") {
      flush();
      wrapped.push("");
      continue;
    }
    const trimmed = line.trim();
    if (lastWord.endsWith(":") || trimmed.length === 0 || BULLET.test(trimmed)) flush();
    for (const word of line.split(/\s+/).filter((w) => w !== "")) {
      lastWord = word;
      if (!add(word)) {
        flush();
        add(word);
      }
    }
  }
  flush();
  return wrapped;
}

/** formatter.go `Write`: one line at the indent; an empty line is just a newline. */
function write(indentLevel: number, s: string): string {
  return s === "" ? "\n" : " ".repeat(indentLevel) + s + "\n";
}

/** formatter.go `WriteWrapped` at 80 columns. */
function writeWrapped(indentLevel: number, s: string): string {
  return wrapLines(s, 80 - indentLevel)
    .map((l) => write(indentLevel, l))
    .join("");
}

/** field_lookup.go: walks the path; a primitive ends the walk even with path left. */
function lookup(m: Model, path: string[], models: Models): { model: Model } | { error: string } {
  switch (m.kind) {
    case "kind": {
      if (path.length === 0) return { model: m };
      const sub = m.fields.get(path[0]);
      if (!sub) return { error: `error: field "${path[0]}" does not exist` };
      return lookup(sub, path.slice(1), models);
    }
    case "reference":
      return path.length === 0 ? { model: m } : lookup(models.definition(m.ref), path, models);
    case "array":
    case "map":
      return path.length === 0 ? { model: m } : lookup(m.sub, path, models);
    default:
      return { model: m };
  }
}

/** fields_printer.go: each field's type, required mark and wrapped description. */
function regularFields(m: Model, models: Models): string {
  switch (m.kind) {
    case "kind": {
      let out = "";
      for (const [key, v] of m.fields) {
        out += write(3, `${key}\t<${typeName(v, models)}>${m.required.includes(key) ? " -required-" : ""}`);
        out += writeWrapped(5, v.description);
        out += "\n";
      }
      return out;
    }
    case "reference":
      return regularFields(models.definition(m.ref), models);
    case "array":
    case "map":
      return regularFields(m.sub, models);
    default:
      return "";
  }
}

/** recursive_fields_printer.go: field names and types, three more spaces per level, cycles cut. */
function recursiveFields(m: Model, indentLevel: number, models: Models, visited: Set<string>): string {
  switch (m.kind) {
    case "kind": {
      let out = "";
      for (const [key, v] of m.fields) {
        out += write(indentLevel, `${key}\t<${typeName(v, models)}>`);
        out += recursiveFields(v, indentLevel + 3, models, visited);
      }
      return out;
    }
    case "reference": {
      if (visited.has(m.ref)) return "";
      visited.add(m.ref);
      const out = recursiveFields(models.definition(m.ref), indentLevel, models, visited);
      visited.delete(m.ref);
      return out;
    }
    case "array":
    case "map":
      return recursiveFields(m.sub, indentLevel, models, visited);
    default:
      return "";
  }
}

/** Renders `kubectl explain -o plaintext-openapiv2` for a kind's definition and a field path. */
export function renderOpenAPIV2(data: ExplainData, defRef: string, gvk: GroupVersionKind, fieldPath: string[], recursive: boolean): ExplainV2Result {
  const models = new Models(data);
  const found = lookup(models.definition(defRef), fieldPath, models);
  if ("error" in found) return { ok: false, error: found.error };
  const name = fieldPath.length > 0 ? fieldPath[fieldPath.length - 1] : "";
  const gv = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
  const header = write(0, `KIND:     ${gvk.kind}`) + write(0, `VERSION:  ${gv}\n`);
  const descriptions: string[] = [];
  let type = "";

  const printDescription = (own: string): string => {
    let out = write(0, "DESCRIPTION:");
    let empty = true;
    [...descriptions, own].forEach((d, i) => {
      if (d === "") return;
      empty = false;
      if (i !== 0) out += write(0, "");
      out += writeWrapped(5, d);
    });
    if (empty) out += writeWrapped(5, "<empty>");
    return out;
  };

  let m: Model = found.model;
  for (;;) {
    switch (m.kind) {
      case "reference":
        descriptions.push(m.description);
        m = models.definition(m.ref);
        continue;
      case "array":
      case "map":
        descriptions.push(m.description);
        if (type === "") type = typeName(m, models);
        m = m.sub;
        continue;
      case "kind": {
        if (type === "") type = "Object";
        let out = header;
        if (name !== "") out += write(0, `RESOURCE: ${name} <${type}>\n`);
        out += printDescription(m.description);
        out += write(0, "\nFIELDS:");
        out += recursive ? recursiveFields(m, 3, models, new Set()) : regularFields(m, models);
        return { ok: true, text: out };
      }
      case "primitive": {
        if (type === "") type = m.type;
        return { ok: true, text: header + write(0, `FIELD:    ${name} <${type}>\n`) + printDescription(m.description) };
      }
      case "arbitrary":
        return { ok: true, text: header + printDescription(m.description) };
    }
  }
}
