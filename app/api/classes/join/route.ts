import { NextResponse } from "next/server";
import { joinClass } from "@/lib/classes/join-class";
import { readJson } from "@/lib/http/read-json";
import { userRoute } from "@/lib/http/route-handler";
import { joinClassSchema } from "@/lib/validations/class";

/** Joins the class with this code (201 when newly joined, 200 when already in it). */
export const POST = userRoute(undefined, async ({ request, user }) => {
  const { code } = await readJson(request, joinClassSchema);
  const joined = await joinClass({ user, code });
  return NextResponse.json(joined, { status: joined.joined ? 201 : 200 });
});
