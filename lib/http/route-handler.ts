import type { z } from "zod";
import { getSessionUser } from "../auth/get-session-user";
import type { SessionUser } from "../auth/session-user";
import { observeRequest } from "../observability/observe-request";
import { ApiError, errorResponse } from "./errors";
import { parseParams, type NextRouteContext, type RouteContext } from "./route-context";
import { assertSameOrigin } from "./same-origin";

/**
 * Wraps a public route handler: refuses cross-site state-changing requests (403, see
 * same-origin.ts), parses route params, maps every error to the API error shape, logs
 * and measures the request.
 */
export function publicRoute<S extends z.ZodType>(
  paramsSchema: S | undefined,
  handler: (ctx: RouteContext<z.infer<S>, SessionUser | null>) => Promise<Response>,
) {
  return async (request: Request, context?: NextRouteContext): Promise<Response> =>
    // One JSON log line and one latency observation per request (lib/observability).
    observeRequest(request, async () => {
      try {
        assertSameOrigin(request);
        const params = await parseParams(paramsSchema, context);
        return await handler({ request, params, user: await getSessionUser() });
      } catch (error) {
        return errorResponse(error);
      }
    }, { params: context?.params });
}

/**
 * Wraps a route handler that needs a signed-in user (guests included): 401 without
 * one, so the handler cannot forget the check and receives a non-null user.
 */
export function userRoute<S extends z.ZodType>(
  paramsSchema: S | undefined,
  handler: (ctx: RouteContext<z.infer<S>, SessionUser>) => Promise<Response>,
) {
  return publicRoute(paramsSchema, async (ctx) => {
    if (!ctx.user) throw new ApiError("unauthorized", "Sign in, or press Try it now, first.");
    return handler({ ...ctx, user: ctx.user });
  });
}
