import { NextResponse } from "next/server";
import { setUserRole } from "@/lib/admin/set-user-role";
import { readJson } from "@/lib/http/read-json";
import { userRoute } from "@/lib/http/route-handler";
import { setRoleSchema, userParamsSchema } from "@/lib/validations/class";

/** Changes a user's role (admins only). */
export const PATCH = userRoute(userParamsSchema, async ({ request, params, user }) => {
  const { role } = await readJson(request, setRoleSchema);
  return NextResponse.json(await setUserRole({ user, targetId: params.id, role }));
});
