/** What every route wrapper shares (./route-handler.ts, ./signed-in-route.ts): the context Next.js passes, and its params parsed. */
import type { z } from "zod";
import { ApiError } from "./errors";

/** What a route handler receives once its params are parsed (and its user known). */
export interface RouteContext<P, U> {
  request: Request;
  params: P;
  user: U;
}

/** The second argument Next.js passes a route handler. */
export type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

/** The route params parsed with `schema`: a 404 when they do not fit (a malformed id names nothing). */
export async function parseParams<S extends z.ZodType>(schema: S | undefined, context: NextRouteContext | undefined) {
  if (!schema) return undefined as z.infer<S>;
  const result = schema.safeParse(await context?.params);
  // A malformed id names nothing that exists.
  if (!result.success) throw new ApiError("not_found", "Not found.");
  return result.data as z.infer<S>;
}
