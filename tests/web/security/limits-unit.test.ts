import { describe, expect, it } from "vitest";
import { recordSignInFailure, recordSignInSuccess, SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_WINDOW_MS, signInRetryAfterMs } from "@/lib/auth/sign-in-throttle";
import { clientIp } from "@/lib/http/client-ip";
import { RateLimiter, retryAfterSeconds } from "@/lib/http/rate-limit";
import { SharedRateLimiter } from "@/lib/http/shared-rate-limit";

describe("RateLimiter: counting failures without refusing them", () => {
  it("retryAfterMs peeks, record counts, clear forgets", () => {
    const limiter = new RateLimiter(2, 1000);
    expect(limiter.retryAfterMs("a", 0)).toBe(0);
    limiter.record("a", 0);
    limiter.record("a", 100);
    expect(limiter.retryAfterMs("a", 200)).toBe(800);
    limiter.record("a", 300); // over the limit: still counted, the window now starts at 100
    expect(limiter.retryAfterMs("a", 400)).toBe(700);
    expect(limiter.retryAfterMs("a", 1301)).toBe(0);
    limiter.record("b", 0);
    limiter.record("b", 0);
    limiter.clear("b");
    expect(limiter.retryAfterMs("b", 1)).toBe(0);
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
  });
});

describe("SharedRateLimiter: one count for every process (PostgreSQL)", () => {
  it("two processes' limiters of one name share the window, and concurrent takes never pass the limit", async () => {
    const name = `unit-${Date.now()}-${Math.random()}`;
    // Two instances stand for the same limit in two server processes.
    const first = new SharedRateLimiter(name, 4, 1000);
    const second = new SharedRateLimiter(name, 4, 1000);
    expect([await first.take("k", 0), await second.take("k", 10), await first.take("k", 20), await second.take("k", 30)]).toEqual([0, 0, 0, 0]);
    expect(await first.take("k", 40)).toBe(960);
    expect(await second.retryAfterMs("k", 40)).toBe(960);
    expect(await second.take("other", 40)).toBe(0);
    expect(await first.take("k", 1001)).toBe(0); // the hit at 0 left the window

    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? first : second).take("burst", 5_000)));
    expect(burst.filter((w) => w === 0)).toHaveLength(4);
    expect(burst.filter((w) => w === 1000)).toHaveLength(8);

    await first.record("failures", 0);
    await second.record("failures", 1);
    for (let t = 2; t < 6; t++) await first.record("failures", t); // counted over the limit too: the newest 4 decide
    expect(await second.retryAfterMs("failures", 10)).toBe(992);
    await second.clear("failures");
    expect(await first.retryAfterMs("failures", 10)).toBe(0);
  });
});

describe("sign-in throttle", () => {
  it("locks an account+address after the limit for the window, and a success clears that account's failures", async () => {
    const now = 1_000_000;
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT; i++) await recordSignInFailure("Unit@Example.test", "192.0.2.1", now + i);
    expect(await signInRetryAfterMs("unit@example.test", "192.0.2.1", now + 100)).toBeGreaterThan(SIGN_IN_WINDOW_MS - 1000);
    expect(await signInRetryAfterMs("unit@example.test", "192.0.2.2", now + 100)).toBe(0);
    expect(await signInRetryAfterMs("unit@example.test", "192.0.2.1", now + SIGN_IN_WINDOW_MS + 100)).toBe(0);
    await recordSignInSuccess("unit@example.test", "192.0.2.1");
    expect(await signInRetryAfterMs("unit@example.test", "192.0.2.1", now + 100)).toBe(0);
  });
});

describe("clientIp", () => {
  it("takes the entry the nearest proxy appended, else X-Real-IP", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": "198.51.100.1" })).toBe("198.51.100.1");
    expect(clientIp({ "x-real-ip": " 198.51.100.2 " })).toBe("198.51.100.2");
    expect(clientIp({})).toBe("unknown");
    expect(clientIp({ "x-forwarded-for": "x".repeat(500) })).toHaveLength(64);
  });
});
