import { deleteAssignment } from "@/lib/classes/delete-assignment";
import { userRoute } from "@/lib/http/route-handler";
import { assignmentParamsSchema } from "@/lib/validations/class";

/** Withdraws an assignment (attempts are kept). */
export const DELETE = userRoute(assignmentParamsSchema, async ({ params, user }) => {
  await deleteAssignment({ user, classId: params.id, assignmentId: params.assignmentId });
  return new Response(null, { status: 204 });
});
