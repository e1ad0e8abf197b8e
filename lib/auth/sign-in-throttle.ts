import { SharedRateLimiter } from "../http/shared-rate-limit";

/** Failed sign-ins allowed per account and client address in {@link SIGN_IN_WINDOW_MS}. */
export const SIGN_IN_FAILURES_PER_ACCOUNT = 10;
/** Failed sign-ins allowed per client address (any accounts) in {@link SIGN_IN_WINDOW_MS}. */
export const SIGN_IN_FAILURES_PER_IP = 100;
/** The sign-in throttle's sliding window: 15 minutes. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

// In PostgreSQL: every server process and replica counts the same failures.
const perAccount = new SharedRateLimiter("sign-in-account", SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_WINDOW_MS);
const perIp = new SharedRateLimiter("sign-in-address", SIGN_IN_FAILURES_PER_IP, SIGN_IN_WINDOW_MS);

const accountKey = (email: string, ip: string) => `${email.trim().toLowerCase()}\u0000${ip}`;

/**
 * Ms until a sign-in for `email` from `ip` may be tried again (0: now). Only failures
 * count, so a learner who types their password right is never slowed down.
 */
export async function signInRetryAfterMs(email: string, ip: string, now: number = Date.now()): Promise<number> {
  const [account, address] = await Promise.all([perAccount.retryAfterMs(accountKey(email, ip), now), perIp.retryAfterMs(ip, now)]);
  return Math.max(account, address);
}

/** Counts one failed sign-in for `email` from `ip`. */
export async function recordSignInFailure(email: string, ip: string, now: number = Date.now()): Promise<void> {
  await Promise.all([perAccount.record(accountKey(email, ip), now), perIp.record(ip, now)]);
}

/** A successful sign-in clears that account's failures from that address. */
export async function recordSignInSuccess(email: string, ip: string): Promise<void> {
  await perAccount.clear(accountKey(email, ip));
}

/** The message of a throttled sign-in: the same whether or not the account exists. */
export const SIGN_IN_THROTTLED = "Too many sign-in attempts. Wait a few minutes and try again.";
