import type { AttemptStatus } from "@prisma/client";
import { db } from "../db";
import { catalogue, type ScenarioSummary } from "./engine-session";

/** Where the user stands on one scenario. */
export type ScenarioStatus = "not_started" | "in_progress" | "passed" | "attempted";

/** A catalogue entry with the user's status and best score. */
export interface ScenarioProgress extends ScenarioSummary {
  status: ScenarioStatus;
  bestScore: number | null;
  attempts: number;
}

/** Options for {@link listScenarioProgress}. */
export interface ListScenarioProgressOptions {
  userId: string | null;
}

function statusOf(statuses: AttemptStatus[]): ScenarioStatus {
  if (statuses.length === 0) return "not_started";
  if (statuses.includes("passed")) return "passed";
  if (statuses.includes("in_progress")) return "in_progress";
  return "attempted";
}

/** Every scenario with the user's status and best score (derived from their attempts). */
export async function listScenarioProgress(options: ListScenarioProgressOptions): Promise<ScenarioProgress[]> {
  const rows = options.userId
    ? await db.attempt.groupBy({
        by: ["scenarioId", "status"],
        where: { userId: options.userId },
        _count: { _all: true },
        _max: { score: true },
      })
    : [];
  return catalogue().map((scenario) => {
    const mine = rows.filter((r) => r.scenarioId === scenario.id);
    const scores = mine.map((r) => r._max.score).filter((s): s is number => s !== null);
    return {
      ...scenario,
      status: statusOf(mine.map((r) => r.status)),
      bestScore: scores.length ? Math.max(...scores) : null,
      attempts: mine.reduce((n, r) => n + r._count._all, 0),
    };
  });
}
