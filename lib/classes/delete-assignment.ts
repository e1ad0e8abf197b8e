import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { ApiError } from "../http/errors";

/** Withdraws an assignment from one of the user's classes (attempts are kept); 404 otherwise. */
export async function deleteAssignment(options: { user: SessionUser; classId: string; assignmentId: string }): Promise<void> {
  const { count } = await db.assignment.deleteMany({
    where: { id: options.assignmentId, classId: options.classId, class: { instructorId: options.user.id } },
  });
  if (count === 0) throw new ApiError("not_found", "Assignment not found.");
}
