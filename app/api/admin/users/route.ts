import { NextResponse } from "next/server";
import { listUsers } from "@/lib/admin/list-users";
import { parseInput } from "@/lib/http/read-json";
import { userRoute } from "@/lib/http/route-handler";
import { listUsersQuerySchema } from "@/lib/validations/class";

/** Registered users with their roles (admins only); `?q=` filters by email or name. */
export const GET = userRoute(undefined, async ({ request, user }) => {
  const query = parseInput(listUsersQuerySchema, Object.fromEntries(new URL(request.url).searchParams), "Query");
  return NextResponse.json({ users: await listUsers({ user, q: query.q }) });
});
