import type { db } from "../db";
import { replayAttempt, type LiveSession } from "./engine-session";
import { sessionCache } from "./session-cache";

/** The attempt fields replay needs. */
export interface ReplayableAttempt {
  id: string;
  scenarioId: string;
  seed: number;
}

/**
 * The attempt's session as of its last committed action, for reading only
 * (completion, prompt): the cached one when it is current, else a replay
 * from the Action rows, which is then cached.
 */
export async function loadLiveSession(client: Pick<typeof db, "action">, attempt: ReplayableAttempt): Promise<LiveSession> {
  const last = await client.action.findFirst({ where: { attemptId: attempt.id }, orderBy: { seq: "desc" }, select: { seq: true } });
  const seq = last?.seq ?? 0;
  const cached = sessionCache.peek(attempt.id);
  if (cached && cached.seq === seq) return cached.live;
  const actions = await client.action.findMany({
    where: { attemptId: attempt.id, seq: { lte: seq } },
    orderBy: { seq: "asc" },
    select: { type: true, input: true, virtualMs: true },
  });
  const live = replayAttempt(attempt.scenarioId, attempt.seed, actions);
  sessionCache.put(attempt.id, { live, seq });
  return live;
}
