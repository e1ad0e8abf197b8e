import { db } from "../db";
import type { SessionUser } from "./session-user";

/** Creates a guest learner ("Try it now"): no email or password until they sign up. */
export async function createGuestUser(): Promise<SessionUser> {
  return db.user.create({
    data: { isGuest: true, role: "learner" },
    select: { id: true, email: true, name: true, role: true, isGuest: true },
  });
}
