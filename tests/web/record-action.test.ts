import { beforeAll, describe, expect, it } from "vitest";
import { createGuestUser } from "@/lib/auth/create-guest-user";
import { createAttempt } from "@/lib/attempts/create-attempt";
import { catalogue, ENGINE_VERSION } from "@/lib/attempts/engine-session";
import { getAttemptView } from "@/lib/attempts/get-attempt-view";
import { completeCommand } from "@/lib/attempts/complete-command";
import { recordAction } from "@/lib/attempts/record-action";
import { sessionCache } from "@/lib/attempts/session-cache";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";

const scenarioId = () => (catalogue().find((s) => s.difficulty === 1) ?? catalogue()[0]).id;

async function newAttempt(seed = 4242) {
  const user = await createGuestUser();
  const startedAt = new Date(Date.now() - 60 * 60 * 1000);
  const attempt = await db.attempt.create({
    data: { userId: user.id, scenarioId: scenarioId(), seed, engineVersion: ENGINE_VERSION, startedAt },
  });
  return { user, attempt, startedAt };
}

describe("recordAction", () => {
  beforeAll(() => {
    expect(catalogue().length).toBeGreaterThan(0);
  });

  it("stores every action before answering, with seq and a clamped virtual clock", async () => {
    const { user, attempt } = await newAttempt();
    const first = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "command", line: "kubectl get pods", clientMs: 5_000 } });
    expect(first).toMatchObject({ seq: 1, virtualMs: 5_000, status: "in_progress" });
    // A client clock going backwards is clamped to the last action's time.
    const second = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "command", line: "kubectl get nodes", clientMs: 1_000 } });
    expect(second).toMatchObject({ seq: 2, virtualMs: 5_000 });
    const rows = await db.action.findMany({ where: { attemptId: attempt.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.seq, r.type, r.input, r.output])).toEqual([
      [1, "command", "kubectl get pods", first.output],
      [2, "command", "kubectl get nodes", second.output],
    ]);
  });

  it("serializes concurrent actions on one attempt: none lost, none duplicated", async () => {
    const { user, attempt } = await newAttempt();
    const lines = Array.from({ length: 12 }, (_, i) => `kubectl get pods # ${i}`);
    const results = await Promise.all(
      lines.map((line, i) => recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "command", line, clientMs: 1000 + i } })),
    );
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(lines.map((_, i) => i + 1));
    const rows = await db.action.findMany({ where: { attemptId: attempt.id }, orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(lines.length);
    expect(new Set(rows.map((r) => r.input))).toEqual(new Set(lines));
    // Virtual time never goes back along seq.
    for (let i = 1; i < rows.length; i++) expect(rows[i].virtualMs).toBeGreaterThanOrEqual(rows[i - 1].virtualMs);
  });

  it("gives the same outputs from a cold replay as from the cached live session", async () => {
    const lines = ["kubectl get pods", "kubectl get events", "kubectl get deployments", "kubectl get pods -o wide"];
    const warm = await newAttempt(99);
    const cold = await newAttempt(99);
    const warmOut: string[] = [];
    const coldOut: string[] = [];
    for (const [i, line] of lines.entries()) {
      const clientMs = 2_000 * (i + 1);
      warmOut.push((await recordAction({ attemptId: warm.attempt.id, userId: warm.user.id, action: { type: "command", line, clientMs } })).output);
      sessionCache.clear(); // every action on `cold` replays the attempt from the database
      coldOut.push((await recordAction({ attemptId: cold.attempt.id, userId: cold.user.id, action: { type: "command", line, clientMs } })).output);
    }
    expect(coldOut).toEqual(warmOut);
  });

  it("never builds on a session another writer has moved past: the action replays and takes the next seq", async () => {
    const { user, attempt } = await newAttempt(7);
    const act = (line: string, clientMs: number) => recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "command", line, clientMs } });
    await act("kubectl get pods", 1_000);
    // Another replica (no session here) stores seq 2; this process still holds the session at seq 1.
    const stale = sessionCache.take(attempt.id)!;
    expect(stale.seq).toBe(1);
    await act("kubectl delete pod --all", 2_000);
    sessionCache.put(attempt.id, stale);
    const third = await act("kubectl get pods", 3_000);
    expect(third.seq).toBe(3);
    // The answer is the one a replay of the stored actions gives, not the stale session's.
    const cold = await newAttempt(7);
    sessionCache.clear();
    for (const [line, ms] of [["kubectl get pods", 1_000], ["kubectl delete pod --all", 2_000]] as const) {
      await recordAction({ attemptId: cold.attempt.id, userId: cold.user.id, action: { type: "command", line, clientMs: ms } });
      sessionCache.clear();
    }
    const expected = await recordAction({ attemptId: cold.attempt.id, userId: cold.user.id, action: { type: "command", line: "kubectl get pods", clientMs: 3_000 } });
    expect(third.output).toBe(expected.output);
    const rows = await db.action.findMany({ where: { attemptId: attempt.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } })).commandCount).toBe(3);
  });

  it("two processes serving one learner by turns: each catches up with what the other stored (a reset too) and answers as a replay would", async () => {
    const { user, attempt } = await newAttempt(11);
    const actions: { action: Parameters<typeof recordAction>[0]["action"] }[] = [
      { action: { type: "command", line: "kubectl get pods", clientMs: 1_000 } },
      { action: { type: "command", line: "kubectl delete pod --all", clientMs: 2_000 } },
      { action: { type: "command", line: "kubectl get pods", clientMs: 30_000 } },
      { action: { type: "reset", clientMs: 31_000 } },
      { action: { type: "command", line: "kubectl get pods", clientMs: 32_000 } },
      { action: { type: "hint", clientMs: 33_000 } },
      { action: { type: "command", line: "kubectl get events", clientMs: 90_000 } },
    ];
    // Each process's cache holds its own session; process 1 acts on even steps, process 2 on odd ones.
    const caches: (ReturnType<typeof sessionCache.take> | undefined)[] = [undefined, undefined];
    const outputs: string[] = [];
    for (const [i, { action }] of actions.entries()) {
      const own = caches[i % 2];
      sessionCache.clear();
      if (own) sessionCache.put(attempt.id, own);
      const result = await recordAction({ attemptId: attempt.id, userId: user.id, action });
      expect(result.seq).toBe(i + 1);
      outputs.push(result.output);
      caches[i % 2] = sessionCache.take(attempt.id);
      expect(caches[i % 2]?.seq).toBe(i + 1);
    }
    // The same actions on one process, from a cold replay at every step.
    const cold = await newAttempt(11);
    const expected: string[] = [];
    for (const { action } of actions) {
      sessionCache.clear();
      expected.push((await recordAction({ attemptId: cold.attempt.id, userId: cold.user.id, action })).output);
    }
    expect(outputs).toEqual(expected);
    const rows = await db.action.findMany({ where: { attemptId: attempt.id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(actions.map((_, i) => i + 1));
    const counted = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect([counted.commandCount, counted.hintCount]).toEqual([5, 1]);
  });

  it("completes from a session brought up to date when another process stored actions since", async () => {
    const { user, attempt } = await newAttempt(12);
    const act = (line: string, clientMs: number) => recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "command", line, clientMs } });
    await act("kubectl get pods", 1_000);
    const stale = sessionCache.take(attempt.id)!;
    await act("kubectl create deployment zz-late --image=nginx:1.27", 2_000); // on "another process"
    sessionCache.clear();
    sessionCache.put(attempt.id, stale);
    expect(await completeCommand({ attemptId: attempt.id, userId: user.id, line: "kubectl get deployment zz" })).toContain("zz-late");
    expect(sessionCache.peek(attempt.id)?.seq).toBe(2);
    expect((await act("kubectl get deployment zz-late -o name", 3_000)).output).toBe("deployment.apps/zz-late\n");
  });

  it("answers 404 to a stranger even while the owner's session is cached, and the owner carries on", async () => {
    const { user, attempt } = await newAttempt();
    await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "command", line: "kubectl get pods", clientMs: 1_000 } });
    const stranger = await createGuestUser();
    const error = await recordAction({ attemptId: attempt.id, userId: stranger.id, action: { type: "command", line: "kubectl delete pods --all" } }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe("not_found");
    const next = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "command", line: "kubectl get pods", clientMs: 2_000 } });
    expect(next.seq).toBe(2);
    expect(next.output).not.toMatch(/deleted/);
    expect(await db.action.count({ where: { attemptId: attempt.id } })).toBe(2);
  });

  it("answers 404 for someone else's attempt and records nothing", async () => {
    const { attempt } = await newAttempt();
    const stranger = await createGuestUser();
    const error = await recordAction({ attemptId: attempt.id, userId: stranger.id, action: { type: "command", line: "kubectl get pods" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("not_found");
    await expect(getAttemptView({ attemptId: attempt.id, userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(completeCommand({ attemptId: attempt.id, userId: stranger.id, line: "kubectl g" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.action.count({ where: { attemptId: attempt.id } })).toBe(0);
  });

  it("finishes on give up, then refuses more actions", async () => {
    const { user, attempt } = await newAttempt();
    const gaveUp = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "give_up" } });
    expect(gaveUp).toMatchObject({ status: "gave_up", score: 0 });
    const error = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "command", line: "kubectl get pods" } }).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe("conflict");
    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(stored.status).toBe("gave_up");
    expect(stored.finishedAt).not.toBeNull();
  });

  it("records hints and checks with their grade, and a reset starts the cluster again", async () => {
    const { user, attempt } = await newAttempt();
    const hint = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "hint", clientMs: 1_000 } });
    expect(hint.output).toMatch(/^Hint 1: |^No more hints/);
    const check = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "check", clientMs: 2_000 } });
    expect(check.grade?.passed).toBe(false);
    expect(check.status).toBe("in_progress");
    const stored = await db.action.findFirstOrThrow({ where: { attemptId: attempt.id, type: "check" } });
    expect(stored.grade).toMatchObject({ passed: false });
    const reset = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "reset", clientMs: 3_000 } });
    expect(reset.seq).toBe(3);
    sessionCache.clear();
    const view = await getAttemptView({ attemptId: attempt.id, userId: user.id });
    expect(view.history.map((h) => h.type)).toEqual(["hint", "check", "reset"]);
    const failed = await recordAction({ attemptId: attempt.id, userId: user.id, action: { type: "give_up", clientMs: 4_000 } });
    expect(failed.status).toBe("failed");
  });

  it("resumes the attempt in progress unless a new variant is asked for", async () => {
    const user = await createGuestUser();
    const first = await createAttempt({ userId: user.id, scenarioId: scenarioId(), mode: "resume" });
    const resumed = await createAttempt({ userId: user.id, scenarioId: scenarioId(), mode: "resume" });
    const fresh = await createAttempt({ userId: user.id, scenarioId: scenarioId(), mode: "new" });
    expect(first.resumed).toBe(false);
    expect(resumed).toEqual({ id: first.id, resumed: true });
    expect(fresh.id).not.toBe(first.id);
    await expect(createAttempt({ userId: user.id, scenarioId: "no-such-scenario", mode: "new" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("completes commands from the live session", async () => {
    const { user, attempt } = await newAttempt();
    const candidates = await completeCommand({ attemptId: attempt.id, userId: user.id, line: "kubectl desc" });
    expect(candidates).toContain("describe");
  });
});
