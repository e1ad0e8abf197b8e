import "../classes/async-local-storage";
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import * as attemptsRoute from "@/app/api/attempts/route";
import * as signupRoute from "@/app/api/signup/route";
import { catalogue } from "@/lib/attempts/engine-session";
import { SIGN_IN_FAILURES_PER_ACCOUNT, SIGN_IN_THROTTLED, SIGN_IN_WINDOW_MS } from "@/lib/auth/sign-in-throttle";
import { SIGN_UP_LIMIT } from "@/lib/auth/sign-up-throttle";
import { SIGN_UP_REFUSED, signUpUser } from "@/lib/auth/sign-up-user";
import { rawCall, setCookies, type RouteHandler } from "./raw-call";

/**
 * Accounts under attack: brute force against sign-in, sign-up floods, user enumeration
 * through messages, password rules, and the session cookie's attributes — all through
 * the real route handlers (next-auth included) and PostgreSQL.
 */
const defaultUrl = "http://localhost";
process.env.NEXTAUTH_URL ??= defaultUrl;
afterEach(() => {
  process.env.NEXTAUTH_URL = defaultUrl;
});

const uniqueEmail = () => `sec-${crypto.randomBytes(5).toString("hex")}@example.test`;
const uniqueIp = () => `203.0.113.${crypto.randomInt(1, 254)}, 10.${crypto.randomInt(0, 255)}.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 254)}`;
const nextAuth = nextAuthRoute as unknown as Record<"GET" | "POST", RouteHandler>;

/** The browser's sign-in: GET the CSRF token, then POST the credentials as next-auth/react's signIn() does. */
async function signIn(email: string, password: string, forwardedFor: string): Promise<Response> {
  const site = process.env.NEXTAUTH_URL!;
  const csrf = await rawCall(nextAuth.GET, { url: `${site}/api/auth/csrf`, params: { nextauth: ["csrf"] } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const [name, { value }] = [...setCookies(csrf)].find(([n]) => n.includes("csrf-token"))!;
  return rawCall(nextAuth.POST, {
    method: "POST",
    url: `${site}/api/auth/callback/credentials`,
    params: { nextauth: ["callback", "credentials"] },
    headers: { origin: site, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwardedFor },
    body: new URLSearchParams({ email, password, csrfToken, json: "true", callbackUrl: `${site}/scenarios` }).toString(),
    cookies: { [name]: value },
  });
}

const hasSession = (response: Response) => [...setCookies(response).keys()].some((n) => n.endsWith("next-auth.session-token"));

async function signUp(body: unknown, forwardedFor: string): Promise<Response> {
  return rawCall(signupRoute.POST as RouteHandler, {
    method: "POST",
    url: `${defaultUrl}/api/signup`,
    headers: { "content-type": "application/json", origin: defaultUrl, "x-forwarded-for": forwardedFor },
    body: JSON.stringify(body),
  });
}

describe("sign-in", () => {
  it("answers an unknown email and a wrong password identically", async () => {
    const email = uniqueEmail();
    await signUpUser({ email, password: "correct horse" });
    const ip = uniqueIp();
    const wrong = await signIn(email, "wrong horse", ip);
    const unknown = await signIn(uniqueEmail(), "wrong horse", ip);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect([...setCookies(unknown).keys()].sort()).toEqual([...setCookies(wrong).keys()].sort());
    expect(hasSession(await signIn(email, "correct horse", ip))).toBe(true);
  });

  it(`throttles brute force: ${SIGN_IN_FAILURES_PER_ACCOUNT} failures per account and address, then 429 with Retry-After`, async () => {
    const email = uniqueEmail();
    await signUpUser({ email, password: "correct horse" });
    const attacker = uniqueIp();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT; i++) expect((await signIn(email, `guess ${i}`, attacker)).status).toBe(401);
    const refused = await signIn(email, "another guess", attacker);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_WINDOW_MS / 1000);
    const body = (await refused.json()) as { url: string; error: { code: string; message: string } };
    expect(body.error).toEqual({ code: "rate_limited", message: SIGN_IN_THROTTLED });
    expect(new URL(body.url).searchParams.get("error")).toBe("TooManyAttempts"); // what next-auth/react's signIn() reads
    // Even the right password waits: the attacker cannot learn it by trying on.
    const right = await signIn(email, "correct horse", attacker);
    expect(right.status).toBe(429);
    expect(hasSession(right)).toBe(false);
    // The owner, from another address, is not locked out.
    expect(hasSession(await signIn(email, "correct horse", uniqueIp()))).toBe(true);
  });

  it("throttles an unknown email exactly like a real one (no enumeration by lockout)", async () => {
    const attacker = uniqueIp();
    const ghost = uniqueEmail();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT; i++) expect((await signIn(ghost, `guess ${i}`, attacker)).status).toBe(401);
    const refused = await signIn(ghost, "guess", attacker);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(SIGN_IN_THROTTLED);
  });

  it("refuses a malformed JSON body with a 400 and an oversized one with a 413, not a 500", async () => {
    const call = (body: string, type = "application/json") =>
      rawCall(nextAuth.POST, {
        method: "POST",
        url: `${defaultUrl}/api/auth/callback/credentials`,
        params: { nextauth: ["callback", "credentials"] },
        headers: { "content-type": type, origin: defaultUrl },
        body,
      });
    expect((await call("{nope")).status).toBe(400);
    expect((await call(`email=${"a".repeat(70_000)}`, "application/x-www-form-urlencoded")).status).toBe(413);
  });
});

