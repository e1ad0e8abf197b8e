/**
 * Value formats kubectl's describers use: RFC 1123Z times, human durations, canonical resource
 * quantities, label sets and selectors.
 */
import type { StringMap } from "../../model/types";
import { parseTime } from "../../runtime/clock";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Go's `time.RFC1123Z` in UTC (`Mon, 02 Mar 2026 09:14:05 +0000`); the zero time for a missing timestamp. */
export function rfc1123z(ts: string | undefined | null): string {
  const ms = parseTime(ts);
  if (Number.isNaN(ms)) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** apimachinery's `duration.HumanDuration`, shared with the table printers. */
export { humanDuration } from "../printers/human-duration";
import { humanDuration } from "../printers/human-duration";

/** describe.go's `translateTimestampSince`: the age of a timestamp at `now`, `<unknown>` when unset. */
export function timestampSince(ts: string | undefined | null, now: number): string {
  const ms = parseTime(ts);
  if (Number.isNaN(ms)) return "<unknown>";
  return humanDuration(now - ms);
}

const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;
const BINARY_EXP: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: "n", [-6]: "u", [-3]: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E" };
const BINARY_SUFFIX = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/** A parsed quantity: value = mantissa × 10^exponent, with the format its suffix implies. */
export interface ParsedQuantity {
  mantissa: bigint;
  exponent: number;
  format: "BinarySI" | "DecimalSI" | "DecimalExponent";
}

/** Parses a quantity as apimachinery does (rounding up to nano precision); undefined when invalid. */
export function parseQuantityExact(q: string | number | undefined | null): ParsedQuantity | undefined {
  if (q === undefined || q === null) return undefined;
  const m = QUANTITY.exec(String(q).trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const frac = m[3] ?? "";
  let mantissa = BigInt((m[2] || "0") + frac);
  let exponent = -frac.length;
  let format: ParsedQuantity["format"] = "DecimalSI";
  if (m[4] && BINARY_EXP[m[4]] !== undefined) {
    mantissa *= 1n << BigInt(10 * BINARY_EXP[m[4]]);
    format = "BinarySI";
  } else if (m[4]) exponent += DECIMAL_EXP[m[4]];
  else if (m[5] !== undefined) {
    exponent += Number(m[5]);
    format = "DecimalExponent";
  }
  if (exponent < -9) {
    const div = 10n ** BigInt(-9 - exponent);
    mantissa = (mantissa + div - 1n) / div;
    exponent = -9;
  }
  if (m[1] === "-") mantissa = -mantissa;
  return { mantissa, exponent, format };
}

/** Adds quantities (the format of the first one wins, as `Quantity.Add` keeps the receiver's). */
export function addQuantities(a: ParsedQuantity | undefined, b: ParsedQuantity | undefined): ParsedQuantity | undefined {
  if (!a) return b;
  if (!b) return a;
  const e = Math.min(a.exponent, b.exponent);
  const ma = a.mantissa * 10n ** BigInt(a.exponent - e);
  const mb = b.mantissa * 10n ** BigInt(b.exponent - e);
  return { mantissa: ma + mb, exponent: e, format: a.format };
}

/** The value of a parsed quantity multiplied by 10^scale, rounded up (`MilliValue` is scale 3). */
export function scaledValue(q: ParsedQuantity | undefined, scale: number): number {
  if (!q) return 0;
  const e = q.exponent + scale;
  if (e >= 0) return Number(q.mantissa * 10n ** BigInt(e));
  const div = 10n ** BigInt(-e);
  const m = q.mantissa;
  const quot = m / div;
  return Number(m % div !== 0n && m > 0n ? quot + 1n : quot);
}

/** `Quantity.String()`: the canonical form (`0.5` → `500m`, `1024Mi` → `1Gi`, `2000` → `2k`). */
export function formatQuantity(q: ParsedQuantity | undefined): string {
  if (!q || q.mantissa === 0n) return "0";
  let format = q.format;
  if (format === "BinarySI") {
    const small = absLess(q, 1024n);
    const integer = q.exponent >= 0 || q.mantissa % 10n ** BigInt(-q.exponent) === 0n;
    if (small || !integer) format = "DecimalSI";
    else {
      let v = q.exponent >= 0 ? q.mantissa * 10n ** BigInt(q.exponent) : q.mantissa / 10n ** BigInt(-q.exponent);
      let k = 0;
      while (k < 6 && v % 1024n === 0n) {
        v /= 1024n;
        k++;
      }
      return `${v}${BINARY_SUFFIX[k]}`;
    }
  }
  let m = q.mantissa;
  let e = q.exponent;
  while (m % 10n === 0n) {
    m /= 10n;
    e++;
  }
  const r = e % 3;
  if (r === 1 || r === -2) {
    m *= 10n;
    e -= 1;
  } else if (r === 2 || r === -1) {
    m *= 100n;
    e -= 2;
  }
  if (format === "DecimalSI" && DECIMAL_SUFFIX[e] !== undefined) return `${m}${DECIMAL_SUFFIX[e]}`;
  return e === 0 ? `${m}` : `${m}e${e}`;
}

function absLess(q: ParsedQuantity, limit: bigint): boolean {
  const m = q.mantissa < 0n ? -q.mantissa : q.mantissa;
  if (q.exponent >= 0) return m * 10n ** BigInt(q.exponent) < limit;
  return m < limit * 10n ** BigInt(-q.exponent);
}

/** A quantity string in canonical form, as describe prints it; the input unchanged when it does not parse. */
export function canonicalQuantity(q: string | number | undefined | null): string {
  const parsed = parseQuantityExact(q);
  return parsed ? formatQuantity(parsed) : String(q ?? "");
}

/** `labels.FormatLabels`: the `key=value` strings sorted (as strings) and comma-joined, `<none>` when empty. */
export function formatLabels(labels: StringMap | undefined | null): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  if (pairs.length === 0) return "<none>";
  return pairs.sort().join(",");
}

/** Selectors as `metav1.FormatLabelSelector` prints them, shared with the table printers. */
export { labelSelectorString as selectorString, formatLabelSelector } from "../printers/selectors";
