import type { ActionType, AttemptStatus } from "@prisma/client";
import { db } from "../db";
import { attemptTitle, ENGINE_VERSION, findScenario, isGeneratedScenario, type Grade } from "./engine-session";
import { attemptNotFound } from "./errors";
import { loadLiveSession } from "./load-live-session";

/** One recorded action as the terminal replays it. */
export interface HistoryEntry {
  seq: number;
  type: ActionType;
  input: string;
  output: string;
  exitCode: number;
  virtualMs: number;
  grade: Grade | null;
}

/** Everything the attempt page needs to show an attempt where it stands. */
export interface AttemptView {
  id: string;
  scenarioId: string;
  /** The variant's seed (the attempt is reproducible from scenario + seed + actions). */
  seed: number;
  /** The scenario's title; for a generated incident, the incident's own title. */
  title: string;
  /** True for a generated incident (`incident:<family>:<difficulty>`). */
  generated: boolean;
  family: string;
  difficulty: number;
  status: AttemptStatus;
  score: number | null;
  startedAt: string;
  lastVirtualMs: number;
  brief: string;
  prompt: string;
  /** False when the attempt was recorded by another engine version: view only. */
  playable: boolean;
  history: HistoryEntry[];
}

/** Options for {@link getAttemptView}. */
export interface GetAttemptViewOptions {
  attemptId: string;
  userId: string;
}

/** The user's attempt with its history and live brief/prompt; 404 for anyone else's. */
export async function getAttemptView(options: GetAttemptViewOptions): Promise<AttemptView> {
  const attempt = await db.attempt.findFirst({
    where: { id: options.attemptId, userId: options.userId },
    include: { actions: { orderBy: { seq: "asc" } } },
  });
  if (!attempt) throw attemptNotFound();
  const scenario = findScenario(attempt.scenarioId);
  const playable = scenario !== undefined && attempt.engineVersion === ENGINE_VERSION;
  let brief = "";
  let prompt = "$ ";
  let title = attemptTitle(attempt);
  if (playable) {
    const live = await loadLiveSession(db, attempt);
    brief = live.session.brief;
    prompt = live.session.prompt();
    title = live.session.title;
  }
  // A generated incident's own family and difficulty (the distribution may say "any").
  const inputs = attempt.generatorInputs as { family?: unknown; difficulty?: unknown } | null;
  return {
    id: attempt.id,
    scenarioId: attempt.scenarioId,
    seed: attempt.seed,
    title,
    generated: isGeneratedScenario(attempt.scenarioId),
    family: typeof inputs?.family === "string" ? inputs.family : (scenario?.family ?? ""),
    difficulty: typeof inputs?.difficulty === "number" ? inputs.difficulty : (scenario?.difficulty ?? 1),
    status: attempt.status,
    score: attempt.score,
    startedAt: attempt.startedAt.toISOString(),
    lastVirtualMs: attempt.lastVirtualMs,
    brief,
    prompt,
    playable,
    history: attempt.actions.map((a) => ({
      seq: a.seq,
      type: a.type,
      input: a.input,
      output: a.output,
      exitCode: a.exitCode,
      virtualMs: a.virtualMs,
      grade: (a.grade as Grade | null) ?? null,
    })),
  };
}
