/**
 * Ages as kubectl prints them: apimachinery's `duration.HumanDuration` and
 * `ShortHumanDuration`, and the printers' `translateTimestampSince`.
 */
import { parseTime } from "../../runtime/clock";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's `int(d.Seconds())`: truncation toward zero. */
function wholeSeconds(ms: number): number {
  return Math.trunc(ms / SECOND);
}

/**
 * `duration.HumanDuration`: about two significant figures (`45s`, `5m12s`, `47m`, `3h20m`,
 * `30h`, `3d4h`, `400d`, `2y3d`). A slightly negative duration (clock skew under 2 s) is `0s`.
 */
export function humanDuration(ms: number): string {
  const seconds = wholeSeconds(ms);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** `duration.ShortHumanDuration`: one unit only (`45s`, `5m`, `3h`, `12d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = wholeSeconds(ms);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

const timeCache = new Map<string, number>();

/** `parseTime` memoised: tables parse the same few timestamps on every `get`. */
export function cachedTime(timestamp: string | undefined | null): number {
  if (!timestamp) return NaN;
  let t = timeCache.get(timestamp);
  if (t === undefined) {
    if (timeCache.size > 4096) timeCache.clear();
    t = parseTime(timestamp);
    timeCache.set(timestamp, t);
  }
  return t;
}

/**
 * The printers' `translateTimestampSince`: `<unknown>` for a missing (zero) timestamp,
 * otherwise the HumanDuration from `timestamp` to `nowMs`.
 */
export function translateTimestampSince(timestamp: string | undefined | null, nowMs: number): string {
  const t = cachedTime(timestamp);
  if (Number.isNaN(t)) return "<unknown>";
  return humanDuration(nowMs - t);
}
