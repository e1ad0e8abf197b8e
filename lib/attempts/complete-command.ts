import { db } from "../db";
import { completeLine, ENGINE_VERSION } from "./engine-session";
import { attemptNotFound } from "./errors";
import { loadLiveSession } from "./load-live-session";

/** Options for {@link completeCommand}. */
export interface CompleteCommandOptions {
  attemptId: string;
  userId: string;
  line: string;
}

/** Tab-completion candidates for the last word of `line` in the user's attempt (nothing is recorded). */
export async function completeCommand(options: CompleteCommandOptions): Promise<string[]> {
  const attempt = await db.attempt.findFirst({
    where: { id: options.attemptId, userId: options.userId },
    select: { id: true, scenarioId: true, seed: true, status: true, engineVersion: true },
  });
  if (!attempt) throw attemptNotFound();
  if (attempt.status !== "in_progress" || attempt.engineVersion !== ENGINE_VERSION) return [];
  const live = await loadLiveSession(db, attempt);
  return completeLine(live, options.line).slice(0, 200);
}
