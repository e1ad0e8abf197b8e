import type { db } from "../db";
import { applyStoredActions, replayAttempt, type LiveSession } from "./engine-session";
import { sessionCache } from "./session-cache";

/** The attempt fields replay needs. */
export interface ReplayableAttempt {
  id: string;
  scenarioId: string;
  seed: number;
}

/**
 * The attempt's session as of its last committed action, for reading only
 * (completion, prompt): the cached one when it is current (brought up to date
 * when another process stored actions since), else a replay from the Action
 * rows, which is then cached.
 */
export async function loadLiveSession(client: Pick<typeof db, "action">, attempt: ReplayableAttempt): Promise<LiveSession> {
  const last = await client.action.findFirst({ where: { attemptId: attempt.id }, orderBy: { seq: "desc" }, select: { seq: true } });
  const seq = last?.seq ?? 0;
  const cached = sessionCache.peek(attempt.id);
  if (cached && cached.seq === seq) return cached.live;
  if (cached && cached.seq < seq) {
    // Behind (another process stored actions since): take it out while it catches up.
    const behind = sessionCache.take(attempt.id);
    if (behind === cached) {
      const missed = await client.action.findMany({
        where: { attemptId: attempt.id, seq: { gt: cached.seq, lte: seq } },
        orderBy: { seq: "asc" },
        select: { type: true, input: true, virtualMs: true },
      });
      const live = applyStoredActions(cached.live, missed);
      const lastVirtualMs = missed.at(-1)?.virtualMs;
      sessionCache.put(attempt.id, { live, seq, attempt: cached.attempt && lastVirtualMs !== undefined ? { ...cached.attempt, lastVirtualMs: Math.max(cached.attempt.lastVirtualMs, lastVirtualMs) } : cached.attempt });
      return live;
    }
    if (behind) sessionCache.put(attempt.id, behind);
  }
  const actions = await client.action.findMany({
    where: { attemptId: attempt.id, seq: { lte: seq } },
    orderBy: { seq: "asc" },
    select: { type: true, input: true, virtualMs: true },
  });
  const live = replayAttempt(attempt.scenarioId, attempt.seed, actions);
  sessionCache.put(attempt.id, { live, seq });
  return live;
}
