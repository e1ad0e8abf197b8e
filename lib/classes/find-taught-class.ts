import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { classNotFound } from "./errors";

/** The user's class with its assigned scenario ids; 404 when the class is not theirs. */
export async function findTaughtClass(options: { user: SessionUser; classId: string }): Promise<{ id: string; name: string; scenarioIds: string[] }> {
  const found = await db.class.findFirst({
    where: { id: options.classId, instructorId: options.user.id },
    select: { id: true, name: true, assignments: { select: { scenarioId: true } } },
  });
  if (!found) throw classNotFound();
  return { id: found.id, name: found.name, scenarioIds: found.assignments.map((a) => a.scenarioId) };
}
