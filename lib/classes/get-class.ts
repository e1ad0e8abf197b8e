import type { SessionUser } from "../auth/session-user";
import { findScenario, isGeneratedScenario } from "../attempts/engine-session";
import { db } from "../db";
import type { AssignmentView } from "./create-assignment";
import type { ClassSummary } from "./create-class";
import { classNotFound } from "./errors";
import { learnerLabel } from "./learner-label";

/** A learner of a class, as the instructor sees them. */
export interface ClassLearner {
  userId: string;
  /** Name, else email, else "Guest …". */
  label: string;
  email: string | null;
  joinedAt: string;
}

/** One of the instructor's classes with its learners and assignments. */
export interface ClassDetail extends ClassSummary {
  learners: ClassLearner[];
  assignments: AssignmentView[];
}

/** One of the user's classes, in full; 404 for anyone else's. */
export async function getClass(options: { user: SessionUser; classId: string }): Promise<ClassDetail> {
  const found = await db.class.findFirst({
    where: { id: options.classId, instructorId: options.user.id },
    include: {
      members: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { joinedAt: "asc" } },
      assignments: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!found) throw classNotFound();
  return {
    id: found.id,
    name: found.name,
    description: found.description,
    joinCode: found.joinCode,
    archivedAt: found.archivedAt?.toISOString() ?? null,
    createdAt: found.createdAt.toISOString(),
    learners: found.members
      .map((m) => ({ userId: m.userId, label: learnerLabel(m.user), email: m.user.email, joinedAt: m.joinedAt.toISOString() }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    assignments: found.assignments.map((a) => ({
      id: a.id,
      scenarioId: a.scenarioId,
      title: findScenario(a.scenarioId)?.title ?? a.scenarioId,
      generated: isGeneratedScenario(a.scenarioId),
      opensAt: a.opensAt?.toISOString() ?? null,
      dueAt: a.dueAt?.toISOString() ?? null,
      seed: a.seed,
    })),
  };
}
