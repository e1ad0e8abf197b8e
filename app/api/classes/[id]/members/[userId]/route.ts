import { removeMember } from "@/lib/classes/remove-member";
import { userRoute } from "@/lib/http/route-handler";
import { memberParamsSchema } from "@/lib/validations/class";

/** Removes a learner from the class (their attempts stay theirs). */
export const DELETE = userRoute(memberParamsSchema, async ({ params, user }) => {
  await removeMember({ user, classId: params.id, userId: params.userId });
  return new Response(null, { status: 204 });
});
