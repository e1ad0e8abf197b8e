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
 * seconds since 1970 no longer fit one).
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
    s = new Date(sec * 1000).toISOString().replace(".000Z", "Z");
    formatted.set(key, s);
  }
  lastSec = sec;
  lastText = s;
  return s;
}

/** Parses an RFC 3339 timestamp to ms since the epoch (NaN when invalid). */
export function parseTime(ts: string | undefined | null): number {
  return ts ? Date.parse(ts) : NaN;
}
