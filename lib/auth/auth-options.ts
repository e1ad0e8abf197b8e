import type { Role } from "@prisma/client";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "../http/client-ip";
import { isDatabaseUnavailable } from "../http/database-unavailable";
import { AUTH_DATABASE_UNAVAILABLE } from "./auth-route";
import { createGuestUser } from "./create-guest-user";
import { verifyCredentials } from "./verify-credentials";

/**
 * Runs an `authorize()`: next-auth copies a thrown error's message into the redirect URL,
 * so only two fixed words can leave: the database being unreachable (a 503 in
 * auth-route.ts) or a generic failure (logged here).
 */
async function guarded<T>(authorize: () => Promise<T>): Promise<T> {
  try {
    return await authorize();
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new Error(AUTH_DATABASE_UNAVAILABLE);
    console.error(error);
    throw new Error("SignInFailed");
  }
}

/**
 * next-auth configuration: email + password, and "guest" for Try it now.
 * Sessions are JWT cookies holding the user id; every request re-reads the
 * user from the database (see get-session-user.ts), so roles are never stale.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, req) => guarded(() => verifyCredentials(credentials, { ip: clientIp(req?.headers ?? {}) })),
    }),
    CredentialsProvider({
      id: "guest",
      name: "Guest",
      credentials: {},
      authorize: () => guarded(() => createGuestUser()),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role: Role; isGuest: boolean };
        token.sub = u.id;
        token.role = u.role;
        token.isGuest = u.isGuest;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, isGuest: token.isGuest === true };
    },
  },
};
