/**
 * "Random incident": POST /api/attempts with `incident` (or an `incident:<family>:<difficulty>`
 * scenario id) through the real route handler, on the real database: validation, a server-drawn
 * seed, the generator inputs stored, the attempt page's view, grading and replay.
 */
import "./classes/async-local-storage";
import { describe, expect, it } from "vitest";
import * as attemptRoute from "@/app/api/attempts/[id]/route";
import * as attemptsRoute from "@/app/api/attempts/route";
import { createGuestUser } from "@/lib/auth/create-guest-user";
import {
  describeVariant,
  findScenario,
  INCIDENT_FAMILIES,
  replayAttempt,
} from "@/lib/attempts/engine-session";
import type { AttemptView } from "@/lib/attempts/get-attempt-view";
import { getAttemptResult } from "@/lib/attempts/get-attempt-result";
import { getProgressSummary } from "@/lib/attempts/get-progress-summary";
import { listGeneratedProgress } from "@/lib/attempts/list-generated-progress";
import { recordAction } from "@/lib/attempts/record-action";
import { sessionCache } from "@/lib/attempts/session-cache";
import { db } from "@/lib/db";
import { incidentInputs, isIncidentScenarioId } from "@/engine";
import { callRoute } from "./classes/call-route";

type Handler = Parameters<typeof callRoute>[0];
const h = (fn: unknown) => fn as Handler;

async function start(caller: { id: string }, body: unknown): Promise<Response> {
  return callRoute(h(attemptsRoute.POST), caller, { method: "POST", body });
}

async function startOk(caller: { id: string }, body: unknown): Promise<string> {
  const response = await start(caller, body);
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return (JSON.parse(text) as { id: string }).id;
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string; paths: string[] }> {
  const body = (await response.json()) as { error: { code: string; message: string; issues?: { path: string }[] } };
  return { status: response.status, code: body.error.code, message: body.error.message, paths: (body.error.issues ?? []).map((i) => i.path) };
}

