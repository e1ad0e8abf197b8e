/**
 * Go's `time.ParseDuration`, as pflag uses it for `duration` flags (`--since=5m`,
 * `--timeout=30s`), with Go's exact error texts.
 */
import type { GoParseResult } from "./go-parse-int";
import { goTimeQuote } from "./go-quote";

const UNIT_NANOS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  "\u00b5s": 1e3,
  "\u03bcs": 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const MAX_NANOS = 2 ** 63;

/**
 * Parse a Go duration string (`300ms`, `-1.5h`, `2h45m`) into milliseconds. Errors read
 * `time: invalid duration "x"`, `time: missing unit in duration "5"`,
 * `time: unknown unit "x" in duration "5x"`.
 */
export function parseGoDuration(orig: string): GoParseResult<number> {
  const invalid: GoParseResult<number> = { ok: false, error: `time: invalid duration ${goTimeQuote(orig)}` };
  let s = orig;
  let negative = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, value: 0 };
  if (s === "") return invalid;
  let total = 0;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]))) return invalid;
    const intMatch = /^[0-9]*/.exec(s)![0];
    s = s.slice(intMatch.length);
    let fraction = "";
    if (s[0] === ".") {
      s = s.slice(1);
      fraction = /^[0-9]*/.exec(s)![0];
      s = s.slice(fraction.length);
      if (intMatch === "" && fraction === "") return invalid;
    } else if (intMatch === "") return invalid;
    let unitEnd = 0;
    while (unitEnd < s.length && s[unitEnd] !== "." && !isDigit(s[unitEnd])) unitEnd++;
    if (unitEnd === 0) return { ok: false, error: `time: missing unit in duration ${goTimeQuote(orig)}` };
    const unit = s.slice(0, unitEnd);
    s = s.slice(unitEnd);
    const scale = UNIT_NANOS[unit];
    if (scale === undefined) {
      return { ok: false, error: `time: unknown unit ${goTimeQuote(unit)} in duration ${goTimeQuote(orig)}` };
    }
    const whole = intMatch === "" ? 0 : Number(intMatch);
    if (whole * scale >= MAX_NANOS) return invalid;
    total += whole * scale + (fraction === "" ? 0 : Number("0." + fraction) * scale);
    if (total > MAX_NANOS) return invalid;
  }
  const ms = total / 1e6;
  return { ok: true, value: negative ? -ms : ms };
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
