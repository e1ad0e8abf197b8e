import { NextResponse } from "next/server";
import { createAttempt } from "@/lib/attempts/create-attempt";
import { readJson } from "@/lib/http/read-json";
import { userRoute } from "@/lib/http/route-handler";
import { createAttemptSchema } from "@/lib/validations/attempt";

/** Starts (or resumes) an attempt on a scenario; "new" mode draws a new variant. */
export const POST = userRoute(undefined, async ({ request, user }) => {
  const input = await readJson(request, createAttemptSchema);
  const attempt = await createAttempt({ userId: user.id, ...input });
  return NextResponse.json(attempt, { status: attempt.resumed ? 200 : 201 });
});
