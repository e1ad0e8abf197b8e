import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { env } from "../env";

/**
 * Makes the user an admin when their (registered) email is listed in ADMIN_EMAILS:
 * how the first admin of a fresh installation appears. Returns the user as it is now.
 */
export async function claimBootstrapAdmin(user: SessionUser, adminEmails: readonly string[] = env.ADMIN_EMAILS): Promise<SessionUser> {
  if (user.isGuest || user.role === "admin" || !user.email || !adminEmails.includes(user.email.toLowerCase())) return user;
  await db.user.update({ where: { id: user.id }, data: { role: "admin" } });
  return { ...user, role: "admin" };
}
