import type { AttemptStatus } from "@prisma/client";
import { findScenario, isGeneratedScenario } from "../attempts/engine-session";
import { db } from "../db";

/** An assignment as the learner sees it in their catalogue. */
export interface MyAssignment {
  assignmentId: string;
  classId: string;
  className: string;
  scenarioId: string;
  title: string;
  difficulty: number;
  dueAt: string | null;
  fixedVariant: boolean;
  /** A generated incident: each learner plays their own (unless the variant is fixed). */
  generated: boolean;
  status: "not_started" | "in_progress" | "solved" | "attempted" | "overdue";
  bestScore: number | null;
}

/**
 * The open assignments of the user's active classes, soonest due first, with the
 * user's own standing on each (from their own attempts only).
 */
export async function listMyAssignments(options: { userId: string; now?: Date }): Promise<MyAssignment[]> {
  const now = options.now ?? new Date();
  const assignments = await db.assignment.findMany({
    where: {
      OR: [{ opensAt: null }, { opensAt: { lte: now } }],
      class: { archivedAt: null, members: { some: { userId: options.userId } } },
    },
    select: { id: true, scenarioId: true, dueAt: true, seed: true, class: { select: { id: true, name: true } } },
  });
  if (assignments.length === 0) return [];
  const attempts = await db.attempt.groupBy({
    by: ["scenarioId", "status"],
    where: { userId: options.userId, scenarioId: { in: assignments.map((a) => a.scenarioId) } },
    _max: { score: true },
  });
  return assignments
    .map((a): MyAssignment => {
      const mine = attempts.filter((r) => r.scenarioId === a.scenarioId);
      const statuses = new Set<AttemptStatus>(mine.map((r) => r.status));
      const scores = mine.map((r) => r._max.score).filter((s): s is number => s !== null);
      const scenario = findScenario(a.scenarioId);
      const status: MyAssignment["status"] = statuses.has("passed")
        ? "solved"
        : a.dueAt && now > a.dueAt
          ? "overdue"
          : statuses.has("in_progress")
            ? "in_progress"
            : statuses.size > 0
              ? "attempted"
              : "not_started";
      return {
        assignmentId: a.id,
        classId: a.class.id,
        className: a.class.name,
        scenarioId: a.scenarioId,
        title: scenario?.title ?? a.scenarioId,
        difficulty: scenario?.difficulty ?? 1,
        dueAt: a.dueAt?.toISOString() ?? null,
        fixedVariant: a.seed !== null,
        generated: isGeneratedScenario(a.scenarioId),
        status,
        bestScore: scores.length ? Math.max(...scores) : null,
      };
    })
    .filter((a) => findScenario(a.scenarioId))
    .sort((x, y) => (x.dueAt ?? "9999").localeCompare(y.dueAt ?? "9999") || x.title.localeCompare(y.title));
}
