/**
 * kubectl's `-o` printers for objects: yaml, json, name, jsonpath, jsonpath-as-json,
 * custom-columns and go-template (`go-template/`), with kubectl's errors for unknown formats. Tables (`-o wide` and the
 * default) are in `table-printer.ts`.
 */
import type { KindInfo, KObject } from "../../model/types";
import { resolveKind } from "../../model/kinds";
import { goFormatSharpV, goFormatV } from "./go-format";
import { goJsonIndent } from "./go-json";
import { goYaml } from "./go-yaml";
import { goTemplatePrinterFor, printGoTemplate, TEMPLATE_FORMATS, type GoTemplatePrinter } from "./go-template";
import { executeJsonPath, findJsonPathResults, JsonPathError, parseJsonPath, relaxedJsonPath, type JsonPathTemplate } from "./jsonpath";
import { kindPrefix } from "./table-printer";
import { formatRows } from "./tabwriter";

/** A parsed `-o` value. */
export type OutputFormat =
  | { kind: "table"; wide: boolean }
  | { kind: "yaml" }
  | { kind: "json" }
  | { kind: "name" }
  | { kind: "jsonpath"; template: JsonPathTemplate; asJson: boolean }
  | { kind: "custom-columns"; columns: { header: string; template: JsonPathTemplate }[] }
  | { kind: "go-template"; printer: GoTemplatePrinter };

/** The formats kubectl get lists in its error for an unknown `-o`. */
export const GET_OUTPUT_FORMATS =
  "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

/**
 * Parses `-o` (`wide`, `yaml`, `jsonpath={…}`, `custom-columns=A:.a,B:.b`…) or returns
 * kubectl's error text. `allowed` is the list kubectl prints for an unknown format; `template`
 * is `--template` (alone it selects go-template, as in kubectl); `allowMissingKeys` is
 * `--allow-missing-template-keys`.
 */
export function parseOutputFormat(output: string, allowed = GET_OUTPUT_FORMATS, template = "", allowMissingKeys = true): { ok: true; format: OutputFormat } | { ok: false; error: string } {
  if (output === "" && template !== "" && allowed.split(",").includes("go-template")) output = "go-template";
  const eq = output.indexOf("=");
  const name = eq >= 0 ? output.slice(0, eq) : output;
  let arg = eq >= 0 ? output.slice(eq + 1) : template;
  const allowedList = allowed.split(",");
  const unknown = { ok: false as const, error: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowed}` };
  if (name !== "" && !allowedList.includes(name)) return unknown;
  if (TEMPLATE_FORMATS.includes(name)) {
    const printer = goTemplatePrinterFor(output, template, allowMissingKeys);
    if (!printer) return unknown;
    if (!printer.ok) return printer;
    return { ok: true, format: { kind: "go-template", printer: printer.printer } };
  }
  switch (name) {
    case "":
      return { ok: true, format: { kind: "table", wide: false } };
    case "wide":
      return { ok: true, format: { kind: "table", wide: true } };
    case "yaml":
      return { ok: true, format: { kind: "yaml" } };
    case "json":
      return { ok: true, format: { kind: "json" } };
    case "name":
      return { ok: true, format: { kind: "name" } };
    case "jsonpath":
    case "jsonpath-as-json": {
      if (eq >= 0 && template !== "") return unknown;
      if (arg === "") return { ok: false, error: "error: template format specified but no template given" };
      try {
        return { ok: true, format: { kind: "jsonpath", template: parseJsonPath(arg), asJson: name === "jsonpath-as-json" } };
      } catch (e) {
        return { ok: false, error: `error: error parsing jsonpath ${arg}, ${(e as Error).message}` };
      }
    }
    case "custom-columns": {
      if (eq < 0) arg = "";
      if (arg === "") return { ok: false, error: "error: custom-columns format specified but no custom columns given" };
      const columns: { header: string; template: JsonPathTemplate }[] = [];
      for (const part of arg.split(",")) {
        const colon = part.indexOf(":");
        if (colon < 0) return { ok: false, error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
        try {
          columns.push({ header: part.slice(0, colon), template: parseJsonPath(relaxedJsonPath(part.slice(colon + 1))) });
        } catch (e) {
          return { ok: false, error: `error: ${(e as Error).message}` };
        }
      }
      return { ok: true, format: { kind: "custom-columns", columns } };
    }
    default:
      return { ok: false, error: `error: ${name} output is not available in this simulated cluster` };
  }
}

/** The `kind: List` wrapper kubectl prints around several objects. */
export function listOf(items: readonly KObject[]): Record<string, unknown> {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}

/** `kind.group/name` as `-o name` prints it. */
export function objectName(obj: KObject): string {
  const info: KindInfo | undefined = resolveKind(obj.kind);
  const prefix = info ? kindPrefix(info) : obj.kind.toLowerCase();
  return `${prefix}/${obj.metadata.name}`;
}

/**
 * What a printer produced: text for stdout, or kubectl's error for stderr (with, for a
 * go-template execution error, the partial output and debugging dump kubectl writes to stdout).
 */
export type PrintResult = { ok: true; text: string } | { ok: false; error: string; text?: string };

/**
 * Prints objects in a non-table format. `single` is kubectl's "single item implied" (one
 * `TYPE NAME`): the object is printed alone instead of in a List.
 */
export function printObjects(format: Exclude<OutputFormat, { kind: "table" }>, objects: readonly KObject[], single: boolean, noHeaders = false): PrintResult {
  const data: unknown = single && objects.length === 1 ? objects[0] : listOf(objects);
  switch (format.kind) {
    case "yaml":
      return { ok: true, text: goYaml(data) };
    case "json":
      return { ok: true, text: goJsonIndent(data) };
    case "name":
      return { ok: true, text: objects.map((o) => objectName(o) + "\n").join("") };
    case "jsonpath":
      try {
        return { ok: true, text: executeJsonPath(format.template, data, format.asJson) };
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        return {
          ok: false,
          error:
            `error: error executing jsonpath ${JSON.stringify(format.template.source)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
            `\ttemplate was:\n\t\t${format.template.source}\n\tobject given to jsonpath engine was:\n\t\t${goFormatSharpV(data)}\n\n\n`,
        };
      }
    case "custom-columns":
      return { ok: true, text: customColumns(format.columns, objects, noHeaders) };
    case "go-template": {
      const r = printGoTemplate(format.printer, data);
      return r.ok ? r : { ok: false, error: r.error + "\n", text: r.text };
    }
  }
}

function customColumns(columns: { header: string; template: JsonPathTemplate }[], objects: readonly KObject[], noHeaders: boolean): string {
  const rows: string[][] = [];
  if (!noHeaders) rows.push(columns.map((c) => c.header));
  for (const obj of objects) {
    rows.push(
      columns.map((c) => {
        const values = findJsonPathResults(c.template, obj);
        if (values.length === 0 || values[0].length === 0) return "<none>";
        return values.flat().map(goFormatV).join(",");
      }),
    );
  }
  return formatRows(rows);
}
