import { NextResponse } from "next/server";
import { enforceSignUpRateLimit } from "@/lib/auth/sign-up-throttle";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { clientIp } from "@/lib/http/client-ip";
import { readJson } from "@/lib/http/read-json";
import { publicRoute } from "@/lib/http/route-handler";
import { signUpSchema } from "@/lib/validations/auth";

/** Creates an account; a guest signing up keeps their attempts. The client then signs in. Rate limited per address. */
export const POST = publicRoute(undefined, async ({ request, user }) => {
  await enforceSignUpRateLimit(clientIp(request.headers));
  const input = await readJson(request, signUpSchema);
  const guestId = user?.isGuest ? user.id : undefined;
  const created = await signUpUser({ ...input, guestId });
  return NextResponse.json({ user: { id: created.id, email: created.email } }, { status: 201 });
});
