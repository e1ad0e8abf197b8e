import type { Role } from "@prisma/client";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { ApiError } from "../http/errors";
import { assertAdmin } from "./assert-admin";

/** Options for {@link setUserRole}. */
export interface SetUserRoleOptions {
  user: SessionUser;
  targetId: string;
  role: Role;
}

/**
 * Changes a registered user's role (admins only). An admin cannot demote themself,
 * so there is always one admin left to undo a mistake. Guests stay learners.
 */
export async function setUserRole(options: SetUserRoleOptions): Promise<{ id: string; role: Role }> {
  assertAdmin(options.user);
  if (options.targetId === options.user.id && options.role !== "admin") {
    throw new ApiError("conflict", "You cannot remove your own admin role; ask another admin.");
  }
  const { count } = await db.user.updateMany({ where: { id: options.targetId, isGuest: false }, data: { role: options.role } });
  if (count === 0) throw new ApiError("not_found", "User not found.");
  return { id: options.targetId, role: options.role };
}
