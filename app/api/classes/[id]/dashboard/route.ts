import { NextResponse } from "next/server";
import { getClassDashboard } from "@/lib/classes/get-class-dashboard";
import { userRoute } from "@/lib/http/route-handler";
import { classParamsSchema } from "@/lib/validations/class";

/** The class dashboard (progress matrix and per-scenario statistics); the page polls it. */
export const GET = userRoute(classParamsSchema, async ({ params, user }) => {
  const dashboard = await getClassDashboard({ user, classId: params.id });
  return NextResponse.json(dashboard, { headers: { "Cache-Control": "no-store" } });
});
