/**
 * Waiting on the virtual clock: what a blocking kubectl command (`kubectl wait`) does while
 * the real one sits on a watch. The cluster is moved through its own timers, one instant at a
 * time, and the condition checked after each, until it holds or the deadline comes; the
 * cluster's clock then stays where the wait ended.
 */
import type { Cluster } from "../../../runtime/cluster";

/** A guard against a controller that keeps asking to be woken at the same instant. */
const MAX_STEPS = 1_000_000;

/**
 * Checks `met` now, then after each instant the cluster changes at, up to (not including)
 * `deadlineMs`. True as soon as `met` holds (the clock stays at that instant); false when the
 * deadline came first (the clock is then at the deadline).
 */
export function waitUntil(cluster: Cluster, deadlineMs: number, met: () => boolean): boolean {
  if (met()) return true;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = cluster.nextWakeAt();
    if (next === undefined || next >= deadlineMs) break;
    cluster.advanceTo(Math.max(next, cluster.now()));
    if (met()) return true;
  }
  cluster.advanceTo(deadlineMs);
  return false;
}

/**
 * Polls `done` every `intervalMs` from now (the first time at once), as `wait.PollUntilContextTimeout`
 * does, until it answers or `deadlineMs` passes. Polls at which nothing can have changed are
 * skipped (the cluster only changes at its timers). Undefined on timeout (the clock is then at
 * the deadline).
 */
export function pollUntil<T>(cluster: Cluster, intervalMs: number, deadlineMs: number, done: () => T | undefined): T | undefined {
  const start = cluster.now();
  let answer = done();
  if (answer !== undefined) return answer;
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = cluster.nextWakeAt();
    if (next === undefined) break;
    const poll = start + Math.max(1, Math.ceil((Math.max(next, cluster.now()) - start) / intervalMs)) * intervalMs;
    if (poll >= deadlineMs) break;
    cluster.advanceTo(poll);
    answer = done();
    if (answer !== undefined) return answer;
  }
  cluster.advanceTo(deadlineMs);
  return undefined;
}
