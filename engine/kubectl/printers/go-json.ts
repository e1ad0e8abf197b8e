/**
 * JSON exactly as Go's `encoding/json` writes kubectl's objects: map keys sorted (kubectl
 * prints unstructured objects, i.e. maps), `<`, `>` and `&` escaped as `\u003c`…, and
 * `json.MarshalIndent(obj, "", "    ")` layout for `-o json`.
 */

const HEX = "0123456789abcdef";

/** A JSON string literal as Go's encoder writes it (HTML-safe, U+2028/U+2029 escaped). */
export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      switch (c) {
        case 0x22:
          esc = '\\"';
          break;
        case 0x5c:
          esc = "\\\\";
          break;
        case 0x0a:
          esc = "\\n";
          break;
        case 0x0d:
          esc = "\\r";
          break;
        case 0x09:
          esc = "\\t";
          break;
        case 0x08:
          esc = "\\b";
          break;
        case 0x0c:
          esc = "\\f";
          break;
        default:
          esc = "\\u" + (c > 0xff ? HEX[(c >> 12) & 15] + HEX[(c >> 8) & 15] : "00") + HEX[(c >> 4) & 15] + HEX[c & 15];
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // Go replaces invalid UTF-8 (a lone surrogate here) with U+FFFD.
      const hi = c <= 0xdbff;
      const next = s.charCodeAt(i + 1);
      if (hi && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      esc = "\\ufffd";
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** A number as Go formats a float64/int64 in JSON. */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) return "null";
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return Object.is(n, -0) ? "-0" : String(n);
  const abs = Math.abs(n);
  if (abs < 1e-6 || abs >= 1e21) {
    // Go: 'e' format with a two-digit exponent minimum cleaned to one digit (1e-07 → 1e-7).
    return n.toExponential().replace(/e([+-])(\d)$/, "e$10$2").replace(/e([+-])0(\d)$/, "e$1$2");
  }
  return String(n);
}

function sortedKeys(obj: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const k of Object.keys(obj)) if (obj[k] !== undefined) keys.push(k);
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function write(v: unknown, indent: string | undefined, prefix: string): string {
  if (v === null || v === undefined) return "null";
  switch (typeof v) {
    case "string":
      return goJsonString(v);
    case "number":
      return goJsonNumber(v);
    case "boolean":
      return v ? "true" : "false";
    case "object":
      break;
    default:
      return "null";
  }
  const inner = indent === undefined ? "" : prefix + indent;
  const nl = indent === undefined ? "" : "\n";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    let s = "[" + nl;
    for (let i = 0; i < v.length; i++) s += (i ? "," + nl : "") + inner + write(v[i], indent, inner);
    return s + nl + prefix + "]";
  }
  const obj = v as Record<string, unknown>;
  const keys = sortedKeys(obj);
  if (keys.length === 0) return "{}";
  let s = "{" + nl;
  const sep = indent === undefined ? ":" : ": ";
  for (let i = 0; i < keys.length; i++) s += (i ? "," + nl : "") + inner + goJsonString(keys[i]) + sep + write(obj[keys[i]], indent, inner);
  return s + nl + prefix + "}";
}

/** `json.Marshal`: compact, keys sorted. */
export function goJsonCompact(value: unknown): string {
  return write(value, undefined, "");
}

/** `json.MarshalIndent(v, "", "    ")` plus the newline kubectl's JSON printer adds. */
export function goJsonIndent(value: unknown, indent = "    "): string {
  return write(value, indent, "") + "\n";
}
