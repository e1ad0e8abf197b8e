import { NextResponse } from "next/server";
import { listLearnerAttempts } from "@/lib/classes/list-learner-attempts";
import { userRoute } from "@/lib/http/route-handler";
import { learnerParamsSchema } from "@/lib/validations/class";

/** A learner of the class and their attempts on its assigned scenarios. */
export const GET = userRoute(learnerParamsSchema, async ({ params, user }) => {
  return NextResponse.json(await listLearnerAttempts({ user, classId: params.id, learnerId: params.userId }));
});
