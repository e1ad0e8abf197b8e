import { NextResponse } from "next/server";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { readJson } from "@/lib/http/read-json";
import { publicRoute } from "@/lib/http/route-handler";
import { signUpSchema } from "@/lib/validations/auth";

/** Creates an account; a guest signing up keeps their attempts. The client then signs in. */
export const POST = publicRoute(undefined, async ({ request, user }) => {
  const input = await readJson(request, signUpSchema);
  const guestId = user?.isGuest ? user.id : undefined;
  const created = await signUpUser({ ...input, guestId });
  return NextResponse.json({ user: { id: created.id, email: created.email } }, { status: 201 });
});
