import { db } from "../db";

/** The classes the user has joined as a learner, newest first. */
export async function listJoinedClasses(options: { userId: string }): Promise<{ id: string; name: string; description: string; archived: boolean; joinedAt: string }[]> {
  const memberships = await db.classMember.findMany({
    where: { userId: options.userId },
    orderBy: { joinedAt: "desc" },
    select: { joinedAt: true, class: { select: { id: true, name: true, description: true, archivedAt: true } } },
  });
  return memberships.map((m) => ({
    id: m.class.id,
    name: m.class.name,
    description: m.class.description,
    archived: m.class.archivedAt !== null,
    joinedAt: m.joinedAt.toISOString(),
  }));
}
