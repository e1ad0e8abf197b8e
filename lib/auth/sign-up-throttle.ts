import { ApiError } from "../http/errors";
import { retryAfterSeconds } from "../http/rate-limit";
import { SharedRateLimiter } from "../http/shared-rate-limit";

function limitFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Sign-ups allowed per client address per 10 minutes (`SIGNUP_RATE_LIMIT`, default 60: a whole class behind one NAT signing up at 9:00). */
export const SIGN_UP_LIMIT = limitFromEnv("SIGNUP_RATE_LIMIT", 60);
/** Guest sessions ("Try it now") allowed per client address per 10 minutes (`GUEST_RATE_LIMIT`, default 300). */
export const GUEST_LIMIT = limitFromEnv("GUEST_RATE_LIMIT", 300);
const WINDOW_MS = 10 * 60 * 1000;

// In PostgreSQL: every server process and replica counts together.
const signUps = new SharedRateLimiter("sign-up", SIGN_UP_LIMIT, WINDOW_MS);
const guests = new SharedRateLimiter("guest", GUEST_LIMIT, WINDOW_MS);

function tooMany(waitMs: number, what: string): ApiError {
  const seconds = retryAfterSeconds(waitMs);
  return new ApiError("rate_limited", `Too many ${what} from your network. Try again in ${Math.ceil(seconds / 60)} min.`, undefined, {
    "Retry-After": String(seconds),
  });
}

/** Counts one sign-up request from `ip` (successful or not); throws 429 with `Retry-After` over the limit. */
export async function enforceSignUpRateLimit(ip: string, now: number = Date.now()): Promise<void> {
  const waitMs = await signUps.take(ip, now);
  if (waitMs > 0) throw tooMany(waitMs, "sign-ups");
}

/** Counts one new guest session from `ip`; throws 429 with `Retry-After` over the limit. */
export async function enforceGuestRateLimit(ip: string, now: number = Date.now()): Promise<void> {
  const waitMs = await guests.take(ip, now);
  if (waitMs > 0) throw tooMany(waitMs, "guest sessions");
}
