import type { AttemptStatus } from "@prisma/client";
import { db } from "../db";
import { attemptTitle, findScenario } from "./engine-session";

/** One generated-incident attempt, as the catalogue and the progress page list it. */
export interface GeneratedAttempt {
  attemptId: string;
  scenarioId: string;
  /** The incident's own title. */
  title: string;
  /** The distribution it was drawn from ("Generated incident · … · difficulty 2"). */
  drawnFrom: string;
  status: AttemptStatus;
  score: number | null;
  startedAt: string;
}

/** Where the user stands on generated incidents: counts, best score, latest attempts. */
export interface GeneratedProgress {
  attempts: number;
  solved: number;
  bestScore: number | null;
  /** The latest attempts, newest first (at most `recent` of them). */
  recent: GeneratedAttempt[];
}

/** Options for {@link listGeneratedProgress}. */
export interface ListGeneratedProgressOptions {
  userId: string | null;
  /** How many of the latest attempts to list (default 6). */
  recent?: number;
}

/** Generated-incident ids all start so (the engine's `incident:<family>:<difficulty>`). */
const GENERATED_PREFIX = "incident:";

/** The user's generated-incident attempts: totals over all of them and the latest few. */
export async function listGeneratedProgress(options: ListGeneratedProgressOptions): Promise<GeneratedProgress> {
  if (!options.userId) return { attempts: 0, solved: 0, bestScore: null, recent: [] };
  const where = { userId: options.userId, scenarioId: { startsWith: GENERATED_PREFIX } };
  const [totals, recent] = await Promise.all([
    db.attempt.groupBy({ by: ["status"], where, _count: { _all: true }, _max: { score: true } }),
    db.attempt.findMany({
      where,
      orderBy: { startedAt: "desc" },
      take: options.recent ?? 6,
      select: { id: true, scenarioId: true, generatorInputs: true, status: true, score: true, startedAt: true },
    }),
  ]);
  const scores = totals.map((t) => t._max.score).filter((s): s is number => s !== null);
  return {
    attempts: totals.reduce((n, t) => n + t._count._all, 0),
    solved: totals.find((t) => t.status === "passed")?._count._all ?? 0,
    bestScore: scores.length ? Math.max(...scores) : null,
    recent: recent.map((a) => ({
      attemptId: a.id,
      scenarioId: a.scenarioId,
      title: attemptTitle(a),
      drawnFrom: findScenario(a.scenarioId)?.title ?? a.scenarioId,
      status: a.status,
      score: a.score,
      startedAt: a.startedAt.toISOString(),
    })),
  };
}
