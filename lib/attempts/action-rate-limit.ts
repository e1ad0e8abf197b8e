import { env } from "../env";
import { ApiError } from "../http/errors";
import { RateLimiter } from "../http/rate-limit";

const limiter = new RateLimiter(env.ACTION_RATE_LIMIT, 10_000);

/** Throws 429 (with Retry-After) when the user sends actions faster than ACTION_RATE_LIMIT per 10 s. */
export function enforceActionRateLimit(userId: string): void {
  const waitMs = limiter.take(userId);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new ApiError("rate_limited", `Too many commands. Wait ${seconds} s and try again.`, undefined, {
      "Retry-After": String(seconds),
    });
  }
}
