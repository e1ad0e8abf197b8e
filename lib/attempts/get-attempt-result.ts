import type { AttemptStatus } from "@prisma/client";
import { db } from "../db";
import { attemptTitle, describeVariant, findScenario, isGeneratedScenario, type Grade } from "./engine-session";
import { attemptNotFound } from "./errors";
import type { HistoryEntry } from "./get-attempt-view";

/** The result page of an attempt: verdict, last grade, explanation, solution, full replay. */
export interface AttemptResult {
  id: string;
  scenarioId: string;
  /** The scenario's title; for a generated incident, the incident's own title. */
  title: string;
  /** True for a generated incident. */
  generated: boolean;
  status: AttemptStatus;
  score: number | null;
  startedAt: string;
  finishedAt: string | null;
  /** Virtual time the learner spent (ms), from the first to the last action. */
  durationMs: number;
  grade: Grade | null;
  hintsUsed: number;
  explanation: string;
  solution: string[];
  history: HistoryEntry[];
}

/** Options for {@link getAttemptResult}. */
export interface GetAttemptResultOptions {
  attemptId: string;
  userId: string;
}

/** The user's attempt as a result; 404 for anyone else's. */
export async function getAttemptResult(options: GetAttemptResultOptions): Promise<AttemptResult> {
  const attempt = await db.attempt.findFirst({
    where: { id: options.attemptId, userId: options.userId },
    include: { actions: { orderBy: { seq: "asc" } } },
  });
  if (!attempt) throw attemptNotFound();
  const history: HistoryEntry[] = attempt.actions.map((a) => ({
    seq: a.seq,
    type: a.type,
    input: a.input,
    output: a.output,
    exitCode: a.exitCode,
    virtualMs: a.virtualMs,
    grade: (a.grade as Grade | null) ?? null,
  }));
  const lastGrade = [...history].reverse().find((h) => h.grade)?.grade ?? null;
  // The solution is only revealed once the attempt is over.
  const finished = attempt.status !== "in_progress";
  const variant = finished && findScenario(attempt.scenarioId) ? describeVariant(attempt.scenarioId, attempt.seed) : null;
  return {
    id: attempt.id,
    scenarioId: attempt.scenarioId,
    title: variant?.title ?? attemptTitle(attempt),
    generated: isGeneratedScenario(attempt.scenarioId),
    status: attempt.status,
    score: attempt.score,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    durationMs: attempt.lastVirtualMs,
    grade: lastGrade,
    hintsUsed: history.filter((h) => h.type === "hint" && h.exitCode === 0).length,
    explanation: variant?.explanation ?? "",
    solution: variant?.solution ?? [],
    history,
  };
}
