import crypto from "node:crypto";
import { findAssignedSeed } from "../classes/find-assigned-seed";
import { db } from "../db";
import { ApiError } from "../http/errors";
import { observeAttemptStarted } from "../observability/metrics";
import { ENGINE_VERSION, findScenario } from "./engine-session";

/** Options for {@link createAttempt}. */
export interface CreateAttemptOptions {
  userId: string;
  scenarioId: string;
  /** "resume": reuse the user's latest attempt in progress on this scenario, if any. "new": a new variant. */
  mode: "resume" | "new";
}

/** Starts an attempt on a scenario with a fresh random seed (or resumes one); returns its id. */
export async function createAttempt(options: CreateAttemptOptions): Promise<{ id: string; resumed: boolean }> {
  if (!findScenario(options.scenarioId)) throw new ApiError("not_found", "Scenario not found.");
  if (options.mode === "resume") {
    const current = await db.attempt.findFirst({
      where: { userId: options.userId, scenarioId: options.scenarioId, status: "in_progress", engineVersion: ENGINE_VERSION },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    if (current) return { id: current.id, resumed: true };
  }
  const attempt = await db.attempt.create({
    data: {
      userId: options.userId,
      scenarioId: options.scenarioId,
      // A class assignment with a fixed variant decides the seed; otherwise a fresh one.
      seed: (await findAssignedSeed({ userId: options.userId, scenarioId: options.scenarioId })) ?? crypto.randomInt(1, 2 ** 31 - 1),
      engineVersion: ENGINE_VERSION,
    },
    select: { id: true },
  });
  observeAttemptStarted({ scenarioId: options.scenarioId });
  return { id: attempt.id, resumed: false };
}
