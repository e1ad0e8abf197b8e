import { NextResponse } from "next/server";
import { regenerateJoinCode } from "@/lib/classes/regenerate-join-code";
import { userRoute } from "@/lib/http/route-handler";
import { classParamsSchema } from "@/lib/validations/class";

/** Replaces the class's join code; the old code and link stop working. */
export const POST = userRoute(classParamsSchema, async ({ params, user }) => {
  return NextResponse.json(await regenerateJoinCode({ user, classId: params.id }));
});
