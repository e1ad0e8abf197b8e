import type { Role } from "@prisma/client";

/** The signed-in user as the app sees it (never the password hash). */
export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
  role: Role;
  isGuest: boolean;
}
