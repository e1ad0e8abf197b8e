import { exportClassResults } from "@/lib/classes/export-class-results";
import { userRoute } from "@/lib/http/route-handler";
import { classParamsSchema } from "@/lib/validations/class";

/** The class results as CSV, one row per learner × assignment (columns in README.md). */
export const GET = userRoute(classParamsSchema, async ({ params, user }) => {
  const { filename, csv } = await exportClassResults({ user, classId: params.id });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
