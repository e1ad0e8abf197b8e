import "../classes/async-local-storage";
import { describe, expect, it } from "vitest";
import * as actionsRoute from "@/app/api/attempts/[id]/actions/route";
import { catalogue } from "@/lib/attempts/engine-session";
import { createAttempt } from "@/lib/attempts/create-attempt";
import { createGuestUser } from "@/lib/auth/create-guest-user";
import { db } from "@/lib/db";
import { rawCall, type RouteHandler } from "../security/raw-call";

process.env.NEXTAUTH_URL ??= "http://localhost";

/**
 * The short version of `npm run loadtest` inside `npm test`: a class of learners acting at once
 * through the real actions route and PostgreSQL (in process, no HTTP), with the same mix of
 * commands, hints and checks. Every answer is a 201 and every acknowledged action is exactly one
 * stored row in seq order — nothing lost, nothing doubled. Latency targets are the loadtest's.
 */
const LEARNERS = 30;
const ROUNDS = 6;
const LINES = ["kubectl get pods", "kubectl get events", "kubectl describe pods", "kubectl get deploy -o wide", "kubectl logs --tail=5 -l app", "kubectl get svc,ep"];

describe("a class acting at once (short load)", () => {
  it(`${LEARNERS} learners × ${ROUNDS} rounds of commands, a hint and a check: every answer a 201, acknowledged == stored`, async () => {
    const scenarios = catalogue();
    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, async (_, i) => {
        const user = await createGuestUser();
        const attempt = await createAttempt({ userId: user.id, scenarioId: scenarios[i % scenarios.length].id, mode: "new" });
        return { user, attempt, acknowledged: [] as number[] };
      }),
    );
    const act = async (l: (typeof learners)[number], body: object) => {
      const r = await rawCall(actionsRoute.POST as RouteHandler, {
        method: "POST",
        url: `http://localhost/api/attempts/${l.attempt.id}/actions`,
        headers: { "content-type": "application/json", origin: "http://localhost" },
        body: JSON.stringify(body),
        params: { id: l.attempt.id },
        userId: l.user.id,
      });
      expect(r.status).toBe(201);
      l.acknowledged.push(((await r.json()) as { seq: number }).seq);
    };
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        learners.map((l, i) => {
          const kind = (round + i) % ROUNDS;
          const body = kind === 4 ? { type: "hint" } : kind === 5 ? { type: "check" } : { type: "command", line: LINES[(round + i) % LINES.length] };
          return act(l, body);
        }),
      );
    }
    for (const l of learners) {
      const rows = await db.action.findMany({ where: { attemptId: l.attempt.id }, orderBy: { seq: "asc" }, select: { seq: true } });
      expect(rows.map((r) => r.seq)).toEqual(l.acknowledged.toSorted((a, b) => a - b));
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 1));
    }
  }, 120_000);
});
