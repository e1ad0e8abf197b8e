import { NextResponse } from "next/server";
import { createAssignment } from "@/lib/classes/create-assignment";
import { readJson } from "@/lib/http/read-json";
import { userRoute } from "@/lib/http/route-handler";
import { classParamsSchema, createAssignmentSchema } from "@/lib/validations/class";

/** Assigns a scenario to the class, with optional open and due dates and a fixed or per-learner variant. */
export const POST = userRoute(classParamsSchema, async ({ request, params, user }) => {
  const input = await readJson(request, createAssignmentSchema);
  return NextResponse.json(await createAssignment({ user, classId: params.id, ...input }), { status: 201 });
});
