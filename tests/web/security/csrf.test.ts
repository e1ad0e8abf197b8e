import "../classes/async-local-storage";
import { beforeAll, describe, expect, it } from "vitest";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import * as attempts from "@/app/api/attempts/route";
import { catalogue } from "@/lib/attempts/engine-session";
import { createGuestUser } from "@/lib/auth/create-guest-user";
import { CROSS_SITE_REFUSED, crossSiteReason } from "@/lib/http/same-origin";
import { apiRouteFiles, HTTP_METHODS, rawCall, setCookies, type RouteHandler } from "./raw-call";

process.env.NEXTAUTH_URL ??= "http://localhost";

const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"] as const;
const site = "http://localhost";
const sameOrigin = { origin: site, "sec-fetch-site": "same-origin", "content-type": "application/json" };

describe("crossSiteReason", () => {
  const req = (method: string, headers: Record<string, string>) =>
    new Request(`${site}/api/x`, { method, headers: { host: "localhost", ...headers } });

  it("lets safe methods and same-origin or header-less changes through", () => {
    expect(crossSiteReason(req("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(crossSiteReason(req("POST", { origin: site, "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteReason(req("POST", { "sec-fetch-site": "none" }))).toBeNull();
    expect(crossSiteReason(req("DELETE", {}))).toBeNull(); // curl: no ambient browser cookies
  });

  it("refuses other sites, sibling sites, opaque and non-web origins", () => {
    expect(crossSiteReason(req("POST", { origin: "https://evil.example" }))).toMatch(/evil\.example/);
    expect(crossSiteReason(req("PATCH", { "sec-fetch-site": "cross-site" }))).toMatch(/cross-site/);
    expect(crossSiteReason(req("PUT", { "sec-fetch-site": "same-site", origin: "http://sub.localhost" }))).toMatch(/same-site/);
    expect(crossSiteReason(req("POST", { origin: "null" }))).not.toBeNull();
    expect(crossSiteReason(req("POST", { origin: "file:///etc/passwd" }))).not.toBeNull();
    expect(crossSiteReason(req("POST", { origin: "http://localhost.evil.example" }))).not.toBeNull();
    expect(crossSiteReason(req("POST", { origin: "http://localhost:8080" }))).not.toBeNull(); // another port is another origin
  });

  it("accepts the public host behind a proxy (X-Forwarded-Host) and NEXTAUTH_URL's host", () => {
    expect(crossSiteReason(req("POST", { origin: "https://crashcourse.example", "x-forwarded-host": "crashcourse.example" }))).toBeNull();
    const saved = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://learn.example";
    try {
      expect(crossSiteReason(req("POST", { origin: "https://learn.example" }))).toBeNull();
    } finally {
      process.env.NEXTAUTH_URL = saved;
    }
  });
});

describe("every state-changing API route refuses a cross-site request", () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await createGuestUser()).id;
  });

  const routes = apiRouteFiles();
  it("finds the API routes on disk", () => {
    expect(routes.map((r) => r.pattern)).toContain("/api/attempts/[id]/actions");
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  for (const route of routes) {
    it(`${route.pattern}: 403 for a cross-site POST/PUT/PATCH/DELETE, signed in`, async () => {
      const mod = (await import(route.file)) as Partial<Record<(typeof HTTP_METHODS)[number], RouteHandler>>;
      const params = Object.fromEntries(route.segments.map((s) => [s, s === "nextauth" ? ["callback", "credentials"] : "c000000000000000000000000"]));
      for (const method of STATE_CHANGING) {
        const handler = mod[method];
        if (!handler) continue;
        for (const headers of <Record<string, string>[]>[
          { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
          { origin: "https://evil.example" },
          { "sec-fetch-site": "same-site", origin: "http://sub.localhost" },
        ]) {
          const response = await rawCall(handler, {
            method,
            url: `${site}${route.pattern}`,
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify({ email: "a@example.test", password: "password1", name: "x", scenarioId: "x", type: "command", line: "kubectl delete pods --all" }),
            params,
            userId,
          });
          expect(response.status, `${method} ${route.pattern} ${JSON.stringify(headers)}`).toBe(403);
          expect(await response.json()).toEqual({ error: { code: "forbidden", message: CROSS_SITE_REFUSED } });
        }
      }
    });
  }

  it("a same-origin request from the app still works", async () => {
    const response = await rawCall(attempts.POST as RouteHandler, {
      method: "POST",
      url: `${site}/api/attempts`,
      headers: sameOrigin,
      body: JSON.stringify({ scenarioId: catalogue()[0].id }),
      userId,
    });
    expect(response.status).toBe(201);
  });
});

describe("next-auth's own CSRF token flow", () => {
  const auth = (action: string[], options: Parameters<typeof rawCall>[1]) =>
    rawCall(nextAuthRoute.POST as unknown as RouteHandler, { ...options, url: `${site}/api/auth/${action.join("/")}`, params: { nextauth: action } });

  async function csrf(): Promise<{ token: string; cookie: [string, string] }> {
    const response = await rawCall(nextAuthRoute.GET as unknown as RouteHandler, { url: `${site}/api/auth/csrf`, params: { nextauth: ["csrf"] } });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const [name, { value }] = [...setCookies(response)].find(([n]) => n.includes("csrf-token"))!;
    return { token: csrfToken, cookie: [name, value] };
  }

  it("signs a guest in with the token, same-origin", async () => {
    const { token, cookie } = await csrf();
    const response = await auth(["callback", "guest"], {
      method: "POST",
      headers: { origin: site, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: token, json: "true" }).toString(),
      cookies: { [cookie[0]]: cookie[1] },
    });
    expect(response.status).toBe(200);
    expect([...setCookies(response).keys()]).toContain("next-auth.session-token");
  });

  it("creates no session without the token", async () => {
    const response = await auth(["callback", "guest"], {
      method: "POST",
      headers: { origin: site, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ json: "true" }).toString(),
    });
    expect([...setCookies(response).keys()]).not.toContain("next-auth.session-token");
  });

  it("refuses a cross-site POST even with a valid token", async () => {
    const { token, cookie } = await csrf();
    const response = await auth(["callback", "guest"], {
      method: "POST",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: token, json: "true" }).toString(),
      cookies: { [cookie[0]]: cookie[1] },
    });
    expect(response.status).toBe(403);
    expect([...setCookies(response).keys()]).not.toContain("next-auth.session-token");
  });
});
