import crypto from "node:crypto";
import type { SessionUser } from "../auth/session-user";
import { findScenario } from "../attempts/engine-session";
import { db } from "../db";
import { ApiError } from "../http/errors";
import type { CreateAssignmentInput } from "../validations/class";
import { classNotFound } from "./errors";

/** An assignment as the instructor sees it. */
export interface AssignmentView {
  id: string;
  scenarioId: string;
  title: string;
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

/** Assigns a scenario to one of the user's classes; 409 when it is already assigned. */
export async function createAssignment(options: CreateAssignmentOptions): Promise<AssignmentView> {
  const scenario = findScenario(options.scenarioId);
  if (!scenario) throw new ApiError("validation_failed", "No scenario has this id.", [{ path: "scenarioId", message: "unknown scenario" }]);
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
    opensAt: created.opensAt?.toISOString() ?? null,
    dueAt: created.dueAt?.toISOString() ?? null,
    seed: created.seed,
  };
}
