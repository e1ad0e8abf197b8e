/**
 * The virtual clock. Time is milliseconds since the Unix epoch, but it only moves when the
 * runner advances it; nothing in the engine reads the wall clock.
 */
export class VirtualClock {
  constructor(private nowMs: number) {}

  /** Current virtual time in ms since the epoch. */
  now(): number {
    return this.nowMs;
  }

  /** Moves time forward (never backward). */
  advanceTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }
}

/**
 * Formatted seconds, keyed by seconds since 2020 (a small integer V8 hashes directly, where
 * seconds since 1970 no longer fit one): the same second gives the same string, which later
 * comparisons of timestamps find equal at once.
 */
const formatted = new Map<number, string>();
const KEY_EPOCH_SEC = 1_577_836_800;
/** The last second formatted and its text: most calls repeat the instant being reconciled. */
let lastSec = NaN;
let lastText = "";

/** RFC 3339 with second precision, as the API server writes timestamps (`2026-03-02T09:14:05Z`). Memoised per second. */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec === lastSec) return lastText;
  const key = sec - KEY_EPOCH_SEC;
  let s = formatted.get(key);
  if (s === undefined) {
    if (formatted.size >= 50_000) formatted.clear();
    s = formatSecond(sec);
    formatted.set(key, s);
  }
  lastSec = sec;
  lastText = s;
  return s;
}

/** `00`…`59`: the two digits of an hour, minute or second. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
/** `2026-03-02T` by day since the epoch: a day's seconds share it, so only the time of day is formatted per second. */
const dayPrefixes = new Map<number, string>();
/** The largest |seconds since the epoch| a Date holds. */
const MAX_DATE_SEC = 8.64e12;

/** `new Date(sec * 1000).toISOString()` without its `.000` (throwing as it does for an instant no Date holds). */
function formatSecond(sec: number): string {
  if (!(Math.abs(sec) <= MAX_DATE_SEC)) return new Date(sec * 1000).toISOString();
  const day = Math.floor(sec / 86_400);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    // toISOString decides the date's spelling (years past 9999 included).
    const iso = new Date(day * 86_400_000).toISOString();
    prefix = iso.slice(0, iso.length - "00:00:00.000Z".length);
    if (dayPrefixes.size >= 10_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const tod = sec - day * 86_400;
  const minutes = Math.floor(tod / 60);
  return prefix + TWO_DIGITS[Math.floor(minutes / 60)] + ":" + TWO_DIGITS[minutes % 60] + ":" + TWO_DIGITS[tod % 60] + "Z";
}

/** Parsed timestamps: controllers parse the same few (conditions, creation times) on every pass. */
const parsed = new Map<string, number>();

/** Parses an RFC 3339 timestamp to ms since the epoch (NaN when invalid). Memoised per text. */
export function parseTime(ts: string | undefined | null): number {
  if (!ts) return NaN;
  let ms = parsed.get(ts);
  if (ms === undefined) {
    ms = Date.parse(ts);
    if (ts.length > 64) return ms;
    if (parsed.size >= 10_000) parsed.clear();
    parsed.set(ts, ms);
  }
  return ms;
}
