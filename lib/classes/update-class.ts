import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { classNotFound } from "./errors";

/** Options for {@link updateClass}. */
export interface UpdateClassOptions {
  user: SessionUser;
  classId: string;
  name?: string;
  description?: string;
  /** true archives the class (joins refused, hidden from learners), false restores it. */
  archived?: boolean;
}

/** Renames, re-describes, archives or restores one of the user's classes; 404 for anyone else's. */
export async function updateClass(options: UpdateClassOptions): Promise<{ id: string; archivedAt: string | null }> {
  const { count } = await db.class.updateMany({
    where: { id: options.classId, instructorId: options.user.id },
    data: {
      name: options.name,
      description: options.description,
      archivedAt: options.archived === undefined ? undefined : options.archived ? new Date() : null,
    },
  });
  if (count === 0) throw classNotFound();
  const updated = await db.class.findFirstOrThrow({ where: { id: options.classId, instructorId: options.user.id }, select: { id: true, archivedAt: true } });
  return { id: updated.id, archivedAt: updated.archivedAt?.toISOString() ?? null };
}
