import crypto from "node:crypto";

/** The header carrying a request's id, in and out (ingress-nginx sets it). */
export const REQUEST_ID_HEADER = "x-request-id";

/** What an incoming request id may look like before it is trusted into logs. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the incoming `x-request-id` when it is safe to log, else a new UUID. */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
