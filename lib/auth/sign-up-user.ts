import { Prisma } from "@prisma/client";
import { db } from "../db";
import { ApiError } from "../http/errors";
import { hashPassword } from "./password";
import type { SessionUser } from "./session-user";

/** Options for {@link signUpUser}. */
export interface SignUpUserOptions {
  email: string;
  password: string;
  name?: string;
  /** The guest signing up: their user row (and so their attempts) becomes the account. */
  guestId?: string;
}

/** Message for any sign-up that cannot go through; it does not say whether the email is taken. */
export const SIGN_UP_REFUSED =
  "We couldn't create an account with those details. If you already have an account, sign in instead.";

/** Creates an account, or converts the current guest into one, keeping their attempts. */
export async function signUpUser(options: SignUpUserOptions): Promise<SessionUser> {
  const passwordHash = await hashPassword(options.password);
  const data = { email: options.email, passwordHash, name: options.name || null, isGuest: false };
  const select = { id: true, email: true, name: true, role: true, isGuest: true } as const;
  try {
    if (options.guestId) {
      const converted = await db.user.updateMany({ where: { id: options.guestId, isGuest: true }, data });
      if (converted.count === 1) return await db.user.findUniqueOrThrow({ where: { id: options.guestId }, select });
    }
    return await db.user.create({ data, select });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError("conflict", SIGN_UP_REFUSED);
    }
    throw error;
  }
}