describe("sign-up", () => {
  it("enforces the password rules with clear messages", async () => {
    const ip = uniqueIp();
    const cases: [string, number, RegExp?][] = [
      ["short12", 422, /at least 8 characters/],
      ["x".repeat(201), 422, /at most 200 characters/],
      ["eight ch", 201],
    ];
    for (const [password, status, message] of cases) {
      const response = await signUp({ email: uniqueEmail(), password }, ip);
      expect(response.status, password).toBe(status);
      if (message) expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect((await signUp({ email: "not-an-email", password: "eight ch" }, ip)).status).toBe(422);
  });

  it("does not reveal whether an email is registered", async () => {
    const email = uniqueEmail();
    const ip = uniqueIp();
    expect((await signUp({ email, password: "correct horse" }, ip)).status).toBe(201);
    const again = await signUp({ email: email.toUpperCase(), password: "other horse" }, ip);
    expect(again.status).toBe(409);
    const text = await again.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "conflict", message: SIGN_UP_REFUSED } });
    expect(text.toLowerCase()).not.toContain(email);
    expect(text).not.toMatch(/exists|taken|registered|in use/i);
  });

  it(`allows ${SIGN_UP_LIMIT} sign-ups per address per 10 minutes, then 429 with Retry-After`, async () => {
    const ip = uniqueIp();
    // Invalid bodies count too (probing is throttled), and cost no password hash.
    for (let i = 0; i < SIGN_UP_LIMIT; i++) expect((await signUp({ email: uniqueEmail(), password: "short" }, ip)).status).toBe(422);
    const refused = await signUp({ email: uniqueEmail(), password: "correct horse" }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect((await signUp({ email: uniqueEmail(), password: "correct horse" }, uniqueIp())).status).toBe(201);
  });
});

describe("session cookie", () => {
  async function guestSignIn(): Promise<Response> {
    const site = process.env.NEXTAUTH_URL!;
    const csrf = await rawCall(nextAuth.GET, { url: `${site}/api/auth/csrf`, params: { nextauth: ["csrf"] } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = setCookies(csrf);
    const [name, { value, attributes }] = [...csrfCookies].find(([n]) => n.includes("csrf-token"))!;
    expect(attributes).toContain("httponly");
    const response = await rawCall(nextAuth.POST, {
      method: "POST",
      url: `${site}/api/auth/callback/guest`,
      params: { nextauth: ["callback", "guest"] },
      headers: { origin: site, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": uniqueIp() },
      body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
      cookies: { [name]: value },
    });
    return Object.assign(response, { csrfCookieName: name });
  }

  it("is HttpOnly and SameSite=Lax over http", async () => {
    const response = await guestSignIn();
    const session = setCookies(response).get("next-auth.session-token");
    expect(session?.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
    expect(session?.attributes).not.toContain("secure");
  });

  it("is __Secure- prefixed and Secure when served over https, and then authenticates API calls", async () => {
    process.env.NEXTAUTH_URL = "https://crashcourse.example";
    const response = await guestSignIn();
    const cookies = setCookies(response);
    expect((response as Response & { csrfCookieName: string }).csrfCookieName).toBe("__Host-next-auth.csrf-token");
    expect(cookies.has("next-auth.session-token")).toBe(false);
    const session = cookies.get("__Secure-next-auth.session-token");
    expect(session?.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]));
    const created = await rawCall(attemptsRoute.POST as RouteHandler, {
      method: "POST",
      url: "https://crashcourse.example/api/attempts",
      headers: { "content-type": "application/json", origin: "https://crashcourse.example" },
      cookies: { "__Secure-next-auth.session-token": session!.value },
      body: JSON.stringify({ scenarioId: catalogue()[0].id }),
    });
    expect(created.status).toBe(201);
  });
});
