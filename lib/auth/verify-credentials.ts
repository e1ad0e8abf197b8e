import { db } from "../db";
import { signInSchema } from "../validations/auth";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SessionUser } from "./session-user";
import { recordSignInFailure, recordSignInSuccess, signInRetryAfterMs } from "./sign-in-throttle";

/** Where a sign-in comes from, for the brute-force throttle (sign-in-throttle.ts). */
export interface SignInClient {
  ip: string;
}

/**
 * Returns the user whose email and password match, else null. Unknown emails,
 * guests and wrong passwords look the same to the caller, and take the same time.
 * With a `client`, failures are counted per account and address, and a throttled
 * account+address gets null without its password being checked.
 */
export async function verifyCredentials(input: unknown, client?: SignInClient): Promise<SessionUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (client && (await signInRetryAfterMs(email, client.ip)) > 0) return null;
  const user = await findAndVerify(email, password);
  if (client) {
    if (user) await recordSignInSuccess(email, client.ip);
    else await recordSignInFailure(email, client.ip);
  }
  return user;
}

async function findAndVerify(email: string, password: string): Promise<SessionUser | null> {
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
