import crypto from "node:crypto";
import type { Prisma } from "@prisma/client";
import { findAssignedSeed } from "../classes/find-assigned-seed";
import { db } from "../db";
import { ApiError } from "../http/errors";
import { observeAttemptStarted } from "../observability/metrics";
import {
  ENGINE_VERSION,
  findScenario,
  generatedScenarioId,
  generateIncident,
  isGeneratedScenario,
  scenarioIdProblem,
  type IncidentRequest,
} from "./engine-session";
import { sessionCache } from "./session-cache";

/** Options for {@link createAttempt}: a scenario id, or a generated-incident request. */
export interface CreateAttemptOptions {
  userId: string;
  /** A catalogue scenario, or a generated-incident distribution (`incident:<family>:<difficulty>`). */
  scenarioId?: string;
  /** Instead of `scenarioId`: a generated incident of this family and difficulty (missing: any); always a new attempt. */
  incident?: IncidentRequest;
  /** "resume": reuse the user's latest attempt in progress on this scenario, if any. "new": a new variant. */
  mode: "resume" | "new";
}

/** A fresh seed, drawn by the server (the engine itself never draws randomness). */
function drawSeed(): number {
  return crypto.randomInt(1, 2 ** 31 - 1);
}

/**
 * Starts an attempt on a scenario with a fresh random seed (or resumes one); returns its id.
 * A class assignment decides the seed when there is one (a fixed variant, or a learner's own
 * generated incident). A generated incident's inputs and title are stored with the attempt.
 */
export async function createAttempt(options: CreateAttemptOptions): Promise<{ id: string; resumed: boolean }> {
  const scenarioId = options.incident ? generatedScenarioId(options.incident) : options.scenarioId;
  if (!scenarioId) throw new ApiError("validation_failed", "Send either scenarioId or incident.", [{ path: "scenarioId", message: "missing" }]);
  if (!findScenario(scenarioId)) {
    if (scenarioId.startsWith("incident:")) {
      const problem = scenarioIdProblem(scenarioId) ?? "invalid";
      throw new ApiError("validation_failed", `Request body is invalid: scenarioId: ${problem}`, [{ path: "scenarioId", message: problem }]);
    }
    throw new ApiError("not_found", "Scenario not found.");
  }
  const mode = options.incident ? "new" : options.mode;
  // A class assignment with a fixed variant (or a generated incident kept per learner) decides the seed.
  const assignedSeed = await findAssignedSeed({ userId: options.userId, scenarioId });
  if (mode === "resume") {
    const current = await db.attempt.findFirst({
      where: {
        userId: options.userId,
        scenarioId,
        status: "in_progress",
        engineVersion: ENGINE_VERSION,
        ...(assignedSeed !== undefined ? { seed: assignedSeed } : {}),
      },
      orderBy: { startedAt: "desc" },
      select: { id: true },
    });
    if (current) return { id: current.id, resumed: true };
  }
  const seed = assignedSeed ?? drawSeed();
  const generated = isGeneratedScenario(scenarioId) ? generateIncident(scenarioId, seed) : undefined;
  if (isGeneratedScenario(scenarioId) && !generated) throw new ApiError("internal", "The incident generator refused this scenario id.");
  const attempt = await db.attempt.create({
    data: {
      userId: options.userId,
      scenarioId,
      seed,
      engineVersion: ENGINE_VERSION,
      ...(generated ? { generatorInputs: generated.inputs as unknown as Prisma.InputJsonObject } : {}),
    },
    select: { id: true },
  });
  // The incident was built to read its inputs: keep it for the attempt's first action.
  if (generated) sessionCache.put(attempt.id, { live: generated.live, seq: 0 });
  observeAttemptStarted({ scenarioId });
  return { id: attempt.id, resumed: false };
}
