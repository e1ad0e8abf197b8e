import type { BackoffEntry } from "./state";

/**
 * The kubelet's back-off (`client-go/util/flowcontrol.Backoff`): 10 s doubling to 300 s for
 * crashing containers and failing image pulls; an entry untouched for twice the maximum is
 * forgotten, so the back-off starts again from 10 s.
 */

/** Initial back-off. */
export const BACKOFF_INITIAL_MS = 10_000;
/** Maximum back-off (`MaxContainerBackOff`, `MaxImageBackOff`). */
export const BACKOFF_MAX_MS = 300_000;

function expired(entry: BackoffEntry, nowMs: number): boolean {
  return nowMs - entry.lastUpdateMs > 2 * BACKOFF_MAX_MS;
}

/** `Backoff.Next`: the entry after one more failure at `nowMs`. */
export function nextBackoff(entry: BackoffEntry | undefined, nowMs: number): BackoffEntry {
  if (!entry || expired(entry, nowMs)) return { durationMs: BACKOFF_INITIAL_MS, lastUpdateMs: nowMs };
  return { durationMs: Math.min(entry.durationMs * 2, BACKOFF_MAX_MS), lastUpdateMs: nowMs };
}

/** `Backoff.IsInBackOffSince`: whether `nowMs` is within the back-off counted from `sinceMs` (a container's finish). */
export function inBackoffSince(entry: BackoffEntry | undefined, sinceMs: number, nowMs: number): boolean {
  if (!entry || expired(entry, nowMs)) return false;
  return nowMs - sinceMs < entry.durationMs;
}

/** `Backoff.IsInBackOffSinceUpdate`: whether `nowMs` is within the back-off counted from the last failure. */
export function inBackoffSinceUpdate(entry: BackoffEntry | undefined, nowMs: number): boolean {
  if (!entry || expired(entry, nowMs)) return false;
  return nowMs - entry.lastUpdateMs < entry.durationMs;
}

/** A back-off as the kubelet prints it in messages (`10s`, `1m20s`, `5m0s`). */
export function backoffText(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  return `${Math.floor(s / 60)}m${s % 60}s`;
}
