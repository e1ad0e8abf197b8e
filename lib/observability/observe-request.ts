import { recordRequest, serviceMetrics, type ServiceMetrics } from "./metrics";
import { REQUEST_ID_HEADER, requestIdOf } from "./request-id";
import { logRequest, type LogWriter } from "./request-log";
import { routeLabel, type RouteParams } from "./route-label";

/** Options for {@link observeRequest}. */
export interface ObserveRequestOptions {
  /** The route pattern for metric labels; derived from the path (and `params`) when omitted. */
  route?: string;
  /** The route's params (as Next.js passes them), whose segments the label names `[param]`. */
  params?: RouteParams | Promise<RouteParams>;
  metrics?: ServiceMetrics;
  write?: LogWriter;
}

/**
 * Runs a route handler and observes it: one JSON log line (method, path, status, latency
 * ms, request id), one latency observation by route and status, and the request id echoed
 * in the `x-request-id` response header. A handler that throws counts as a 500 and the
 * error is rethrown unchanged.
 */
export async function observeRequest(
  request: Request,
  handle: () => Promise<Response>,
  options: ObserveRequestOptions = {},
): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdOf(request);
  const { pathname } = new URL(request.url, "http://localhost");
  let status = 500;
  try {
    const response = await handle();
    status = response.status;
    try {
      response.headers.set(REQUEST_ID_HEADER, requestId);
    } catch {
      // immutable headers (Response.redirect): the log line still carries the id
    }
    return response;
  } finally {
    const latencyMs = performance.now() - started;
    const params = await Promise.resolve(options.params).catch(() => undefined);
    recordRequest(
      { method: request.method, route: options.route ?? routeLabel(pathname, params), status, durationMs: latencyMs },
      options.metrics ?? serviceMetrics(),
    );
    logRequest({ method: request.method, path: pathname, status, latencyMs, requestId }, options.write);
  }
}
