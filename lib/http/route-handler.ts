import type { z } from "zod";
import { getSessionUser } from "../auth/get-session-user";
import { sessionUserId } from "../auth/session-user-id";
import type { SessionUser } from "../auth/session-user";
import { observeRequest } from "../observability/observe-request";
import { ApiError, errorResponse } from "./errors";
import { assertSameOrigin } from "./same-origin";

/** What a route handler receives once its params are parsed (and its user known). */
export interface RouteContext<P, U> {
  request: Request;
  params: P;
  user: U;
}

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

async function parseParams<S extends z.ZodType>(schema: S | undefined, context: NextRouteContext | undefined) {
  if (!schema) return undefined as z.infer<S>;
  const result = schema.safeParse(await context?.params);
  // A malformed id names nothing that exists.
  if (!result.success) throw new ApiError("not_found", "Not found.");
  return result.data as z.infer<S>;
}

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

/**
 * Like {@link userRoute}, for hot routes whose queries are already scoped to the user
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
