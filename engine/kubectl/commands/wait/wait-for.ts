/**
 * `kubectl wait --for=…` (kubectl v1.32's `conditionFuncFor`): what is waited for, parsed from
 * the flag with kubectl's error texts, and the check of one object against it.
 */
import type { KObject } from "../../../model/types";
import { goFormatV } from "../../printers/go-format";
import { findJsonPathResults, JsonPathError, parseJsonPath, relaxedJsonPath, type JsonPathTemplate } from "../../printers/jsonpath";

/** What `--for` asks for. */
export type WaitFor =
  | { type: "delete" }
  | { type: "create" }
  /** `condition=NAME[=VALUE]`: a status condition of that type (case-folded) with that status (default `true`). */
  | { type: "condition"; name: string; status: string }
  /** `jsonpath={…}[=VALUE]`: the path finds one value (equal to `value` when given). */
  | { type: "jsonpath"; template: JsonPathTemplate; value: string | undefined };

/** Parses `--for` or returns kubectl's error text (with `error: ` and a newline). */
export function parseWaitFor(text: string): { ok: true; waitFor: WaitFor } | { ok: false; error: string } {
  const lower = text.toLowerCase();
  if (lower === "delete") return { ok: true, waitFor: { type: "delete" } };
  if (lower === "create") return { ok: true, waitFor: { type: "create" } };
  if (text.startsWith("condition=")) {
    const rest = text.slice("condition=".length);
    const eq = rest.indexOf("=");
    return { ok: true, waitFor: { type: "condition", name: eq >= 0 ? rest.slice(0, eq) : rest, status: eq >= 0 ? rest.slice(eq + 1) : "true" } };
  }
  if (text.startsWith("jsonpath=")) return parseJsonPathFor(text.slice("jsonpath=".length));
  return { ok: false, error: `error: unrecognized condition: ${goQuoteString(text)}\n` };
}

function parseJsonPathFor(input: string): { ok: true; waitFor: WaitFor } | { ok: false; error: string } {
  const parts = splitJsonPathInput(input);
  if (parts.length > 2) {
    return { ok: false, error: "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n" };
  }
  let expression: string;
  try {
    expression = relaxedJsonPath(parts[0]);
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return { ok: false, error: `error: ${e.message}\n` };
  }
  let value: string | undefined;
  if (parts.length === 2) {
    value = trimQuotes(parts[1]);
    if (value === "") return { ok: false, error: "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n" };
  }
  if (expression === "") return { ok: false, error: "error: jsonpath expression cannot be empty\n" };
  try {
    return { ok: true, waitFor: { type: "jsonpath", template: parseJsonPath(expression), value } };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return { ok: false, error: `error: ${e.message}\n` };
  }
}

/** Splits on single `=`; `==` stays inside a part (kubectl's `splitJSONPathInput`). */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let part = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=") {
      if (input[i + 1] === "=") {
        part += "==";
        i++;
        continue;
      }
      out.push(part);
      part = "";
      continue;
    }
    part += input[i];
  }
  out.push(part);
  return out;
}

/** Go's `strings.Trim(s, "'\"")`. */
function trimQuotes(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === "'" || s[a] === '"')) a++;
  while (b > a && (s[b - 1] === "'" || s[b - 1] === '"')) b--;
  return s.slice(a, b);
}

/** Go's `%q` of a string, for the ASCII texts learners type. */
function goQuoteString(s: string): string {
  return JSON.stringify(s).replace(/\u007f/g, "\\x7f");
}

/** Whether an object meets a condition or jsonpath wait, or the error that ends the wait. */
export type CheckResult = { met: boolean; error?: undefined } | { met: false; error: string };

/** Checks one object against `condition=` or `jsonpath=` (kubectl's `checkCondition`s). */
export function checkObject(waitFor: Extract<WaitFor, { type: "condition" | "jsonpath" }>, obj: KObject): CheckResult {
  return waitFor.type === "condition" ? { met: conditionMet(obj, waitFor.name, waitFor.status) } : jsonPathMet(obj, waitFor.template, waitFor.value);
}

function conditionMet(obj: KObject, name: string, status: string): boolean {
  const o = obj as { metadata: { generation?: number }; status?: { conditions?: unknown; observedGeneration?: unknown } };
  const conditions = o.status?.conditions;
  if (!Array.isArray(conditions)) return false;
  const wantedType = foldCase(name);
  for (const c of conditions as unknown[]) {
    if (c === null || typeof c !== "object" || Array.isArray(c)) return false;
    const cond = c as { type?: unknown; status?: unknown; observedGeneration?: unknown };
    if (typeof cond.type !== "string" || foldCase(cond.type) !== wantedType) continue;
    if (typeof cond.status !== "string") continue;
    const generation = o.metadata.generation;
    if (typeof generation === "number") {
      const observed = typeof cond.observedGeneration === "number" ? cond.observedGeneration : o.status?.observedGeneration;
      if (typeof observed === "number" && observed < generation) return false;
    }
    return foldCase(cond.status) === foldCase(status);
  }
  return false;
}

/** Unicode simple case folding, as Go's `strings.EqualFold` compares. */
function foldCase(s: string): string {
  return s.toLowerCase();
}

function jsonPathMet(obj: KObject, template: JsonPathTemplate, value: string | undefined): CheckResult {
  let results: unknown[][];
  try {
    results = findJsonPathResults(template, obj);
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return { met: false, error: e.message };
  }
  if (results.length === 0 || results[0].length === 0) return { met: false };
  if (results.length > 1) return { met: false, error: "given jsonpath expression matches more than one list" };
  if (results[0].length > 1) return { met: false, error: "given jsonpath expression matches more than one value" };
  if (value === undefined) return { met: true };
  const found = results[0][0];
  if (found !== null && typeof found === "object") return { met: false, error: "jsonpath leads to a nested object or list which is not supported" };
  return { met: goFormatV(found).trim() === value.trim() };
}
