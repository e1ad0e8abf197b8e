/**
 * Go's `strconv.ParseInt`, as pflag uses it for `int` flags: base 0 (`0x`, `0o`, `0b`, a leading
 * `0` for octal, `_` separators) or base 10, with Go's exact error texts.
 */
import { goQuote } from "./go-quote";

/** The outcome of parsing an integer: its value, or Go's error text. */
export type GoParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parse like `strconv.ParseInt(s, base, bits)`. Errors read
 * `strconv.ParseInt: parsing "x": invalid syntax` or `...: value out of range`.
 */
export function parseGoInt(s: string, base: 0 | 10, bits: 32 | 64): GoParseResult<number> {
  const fail = (why: string): GoParseResult<number> => ({
    ok: false,
    error: `strconv.ParseInt: parsing ${goQuote(s)}: ${why}`,
  });
  if (s === "") return fail("invalid syntax");
  let body = s;
  let negative = false;
  if (body[0] === "+" || body[0] === "-") {
    negative = body[0] === "-";
    body = body.slice(1);
  }
  const unsigned = parseGoUint(body, base);
  if (unsigned === "syntax") return fail("invalid syntax");
  if (unsigned === "range") return fail("value out of range");
  const cutoff = 1n << BigInt(bits - 1);
  if (!negative && unsigned >= cutoff) return fail("value out of range");
  if (negative && unsigned > cutoff) return fail("value out of range");
  return { ok: true, value: Number(negative ? -unsigned : unsigned) };
}

function parseGoUint(s0: string, base0: 0 | 10): bigint | "syntax" | "range" {
  if (s0 === "") return "syntax";
  let s = s0;
  let base = 10;
  if (base0 === 0 && s[0] === "0") {
    const second = (s[1] ?? "").toLowerCase();
    if (s.length >= 3 && second === "b") [base, s] = [2, s.slice(2)];
    else if (s.length >= 3 && second === "o") [base, s] = [8, s.slice(2)];
    else if (s.length >= 3 && second === "x") [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  const max = (1n << 64n) - 1n;
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === "_" && base0 === 0) {
      underscores = true;
      continue;
    }
    const d = digitValue(c);
    if (d < 0 || d >= base) return "syntax";
    n = n * BigInt(base) + BigInt(d);
    if (n > max) return "range";
  }
  if (underscores && !underscoreOK(s0)) return "syntax";
  return n;
}

function digitValue(c: string): number {
  const code = c.toLowerCase().charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 97 + 10;
  return -1;
}

/** Go's rule: underscores only between digits, or right after a base prefix. */
function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  let hex = false;
  const second = (s[1] ?? "").toLowerCase();
  if (s.length >= 2 && s[0] === "0" && (second === "b" || second === "o" || second === "x")) {
    i = 2;
    saw = "0";
    hex = second === "x";
  }
  for (; i < s.length; i++) {
    const c = s[i].toLowerCase();
    if ((c >= "0" && c <= "9") || (hex && c >= "a" && c <= "f")) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** Go's `strconv.ParseBool`: `1 t T TRUE true True` and `0 f F FALSE false False`. */
export function parseGoBool(s: string): GoParseResult<boolean> {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return { ok: true, value: true };
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return { ok: true, value: false };
  return { ok: false, error: `strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax` };
}
