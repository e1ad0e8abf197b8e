import type { z } from "zod";
import { sessionUserId } from "../auth/session-user-id";
import { observeRequest } from "../observability/observe-request";
import { ApiError, errorResponse } from "./errors";
import { parseParams, type NextRouteContext, type RouteContext } from "./route-context";
import { assertSameOrigin } from "./same-origin";

/**
 * Like `userRoute` (./route-handler.ts), for hot routes whose queries are already scoped to the user
 * (authorization in the query): the handler gets the session's user id without the user
 * row being read (see lib/auth/session-user-id.ts). A deleted user's id finds nothing.
 */
export function signedInRoute<S extends z.ZodType>(
  paramsSchema: S | undefined,
  handler: (ctx: RouteContext<z.infer<S>, { id: string }>) => Promise<Response>,
) {
  return async (request: Request, context?: NextRouteContext): Promise<Response> =>
    observeRequest(request, async () => {
      try {
        assertSameOrigin(request);
        const params = await parseParams(paramsSchema, context);
        const userId = await sessionUserId(request);
        if (!userId) throw new ApiError("unauthorized", "Sign in, or press Try it now, first.");
        return await handler({ request, params, user: { id: userId } });
      } catch (error) {
        return errorResponse(error);
      }
    }, { params: context?.params });
}
