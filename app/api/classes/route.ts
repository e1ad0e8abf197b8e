import { NextResponse } from "next/server";
import { createClass } from "@/lib/classes/create-class";
import { listJoinedClasses } from "@/lib/classes/list-joined-classes";
import { listTaughtClasses } from "@/lib/classes/list-taught-classes";
import { readJson } from "@/lib/http/read-json";
import { userRoute } from "@/lib/http/route-handler";
import { createClassSchema } from "@/lib/validations/class";

/** The classes the user teaches and the classes they joined. */
export const GET = userRoute(undefined, async ({ user }) => {
  const [taught, joined] = await Promise.all([listTaughtClasses({ user }), listJoinedClasses({ userId: user.id })]);
  return NextResponse.json({ taught, joined });
});

/** Creates a class (instructors and admins); answers with its join code. */
export const POST = userRoute(undefined, async ({ request, user }) => {
  const input = await readJson(request, createClassSchema);
  return NextResponse.json(await createClass({ user, ...input }), { status: 201 });
});
