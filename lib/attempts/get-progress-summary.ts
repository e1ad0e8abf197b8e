import type { AttemptStatus } from "@prisma/client";
import { db } from "../db";
import { attemptTitle, catalogue, isGeneratedScenario, type ScenarioSummary } from "./engine-session";

/** Solved and total scenarios of one family. */
export interface FamilyProgress {
  family: string;
  solved: number;
  total: number;
}

/** One finished attempt, for the scores-over-time chart. */
export interface ScorePoint {
  attemptId: string;
  scenarioId: string;
  title: string;
  finishedAt: string;
  score: number;
  status: AttemptStatus;
}

/** The progress page: what is solved, scores over time, time spent, what to try next. */
export interface ProgressSummary {
  families: FamilyProgress[];
  scores: ScorePoint[];
  attemptsStarted: number;
  /** Catalogue scenarios solved at least once. */
  solvedCount: number;
  /** Generated incidents: attempts started and attempts passed (each one is a different incident). */
  generated: { attempts: number; solved: number };
  /** Virtual time spent in attempts (ms): what the learner's clocks counted. */
  timeSpentMs: number;
  inProgress: { attemptId: string; scenarioId: string; title: string; startedAt: string }[];
  next: ScenarioSummary[];
}

/** Options for {@link getProgressSummary}. */
export interface GetProgressSummaryOptions {
  userId: string;
}

/** Summarises the user's attempts against the catalogue. */
export async function getProgressSummary(options: GetProgressSummaryOptions): Promise<ProgressSummary> {
  const scenarios = catalogue();
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const attempts = await db.attempt.findMany({
    where: { userId: options.userId },
    orderBy: { startedAt: "asc" },
    select: { id: true, scenarioId: true, generatorInputs: true, status: true, score: true, startedAt: true, finishedAt: true, lastVirtualMs: true },
  });
  const solved = new Set(attempts.filter((a) => a.status === "passed" && byId.has(a.scenarioId)).map((a) => a.scenarioId));
  const generatedAttempts = attempts.filter((a) => isGeneratedScenario(a.scenarioId));
  const tried = new Set(attempts.map((a) => a.scenarioId));

  const familyNames = [...new Set(scenarios.map((s) => s.family))];
  const families = familyNames.map((family) => {
    const inFamily = scenarios.filter((s) => s.family === family);
    return { family, total: inFamily.length, solved: inFamily.filter((s) => solved.has(s.id)).length };
  });

  // Next: the easiest unsolved scenarios, untried ones first, from families already started first.
  const startedFamilies = new Set([...tried].map((id) => byId.get(id)?.family));
  const next = scenarios
    .filter((s) => !solved.has(s.id))
    .sort(
      (a, b) =>
        Number(tried.has(a.id)) - Number(tried.has(b.id)) ||
        a.difficulty - b.difficulty ||
        Number(!startedFamilies.has(a.family)) - Number(!startedFamilies.has(b.family)),
    )
    .slice(0, 3);

  return {
    families,
    scores: attempts
      .filter((a) => a.finishedAt && a.score !== null)
      .map((a) => ({
        attemptId: a.id,
        scenarioId: a.scenarioId,
        title: attemptTitle(a),
        finishedAt: a.finishedAt!.toISOString(),
        score: a.score!,
        status: a.status,
      }))
      .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt)),
    attemptsStarted: attempts.length,
    solvedCount: solved.size,
    generated: { attempts: generatedAttempts.length, solved: generatedAttempts.filter((a) => a.status === "passed").length },
    timeSpentMs: attempts.reduce((sum, a) => sum + a.lastVirtualMs, 0),
    inProgress: attempts
      .filter((a) => a.status === "in_progress")
      .reverse()
      .map((a) => ({ attemptId: a.id, scenarioId: a.scenarioId, title: attemptTitle(a), startedAt: a.startedAt.toISOString() })),
    next,
  };
}
