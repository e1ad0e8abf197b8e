/** Go's `fmt` verbs applied to JSON values, where kubectl prints them (`%v` in custom columns, `%#v` in JSONPath errors). */
import { goJsonNumber } from "./go-json";
import { formatV } from "./go-template/fmt";
import { fromJson, sortedKeys } from "./go-template/values";

/** `%v` of a decoded JSON value: `map[a:1 b:x]`, `[a b]`, `<nil>` (the Go-template printer's `fmt`). */
export function goFormatV(v: unknown): string {
  return formatV(fromJson(v, true));
}

/** Go's `strconv.Quote` for the strings `%#v` prints. */
function goQuoteString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f]/g, (c) => "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0"));
}

/** `%#v` of a decoded JSON value, as kubectl's JSONPath errors dump the object. */
export function goFormatSharpV(v: unknown, nested = false): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (Array.isArray(v)) return "[]interface {}{" + v.map((x) => goFormatSharpV(x, true)).join(", ") + "}";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return "map[string]interface {}{" + sortedKeys(o).map((k) => `${goQuoteString(k)}:${goFormatSharpV(o[k], true)}`).join(", ") + "}";
  }
  if (typeof v === "string") return goQuoteString(v);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : goJsonNumber(v);
  void nested;
  return String(v);
}
