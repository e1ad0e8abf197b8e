import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { protectAuthRoute } from "@/lib/auth/auth-route";

// next-auth, behind the same-origin check, the sign-in throttle and body limits (lib/auth/auth-route.ts).
const handler = protectAuthRoute(NextAuth(authOptions));

export { handler as GET, handler as POST };
