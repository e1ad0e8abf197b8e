import type { Role } from "@prisma/client";
import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { assertAdmin } from "./assert-admin";

/** A user as the admin page lists them. */
export interface AdminUserRow {
  id: string;
  email: string | null;
  name: string | null;
  role: Role;
  createdAt: string;
}

/** Registered users (not guests), filtered by email or name, newest first, at most 200; admins only. */
export async function listUsers(options: { user: SessionUser; q?: string }): Promise<AdminUserRow[]> {
  assertAdmin(options.user);
  const users = await db.user.findMany({
    where: {
      isGuest: false,
      ...(options.q
        ? { OR: [{ email: { contains: options.q, mode: "insensitive" } }, { name: { contains: options.q, mode: "insensitive" } }] }
        : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
  return users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() }));
}
