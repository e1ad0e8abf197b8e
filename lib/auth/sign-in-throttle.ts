import { RateLimiter } from "../http/rate-limit";

/** Failed sign-ins allowed per account and client address in {@link SIGN_IN_WINDOW_MS}. */
export const SIGN_IN_FAILURES_PER_ACCOUNT = 10;
/** Failed sign-ins allowed per client address (any accounts) in {@link SIGN_IN_WINDOW_MS}. */
export const SIGN_IN_FAILURES_PER_IP = 100;
/** The sign-in throttle's sliding window: 15 minutes. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

const perAccount = new RateLimiter(SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_WINDOW_MS);
const perIp = new RateLimiter(SIGN_IN_FAILURES_PER_IP, SIGN_IN_WINDOW_MS);

const accountKey = (email: string, ip: string) => `${email.trim().toLowerCase()}\u0000${ip}`;

/**
 * Ms until a sign-in for `email` from `ip` may be tried again (0: now). Only failures
 * count, so a learner who types their password right is never slowed down.
 */
export function signInRetryAfterMs(email: string, ip: string, now: number = Date.now()): number {
  return Math.max(perAccount.retryAfterMs(accountKey(email, ip), now), perIp.retryAfterMs(ip, now));
}

/** Counts one failed sign-in for `email` from `ip`. */
export function recordSignInFailure(email: string, ip: string, now: number = Date.now()): void {
  perAccount.record(accountKey(email, ip), now);
  perIp.record(ip, now);
}

/** A successful sign-in clears that account's failures from that address. */
export function recordSignInSuccess(email: string, ip: string): void {
  perAccount.clear(accountKey(email, ip));
}

/** The message of a throttled sign-in: the same whether or not the account exists. */
export const SIGN_IN_THROTTLED = "Too many sign-in attempts. Wait a few minutes and try again.";
