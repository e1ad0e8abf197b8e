import { NextResponse } from "next/server";
import { getClassAttemptReplay } from "@/lib/classes/get-class-attempt-replay";
import { userRoute } from "@/lib/http/route-handler";
import { classAttemptParamsSchema } from "@/lib/validations/class";

/** The full replay of a class learner's attempt on an assigned scenario. */
export const GET = userRoute(classAttemptParamsSchema, async ({ params, user }) => {
  return NextResponse.json(await getClassAttemptReplay({ user, classId: params.id, attemptId: params.attemptId }));
});
