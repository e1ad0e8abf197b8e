import type { AttemptStatus } from "@prisma/client";
import type { SessionUser } from "../auth/session-user";
import { attemptTitle } from "../attempts/engine-session";
import { db } from "../db";
import { ApiError } from "../http/errors";
import { findTaughtClass } from "./find-taught-class";
import { learnerLabel } from "./learner-label";

/** One attempt in a learner's list. */
export interface LearnerAttempt {
  id: string;
  scenarioId: string;
  title: string;
  status: AttemptStatus;
  score: number | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number;
  commands: number;
  hints: number;
}

/** A learner of the class and their attempts on its assigned scenarios, newest first. */
export interface LearnerAttempts {
  classId: string;
  className: string;
  userId: string;
  label: string;
  attempts: LearnerAttempt[];
}

/**
 * Every attempt of one learner of the user's class on the class's assigned scenarios;
 * 404 unless the class is the user's and the learner is in it.
 */
export async function listLearnerAttempts(options: { user: SessionUser; classId: string; learnerId: string }): Promise<LearnerAttempts> {
  const taught = await findTaughtClass(options);
  const member = await db.classMember.findUnique({
    where: { classId_userId: { classId: taught.id, userId: options.learnerId } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) throw new ApiError("not_found", "Learner not found in this class.");
  const attempts = await db.attempt.findMany({
    where: { userId: options.learnerId, scenarioId: { in: taught.scenarioIds }, user: { memberships: { some: { classId: taught.id } } } },
    orderBy: { startedAt: "desc" },
    select: { id: true, scenarioId: true, generatorInputs: true, status: true, score: true, startedAt: true, finishedAt: true, lastVirtualMs: true, commandCount: true, hintCount: true },
  });
  return {
    classId: taught.id,
    className: taught.name,
    userId: member.user.id,
    label: learnerLabel(member.user),
    attempts: attempts.map((a) => ({
      id: a.id,
      scenarioId: a.scenarioId,
      title: attemptTitle(a),
      status: a.status,
      score: a.score,
      startedAt: a.startedAt.toISOString(),
      finishedAt: a.finishedAt?.toISOString() ?? null,
      durationMs: a.lastVirtualMs,
      commands: a.commandCount,
      hints: a.hintCount,
    })),
  };
}
