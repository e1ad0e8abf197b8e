import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { ApiError } from "../http/errors";

/** Options for {@link joinClass}. */
export interface JoinClassOptions {
  user: SessionUser;
  /** A normalised join code (see joinCodeSchema). */
  code: string;
}

/** Joins the class with this code (idempotent); 404 for unknown codes, 409 for archived classes. */
export async function joinClass(options: JoinClassOptions): Promise<{ classId: string; name: string; joined: boolean }> {
  const found = await db.class.findUnique({ where: { joinCode: options.code }, select: { id: true, name: true, archivedAt: true, instructorId: true } });
  if (!found) throw new ApiError("not_found", "No class has this code. Check it with your instructor.");
  if (found.archivedAt) throw new ApiError("conflict", "This class is archived and no longer takes new learners.");
  if (found.instructorId === options.user.id) throw new ApiError("conflict", "You teach this class; learners join it.");
  const existing = await db.classMember.findUnique({ where: { classId_userId: { classId: found.id, userId: options.user.id } } });
  if (!existing) {
    await db.classMember.upsert({
      where: { classId_userId: { classId: found.id, userId: options.user.id } },
      create: { classId: found.id, userId: options.user.id },
      update: {},
    });
  }
  return { classId: found.id, name: found.name, joined: !existing };
}
