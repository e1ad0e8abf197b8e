import { db } from "../db";

/** The name of the class a join code opens, for the join page (null when unknown or archived). */
export async function findClassByCode(code: string): Promise<{ name: string; description: string } | null> {
  const found = await db.class.findUnique({ where: { joinCode: code }, select: { name: true, description: true, archivedAt: true } });
  return found && !found.archivedAt ? { name: found.name, description: found.description } : null;
}
