/** Go's `fmt` verbs applied to JSON values, where kubectl prints them (`%v` in custom columns, `%#v` in JSONPath errors). */
import { goJsonNumber } from "./go-json";
import { formatFloatV } from "./go-template/fmt";

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `%v` of a decoded JSON value: `map[a:1 b:x]`, `[a b]`, `<nil>`. */
export function goFormatV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return "[" + v.map(goFormatV).join(" ") + "]";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    return "map[" + sortedKeys(o).map((k) => `${k}:${goFormatV(o[k])}`).join(" ") + "]";
  }
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? String(v) : formatFloatV(v);
  return String(v);
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
