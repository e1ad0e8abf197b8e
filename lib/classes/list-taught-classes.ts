import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import type { ClassSummary } from "./create-class";

/** A taught class with its head counts. */
export interface TaughtClass extends ClassSummary {
  learners: number;
  assignments: number;
}

/** The classes the user teaches, newest first (none for learners). */
export async function listTaughtClasses(options: { user: SessionUser }): Promise<TaughtClass[]> {
  const classes = await db.class.findMany({
    where: { instructorId: options.user.id },
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { members: true, assignments: true } } },
  });
  return classes.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    joinCode: c.joinCode,
    archivedAt: c.archivedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    learners: c._count.members,
    assignments: c._count.assignments,
  }));
}
