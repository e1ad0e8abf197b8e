import "../classes/async-local-storage";
import { describe, expect, it } from "vitest";
import * as actionsRoute from "@/app/api/attempts/[id]/actions/route";
import { catalogue } from "@/lib/attempts/engine-session";
import { createAttempt } from "@/lib/attempts/create-attempt";
import { createGuestUser } from "@/lib/auth/create-guest-user";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { rawCall, type RouteHandler } from "./raw-call";

process.env.NEXTAUTH_URL ??= "http://localhost";

/** The terminal's own limit: ACTION_RATE_LIMIT actions per user per 10 s, then 429 with Retry-After, and nothing stored. */
describe("command rate limit", () => {
  it(`accepts ${env.ACTION_RATE_LIMIT} actions in 10 s, then answers 429 with Retry-After and stores nothing more`, async () => {
    const user = await createGuestUser();
    const attempt = await createAttempt({ userId: user.id, scenarioId: catalogue()[0].id, mode: "new" });
    const send = () =>
      rawCall(actionsRoute.POST as RouteHandler, {
        method: "POST",
        url: `http://localhost/api/attempts/${attempt.id}/actions`,
        headers: { "content-type": "application/json", origin: "http://localhost" },
        body: JSON.stringify({ type: "command", line: "kubectl get ns" }),
        params: { id: attempt.id },
        userId: user.id,
      });
    // All at once, so the whole burst falls in one window however slow the machine is.
    const answers = await Promise.all(Array.from({ length: env.ACTION_RATE_LIMIT + 1 }, () => send()));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(env.ACTION_RATE_LIMIT);
    const refused = answers.find((a) => a.status !== 201)!;
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get("retry-after"));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(10);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "rate_limited", message: expect.stringMatching(/Too many commands/) });
    expect(await db.action.count({ where: { attemptId: attempt.id } })).toBe(env.ACTION_RATE_LIMIT);
  });
});
