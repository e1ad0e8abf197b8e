import { enforceActionRateLimit } from "@/lib/attempts/action-rate-limit";
import { recordAction } from "@/lib/attempts/record-action";
import { readJson } from "@/lib/http/read-json";
import { signedInRoute } from "@/lib/http/signed-in-route";
import { actionSchema, attemptParamsSchema } from "@/lib/validations/attempt";

/**
 * Applies one learner action (command, edit, hint, check, reset, give up); it is stored before
 * this answers. Production servers call this handler directly, outside Next.js's pipeline
 * (lib/server/fast-route.ts), so it and what it imports use web-standard Request/Response only.
 */
export const POST = signedInRoute(attemptParamsSchema, async ({ request, params, user }) => {
  const action = await readJson(request, actionSchema);
  enforceActionRateLimit(user.id);
  const result = await recordAction({ attemptId: params.id, userId: user.id, action });
  return Response.json(result, { status: 201 });
});