describe("POST /api/attempts with a generated incident", () => {
  it("refuses a bad family, difficulty, malformed id or an ambiguous body with a clear validation error", async () => {
    const user = await createGuestUser();
    const badFamily = await errorOf(await start(user, { incident: { family: "volcano" } }));
    expect(badFamily).toMatchObject({ status: 422, code: "validation_failed", paths: ["incident.family"] });
    expect(badFamily.message).toContain("family must be one of any, ");
    expect(badFamily.message).toContain(INCIDENT_FAMILIES[0]);

    for (const difficulty of [0, 4, 2.5, "hard"]) {
      const bad = await errorOf(await start(user, { incident: { difficulty } }));
      expect(bad, String(difficulty)).toMatchObject({ status: 422, code: "validation_failed", paths: ["incident.difficulty"] });
      expect(bad.message).toContain("difficulty must be one of any, 1, 2, 3");
    }
    const extra = await errorOf(await start(user, { incident: { family: "crashloop", seed: 3 } }));
    expect(extra).toMatchObject({ status: 422, paths: ["incident"] });

    for (const scenarioId of ["incident:volcano:2", "incident:crashloop:7", "incident:crashloop", "incident:crashloop:2:extra"]) {
      const bad = await errorOf(await start(user, { scenarioId, mode: "new" }));
      expect(bad, scenarioId).toMatchObject({ status: 422, code: "validation_failed", paths: ["scenarioId"] });
      expect(bad.message).toContain("not a generated incident");
    }
    const both = await errorOf(await start(user, { scenarioId: "incident:any:any", incident: {} }));
    expect(both).toMatchObject({ status: 422, paths: ["scenarioId"] });
    expect((await errorOf(await start(user, {}))).status).toBe(422);
    // An unknown catalogue id stays a 404, as before.
    expect((await errorOf(await start(user, { scenarioId: "no-such-scenario" }))).status).toBe(404);
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(0);
  });

  it("starts a new attempt with a server-drawn seed, stores the generator inputs, and shows the incident's own title and brief", async () => {
    const user = await createGuestUser();
    const id = await startOk(user, { incident: { family: "crashloop", difficulty: "2" }, mode: "new" });
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id } });
    expect(attempt.scenarioId).toBe("incident:crashloop:2");
    expect(isIncidentScenarioId(attempt.scenarioId)).toBe(true);
    expect(attempt.seed).toBeGreaterThan(0);
    const inputs = attempt.generatorInputs as Record<string, unknown>;
    expect(inputs).toMatchObject({ ...incidentInputs(attempt.scenarioId, attempt.seed), family: "crashloop", difficulty: 2 });
    expect(typeof inputs.title).toBe("string");

    const response = await callRoute(h(attemptRoute.GET), user, { params: { id } });
    expect(response.status).toBe(200);
    const view = (await response.json()) as AttemptView;
    const variant = describeVariant(attempt.scenarioId, attempt.seed);
    expect(view).toMatchObject({ scenarioId: "incident:crashloop:2", seed: attempt.seed, generated: true, playable: true, family: "crashloop", difficulty: 2 });
    expect(view.title).toBe(variant.title);
    expect(view.title).toBe(inputs.title);
    expect(view.brief).toBe(variant.brief);
    expect(view.brief.length).toBeGreaterThan(20);

    // "any" everywhere, and numbers: each press is a new attempt, never a resumed one.
    const a = await startOk(user, { incident: { family: "any", difficulty: "any" } });
    const b = await startOk(user, { incident: {} });
    const [ra, rb] = await Promise.all([a, b].map((x) => db.attempt.findUniqueOrThrow({ where: { id: x } })));
    expect(ra.scenarioId).toBe("incident:any:any");
    expect(rb.scenarioId).toBe("incident:any:any");
    expect(new Set([a, b, id]).size).toBe(3);
    expect(ra.seed).not.toBe(rb.seed);
    // An incident id sent as a scenario id works too (what "New variant" on the attempt page sends).
    const c = await startOk(user, { scenarioId: "incident:crashloop:2", mode: "new" });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: c } })).generatorInputs).not.toBeNull();
  });

  it("grades the reference fix as passed with reasons, replays it byte for byte, and lists it under generated incidents", async () => {
    const user = await createGuestUser();
    const id = await startOk(user, { incident: { difficulty: 1 } });
    // The learner's clock follows the wall clock: start the attempt half an hour ago, so the check can
    // come 15 minutes after the fix (a dependent workload may wait out a 5-minute CrashLoopBackOff back-off).
    await db.attempt.update({ where: { id }, data: { startedAt: new Date(Date.now() - 30 * 60_000) } });
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id } });
    const { solution } = describeVariant(attempt.scenarioId, attempt.seed);
    expect(solution.length).toBeGreaterThan(0);

    let ms = 1_000;
    const outputs: string[] = [];
    const first = await recordAction({ attemptId: id, userId: user.id, action: { type: "command", line: "kubectl get pods -A", clientMs: ms } });
    outputs.push(first.output);
    for (const line of solution) {
      ms += 2_000;
      const r = await recordAction({ attemptId: id, userId: user.id, action: { type: "command", line, clientMs: ms } });
      expect(r.exitCode, `${line}\n${r.output}`).toBe(0);
      outputs.push(r.output);
    }
    const checked = await recordAction({ attemptId: id, userId: user.id, action: { type: "check", clientMs: ms + 15 * 60_000 } });
    expect(checked.status, `${attempt.scenarioId} seed ${attempt.seed}: ${checked.output}`).toBe("passed");
    expect(checked.grade?.passed).toBe(true);
    expect(checked.grade?.checks.length).toBeGreaterThan(0);
    expect(checked.grade?.checks.every((c) => c.passed && c.message.length > 0)).toBe(true);

    // A cold replay from the stored actions gives the same outputs and grade.
    sessionCache.clear();
    const rows = await db.action.findMany({ where: { attemptId: id }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.output).slice(0, outputs.length)).toEqual(outputs);
    const replayed = replayAttempt(attempt.scenarioId, attempt.seed, rows.slice(0, -1));
    const again = replayed.session.check(ms + 15 * 60_000);
    expect(again).toEqual(checked.grade);

    const result = await getAttemptResult({ attemptId: id, userId: user.id });
    expect(result).toMatchObject({ status: "passed", generated: true, title: (attempt.generatorInputs as { title: string }).title, solution });
    expect(result.explanation.length).toBeGreaterThan(0);

    const generated = await listGeneratedProgress({ userId: user.id });
    expect(generated).toMatchObject({ attempts: 1, solved: 1, bestScore: checked.grade?.score });
    expect(generated.recent[0]).toMatchObject({ attemptId: id, status: "passed", title: result.title, drawnFrom: findScenario(attempt.scenarioId)?.title });
    const summary = await getProgressSummary({ userId: user.id });
    expect(summary.generated).toEqual({ attempts: 1, solved: 1 });
    expect(summary.solvedCount).toBe(0);
    expect(summary.scores[0]).toMatchObject({ attemptId: id, title: result.title });
  });
});
