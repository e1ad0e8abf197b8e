import { NextRequest } from "next/server";
import { databaseUnavailable, errorResponse, ApiError } from "../http/errors";
import { clientIp } from "../http/client-ip";
import { isDatabaseUnavailable } from "../http/database-unavailable";
import { retryAfterSeconds } from "../http/rate-limit";
import { MAX_BODY_BYTES } from "../http/read-json";
import { assertSameOrigin } from "../http/same-origin";
import { SIGN_IN_THROTTLED, signInRetryAfterMs } from "./sign-in-throttle";
import { enforceGuestRateLimit } from "./sign-up-throttle";

/** The error an `authorize()` throws when the database is unreachable; {@link protectAuthRoute} turns it into a 503. */
export const AUTH_DATABASE_UNAVAILABLE = "DatabaseUnavailable";
/** The `error` next-auth's client sees for a throttled sign-in (its `signIn()` reads it from the `url`). */
export const AUTH_THROTTLED = "TooManyAttempts";

type NextAuthContext = { params: Promise<{ nextauth?: string[] }> };
type NextAuthHandler = (request: NextRequest, context: NextAuthContext) => Promise<Response>;

async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = () => new ApiError("payload_too_large", `Request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function fieldOf(text: string, type: string, name: string): string {
  if (/application\/json/i.test(type)) {
    const data = JSON.parse(text) as unknown;
    const value = data && typeof data === "object" ? (data as Record<string, unknown>)[name] : undefined;
    return typeof value === "string" ? value : "";
  }
  return new URLSearchParams(text).get(name) ?? "";
}

/** Whether next-auth's answer is its error redirect for `error` (a JSON `{url}` or a Location header). */
async function isErrorRedirect(response: Response, error: string): Promise<boolean> {
  const marker = `error=${encodeURIComponent(error)}`;
  if (response.headers.get("location")?.includes(marker)) return true;
  if (!/application\/json/i.test(response.headers.get("content-type") ?? "")) return false;
  const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === "string" && body.url.includes(marker);
}

/**
 * Wraps next-auth's route handler (`app/api/auth/[...nextauth]`) with what it lacks:
 * cross-site POSTs refused (403, on top of next-auth's own CSRF token); bodies capped
 * (413) and malformed JSON refused (400) instead of a 500; credentials sign-in throttled
 * per account and address (429 with `Retry-After`, checked before any password is
 * verified; failures are counted in verify-credentials.ts); new guest sessions capped per
 * address; and an unreachable database answered as 503 with `Retry-After`.
 */
export function protectAuthRoute(next: NextAuthHandler): NextAuthHandler {
  // Requests next-auth has no answer for (e.g. GET of the credentials callback): a JSON 400, not its bare 500.
  const handler: NextAuthHandler = async (request, context) => {
    try {
      const response = await next(request, context);
      if (response.status >= 500 && !/application\/json/i.test(response.headers.get("content-type") ?? "")) {
        const text = await response.text();
        if (/not supported|unsupported|MissingAPIRoute|Cannot find/i.test(text)) throw new Error(`not supported: ${text.slice(0, 200)}`);
        console.error(`next-auth answered ${response.status}: ${text.slice(0, 500)}`);
        throw new Error("next-auth failed");
      }
      return response;
    } catch (error) {
      if (error instanceof Error && /not supported|unsupported/i.test(error.message) && !isDatabaseUnavailable(error)) {
        throw new ApiError("bad_request", "This sign-in request is not supported.");
      }
      throw error;
    }
  };
  return async (request, context) => {
    try {
      // Next.js never routes /api/auth itself here ([...nextauth] needs a segment); refuse it plainly.
      if (((await context.params)?.nextauth ?? []).length === 0) throw new ApiError("not_found", "Not found.");
      if (request.method !== "POST") return await handler(request, context);
      assertSameOrigin(request);
      const [action, provider] = (await context.params)?.nextauth ?? [];
      const type = request.headers.get("content-type") ?? "";
      const text = await readBody(request);
      let email = "";
      try {
        email = fieldOf(text, type, "email");
      } catch {
        throw new ApiError("bad_request", "Request body is not valid JSON.");
      }
      const ip = clientIp(request.headers);
      if (action === "callback" && provider === "credentials") {
        const waitMs = await signInRetryAfterMs(email, ip);
        if (waitMs > 0) {
          const seconds = retryAfterSeconds(waitMs);
          const url = new URL(`/api/auth/error?error=${AUTH_THROTTLED}`, request.url).toString();
          return Response.json(
            { url, error: { code: "rate_limited", message: SIGN_IN_THROTTLED } },
            { status: 429, headers: { "Retry-After": String(seconds) } },
          );
        }
      }
      if (action === "callback" && provider === "guest") await enforceGuestRateLimit(ip);
      const forwarded = new NextRequest(request.url, { method: request.method, headers: request.headers, body: text });
      const response = await handler(forwarded, context);
      if (response.status === 401 && (await isErrorRedirect(response, AUTH_DATABASE_UNAVAILABLE))) {
        return errorResponse(databaseUnavailable());
      }
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}
