import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { ApiError } from "../http/errors";

/** Removes a learner from one of the user's classes; their attempts stay theirs. 404 when not there. */
export async function removeMember(options: { user: SessionUser; classId: string; userId: string }): Promise<void> {
  const { count } = await db.classMember.deleteMany({
    where: { classId: options.classId, userId: options.userId, class: { instructorId: options.user.id } },
  });
  if (count === 0) throw new ApiError("not_found", "Learner not found in this class.");
}
