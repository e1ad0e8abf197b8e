import type { AttemptStatus } from "@prisma/client";
import type { SessionUser } from "../auth/session-user";
import { attemptTitle, type Grade } from "../attempts/engine-session";
import type { HistoryEntry } from "../attempts/get-attempt-view";
import { db } from "../db";
import { ApiError } from "../http/errors";
import { findTaughtClass } from "./find-taught-class";
import { learnerLabel } from "./learner-label";

/** A learner's attempt as their instructor replays it: every action, its output as shown, its time. */
export interface ClassAttemptReplay {
  classId: string;
  attemptId: string;
  userId: string;
  learner: string;
  scenarioId: string;
  title: string;
  seed: number;
  status: AttemptStatus;
  score: number | null;
  startedAt: string;
  durationMs: number;
  history: HistoryEntry[];
}

/**
 * One attempt of a learner of the user's class on one of its assigned scenarios,
 * with its full history; 404 for any other attempt (the conditions are in the query).
 */
export async function getClassAttemptReplay(options: { user: SessionUser; classId: string; attemptId: string }): Promise<ClassAttemptReplay> {
  const taught = await findTaughtClass(options);
  const attempt = await db.attempt.findFirst({
    where: {
      id: options.attemptId,
      scenarioId: { in: taught.scenarioIds },
      user: { memberships: { some: { classId: taught.id } } },
    },
    select: {
      id: true, userId: true, scenarioId: true, generatorInputs: true, seed: true, status: true, score: true, startedAt: true, lastVirtualMs: true,
      user: { select: { id: true, name: true, email: true } },
      actions: { orderBy: { seq: "asc" }, select: { seq: true, type: true, input: true, output: true, exitCode: true, virtualMs: true, grade: true } },
    },
  });
  if (!attempt) throw new ApiError("not_found", "Attempt not found.");
  return {
    classId: taught.id,
    attemptId: attempt.id,
    userId: attempt.userId,
    learner: learnerLabel(attempt.user),
    scenarioId: attempt.scenarioId,
    title: attemptTitle(attempt),
    seed: attempt.seed,
    status: attempt.status,
    score: attempt.score,
    startedAt: attempt.startedAt.toISOString(),
    durationMs: attempt.lastVirtualMs,
    history: attempt.actions.map((a) => ({ ...a, grade: (a.grade as Grade | null) ?? null })),
  };
}
