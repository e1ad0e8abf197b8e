import { db } from "../db";
import { signInSchema } from "../validations/auth";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";

/**
 * Returns the user whose email and password match, else null. Unknown emails,
 * guests and wrong passwords look the same to the caller, and take the same time.
 */
export async function verifyCredentials(input: unknown): Promise<SessionUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, isGuest: true, passwordHash: true },
  });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const { passwordHash: _omitted, ...sessionUser } = user;
  return sessionUser;
}
