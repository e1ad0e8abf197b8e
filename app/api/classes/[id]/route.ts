import { NextResponse } from "next/server";
import { getClass } from "@/lib/classes/get-class";
import { updateClass } from "@/lib/classes/update-class";
import { readJson } from "@/lib/http/read-json";
import { userRoute } from "@/lib/http/route-handler";
import { classParamsSchema, updateClassSchema } from "@/lib/validations/class";

/** One of the user's classes with its learners and assignments. */
export const GET = userRoute(classParamsSchema, async ({ params, user }) => {
  return NextResponse.json(await getClass({ user, classId: params.id }));
});

/** Renames, re-describes, archives (`archived: true`) or restores one of the user's classes. */
export const PATCH = userRoute(classParamsSchema, async ({ request, params, user }) => {
  const input = await readJson(request, updateClassSchema);
  return NextResponse.json(await updateClass({ user, classId: params.id, ...input }));
});
