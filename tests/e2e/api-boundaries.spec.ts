import { expect, test, type APIRequestContext } from "@playwright/test";
import { journeyScenario, newEmail } from "./helpers";

/** Signs up and in through the API (what the sign-up form does), leaving the session cookie in `request`. */
async function signUpVia(request: APIRequestContext): Promise<void> {
  const email = newEmail();
  const password = "a long enough password";
  expect((await request.post("/api/signup", { data: { email, password } })).status()).toBe(201);
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(signedIn.ok()).toBe(true);
}

test.describe("API boundaries", () => {
  test("health and readiness", async ({ request }) => {
    expect(await (await request.get("/api/healthz")).json()).toEqual({ status: "ok" });
    expect(await (await request.get("/api/readyz")).json()).toEqual({ status: "ready" });
  });

  test("security headers on pages and APIs", async ({ request }) => {
    // The action route is served by the server worker itself (lib/server/fast-route.ts), the rest by Next.js.
    const answers = [await request.get("/"), await request.get("/api/healthz"), await request.post("/api/attempts/c000000000000000000000000/actions", { data: {} })];
    for (const answer of answers) {
      const headers = answer.headers();
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).toContain("default-src 'self'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-powered-by"]).toBeUndefined();
    }
    expect(answers[2].status()).toBe(401);
    expect(answers[2].headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a path with a broken percent escape is a 400, not a 500", async ({ request }) => {
    for (const answer of [await request.get("/api/attempts/%ZZ"), await request.post("/api/attempts/%E0%A4%A/actions", { data: {} }), await request.get("/scenarios/%")]) {
      expect(answer.status()).toBe(400);
      expect((await answer.json()).error.code).toBe("bad_request");
    }
  });

  test("signed-out calls get 401 in the one error shape", async ({ request }) => {
    const response = await request.post("/api/attempts", { data: { scenarioId: "x" } });
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  test("malformed, invalid and oversized input", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    await signUpVia(request);
    const scenario = journeyScenario();
    const created = await request.post("/api/attempts", { data: { scenarioId: scenario.id } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const malformed = await request.post(`/api/attempts/${id}/actions`, {
      headers: { "content-type": "application/json" },
      data: Buffer.from("{not json"),
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.code).toBe("bad_request");

    const invalid = await request.post(`/api/attempts/${id}/actions`, { data: { type: "sudo", line: "x" } });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).error).toMatchObject({ code: "validation_failed", message: expect.stringContaining("type") });

    const longLine = await request.post(`/api/attempts/${id}/actions`, { data: { type: "command", line: "x".repeat(20_000) } });
    expect(longLine.status()).toBe(422);
    expect((await longLine.json()).error.message).toContain("16 KiB");

    const huge = await request.post(`/api/attempts/${id}/actions`, { data: { type: "command", line: "x".repeat(70_000) } });
    expect(huge.status()).toBe(413);

    const unknownScenario = await request.post("/api/attempts", { data: { scenarioId: "no-such-scenario" } });
    expect(unknownScenario.status()).toBe(404);

    // Nothing above was recorded.
    const view = (await (await request.get(`/api/attempts/${id}`)).json()) as { history: unknown[] };
    expect(view.history).toEqual([]);
    await request.dispose();
  });

  test("someone else's attempt, or an unknown one, is a 404", async ({ playwright, baseURL }) => {
    const alice = await playwright.request.newContext({ baseURL });
    const bob = await playwright.request.newContext({ baseURL });
    await signUpVia(alice);
    await signUpVia(bob);
    const { id } = (await (await alice.post("/api/attempts", { data: { scenarioId: journeyScenario().id } })).json()) as { id: string };

    expect((await bob.get(`/api/attempts/${id}`)).status()).toBe(404);
    expect((await bob.post(`/api/attempts/${id}/actions`, { data: { type: "command", line: "kubectl get pods" } })).status()).toBe(404);
    expect((await bob.get(`/api/attempts/${id}/completions?line=kubectl%20g`)).status()).toBe(404);
    expect((await bob.get(`/attempts/${id}`)).status()).toBe(404);
    expect((await alice.get("/api/attempts/doesnotexist0000")).status()).toBe(404);
    expect((await alice.get("/api/attempts/..%2Fetc")).status()).toBe(404);
    expect((await alice.get(`/api/attempts/${id}`)).status()).toBe(200);
    await alice.dispose();
    await bob.dispose();
  });

  test("a guest who signs up keeps their attempts", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Try it now →" }).click();
    await page.waitForURL("**/scenarios");
    await expect(page.getByTestId("current-user")).toHaveText("Guest");
    const { id } = (await (await page.request.post("/api/attempts", { data: { scenarioId: journeyScenario().id } })).json()) as { id: string };

    const email = newEmail();
    await page.goto("/signup");
    await expect(page.getByText("You are playing as a guest")).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/scenarios");
    await expect(page.getByTestId("current-user")).toHaveText(email);
    expect((await page.request.get(`/api/attempts/${id}`)).status()).toBe(200);
  });

  test("sign-in failures do not tell whether the account exists", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(newEmail());
    await page.getByLabel("Password").fill("whatever password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator(".error-box")).toHaveText("Email or password is incorrect.");
  });
});
