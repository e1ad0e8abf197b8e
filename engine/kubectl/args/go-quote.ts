/**
 * Go's `%q` / `strconv.Quote` for the strings kubectl echoes back in its errors
 * (`invalid argument "x" for "--replicas" flag`, `unknown command "foo" for "kubectl"`).
 */

const NAMED_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

/** Quote a string the way Go's `strconv.Quote` does (printable Unicode kept, control characters escaped). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const named = NAMED_ESCAPES[ch];
    if (named !== undefined) {
      out += named;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp >= 0x80 && cp < 0xa0) out += "\\u" + cp.toString(16).padStart(4, "0");
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\\ufffd";
    else out += ch;
  }
  return out + '"';
}

/**
 * Quote a string the way Go's `time` package quotes it in duration errors: ASCII kept, `"` and
 * `\` escaped, every byte of a non-ASCII or control character written as `\xNN`.
 */
export function goTimeQuote(s: string): string {
  let out = '"';
  const bytes = new TextEncoder().encode(s);
  for (const b of bytes) {
    if (b >= 0x80 || b < 0x20) out += "\\x" + b.toString(16).padStart(2, "0");
    else {
      const c = String.fromCharCode(b);
      out += c === '"' || c === "\\" ? "\\" + c : c;
    }
  }
  return out + '"';
}
