import crypto from "node:crypto";
import type { SessionUser } from "../auth/session-user";
import { findScenario, generatedScenarioId, isGeneratedScenario, scenarioIdProblem } from "../attempts/engine-session";
import { db } from "../db";
import { ApiError } from "../http/errors";
import type { CreateAssignmentInput } from "../validations/class";
import { classNotFound } from "./errors";

/** An assignment as the instructor sees it. */
export interface AssignmentView {
  id: string;
  scenarioId: string;
  title: string;
  /** A generated-incident distribution: with no fixed seed, each learner plays their own incident. */
  generated: boolean;
  opensAt: string | null;
  dueAt: string | null;
  /** The fixed variant, or null when each learner draws their own. */
  seed: number | null;
}

/** Options for {@link createAssignment}. */
export interface CreateAssignmentOptions extends CreateAssignmentInput {
  user: SessionUser;
  classId: string;
}

/**
 * Assigns a scenario, or a generated-incident distribution (each learner then draws their own
 * incident unless the variant is fixed), to one of the user's classes; 409 when it is already assigned.
 */
export async function createAssignment(options: CreateAssignmentOptions): Promise<AssignmentView> {
  const scenarioId = options.incident ? generatedScenarioId(options.incident) : (options.scenarioId ?? "");
  const scenario = findScenario(scenarioId);
  if (!scenario) {
    const problem = scenarioIdProblem(scenarioId) ?? "unknown scenario";
    throw new ApiError("validation_failed", scenarioId.startsWith("incident:") ? `Request body is invalid: scenarioId: ${problem}` : "No scenario has this id.", [
      { path: "scenarioId", message: problem },
    ]);
  }
  const owned = await db.class.findFirst({ where: { id: options.classId, instructorId: options.user.id }, select: { id: true } });
  if (!owned) throw classNotFound();
  const seed = options.variant === "fixed" ? (options.seed ?? crypto.randomInt(1, 2 ** 31 - 1)) : null;
  const existing = await db.assignment.findUnique({ where: { classId_scenarioId: { classId: owned.id, scenarioId: scenario.id } } });
  if (existing) throw new ApiError("conflict", "This scenario is already assigned to the class.");
  const created = await db.assignment.create({
    data: { classId: owned.id, scenarioId: scenario.id, opensAt: options.opensAt, dueAt: options.dueAt, seed },
  });
  return {
    id: created.id,
    scenarioId: created.scenarioId,
    title: scenario.title,
    generated: isGeneratedScenario(created.scenarioId),
    opensAt: created.opensAt?.toISOString() ?? null,
    dueAt: created.dueAt?.toISOString() ?? null,
    seed: created.seed,
  };
}
