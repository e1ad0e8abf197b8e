import { NextResponse } from "next/server";
import { getAttemptView } from "@/lib/attempts/get-attempt-view";
import { userRoute } from "@/lib/http/route-handler";
import { attemptParamsSchema } from "@/lib/validations/attempt";

/** The attempt with its recorded history (what the terminal restores on reload). */
export const GET = userRoute(attemptParamsSchema, async ({ params, user }) => {
  return NextResponse.json(await getAttemptView({ attemptId: params.id, userId: user.id }));
});
