/**
 * kubectl's Go-template printer (`-o go-template=…`, `-o template=…`, `--template`,
 * `-o go-template-file=…`): a pure interpreter of Go's `text/template` with the functions
 * kubectl v1.32 registers (`base64decode`, `exists`; no sprig), run over the object decoded
 * from JSON as kubectl does, with kubectl's parse, exec and debugging texts.
 */
import { goJsonCompact } from "../go-json";
import { formatV } from "./fmt";
import { executeTemplate, FUNCTION_NAMES, partialOutput, TemplateExecError } from "./exec";
import { goQuote } from "./lexer";
import { parseTemplate, TemplateParseError, type ParsedTemplate } from "./parser";
import { fromJson } from "./values";

export { TemplateExecError } from "./exec";
export { TemplateParseError } from "./parser";

/** A ready Go-template printer. */
export interface GoTemplatePrinter {
  /** The template text as given (kubectl quotes it in errors). */
  source: string;
  template: ParsedTemplate;
  /** `--allow-missing-template-keys` (true: a missing key prints `<no value>`). */
  allowMissingKeys: boolean;
}

/** The `-o` names that select the Go-template printer. */
export const TEMPLATE_FORMATS: readonly string[] = ["go-template", "go-template-file", "template", "templatefile"];

/**
 * Builds the printer as kubectl's `GoTemplatePrintFlags.ToPrinter` does: the template comes
 * from `--template` when given, else from `-o FORMAT=TEMPLATE`; the file formats fail as a
 * missing file does (there is no filesystem). Returns undefined when `output` names no
 * template format; the error text is kubectl's (`error: …`, without a newline).
 */
export function goTemplatePrinterFor(output: string, templateFlag: string, allowMissingKeys: boolean): { ok: true; printer: GoTemplatePrinter } | { ok: false; error: string } | undefined {
  let format = output;
  let value = "";
  if (templateFlag === "") {
    for (const f of TEMPLATE_FORMATS) {
      if (output.startsWith(f + "=")) {
        value = output.slice(f.length + 1);
        format = f;
        break;
      }
    }
  } else value = templateFlag;
  if (!TEMPLATE_FORMATS.includes(format)) return undefined;
  if (value === "") return { ok: false, error: "error: template format specified but no template given" };
  if (format === "templatefile" || format === "go-template-file") {
    return { ok: false, error: `error: error reading --template ${value}, open ${value}: no such file or directory` };
  }
  const parsed = parseGoTemplate(value, allowMissingKeys);
  if (!parsed.ok) return { ok: false, error: `error: error parsing template ${value}, ${parsed.error}` };
  return parsed;
}

/** Parses a template as kubectl's printer does (template name `output`); the error is Go's text. */
export function parseGoTemplate(source: string, allowMissingKeys = true): { ok: true; printer: GoTemplatePrinter } | { ok: false; error: string } {
  try {
    return { ok: true, printer: { source, template: parseTemplate("output", source, FUNCTION_NAMES), allowMissingKeys } };
  } catch (e) {
    if (e instanceof TemplateParseError) return { ok: false, error: e.message };
    throw e;
  }
}

/**
 * Runs the printer on one object (or List). On an execution error kubectl writes the partial
 * output and a debugging dump to stdout (`text`) and returns `error` for stderr.
 */
export function printGoTemplate(printer: GoTemplatePrinter, data: unknown): { ok: true; text: string } | { ok: false; text: string; error: string } {
  try {
    return { ok: true, text: executeTemplate(printer.template, data, { missingKeyError: !printer.allowMissingKeys }) };
  } catch (e) {
    if (!(e instanceof TemplateExecError)) throw e;
    const text =
      partialOutput(e) +
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${printer.source}\n` +
      `\traw data was:\n\t\t${goJsonCompact(data)}\n` +
      `\tobject given to template engine was:\n\t\t${formatV(fromJson(data, false))}\n\n`;
    return { ok: false, text, error: `error: error executing template ${goQuote(printer.source)}: ${e.message}` };
  }
}
