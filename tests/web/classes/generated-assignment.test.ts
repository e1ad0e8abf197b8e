/**
 * Instructors assign "a generated incident of family X, difficulty Y": through the real route
 * handlers on the real database, each learner gets an incident of their own (kept across
 * starts), and the dashboard, learner attempts, replay and CSV name it through the engine.
 */
import "./async-local-storage";
import { describe, expect, it } from "vitest";
import * as attemptsRoute from "@/app/api/attempts/route";
import * as assignmentsRoute from "@/app/api/classes/[id]/assignments/route";
import * as classAttempt from "@/app/api/classes/[id]/attempts/[attemptId]/route";
import * as dashboardRoute from "@/app/api/classes/[id]/dashboard/route";
import * as exportRoute from "@/app/api/classes/[id]/export/route";
import * as learnerRoute from "@/app/api/classes/[id]/learners/[userId]/route";
import { describeVariant, findScenario } from "@/lib/attempts/engine-session";
import { recordAction } from "@/lib/attempts/record-action";
import type { AssignmentView } from "@/lib/classes/create-assignment";
import type { ClassAttemptReplay } from "@/lib/classes/get-class-attempt-replay";
import type { ClassDashboard } from "@/lib/classes/get-class-dashboard";
import type { LearnerAttempts } from "@/lib/classes/list-learner-attempts";
import { listMyAssignments } from "@/lib/classes/list-my-assignments";
import { db } from "@/lib/db";
import { callRoute } from "./call-route";
import { createUser } from "./fixtures";

type Handler = Parameters<typeof callRoute>[0];
const h = (fn: unknown) => fn as Handler;

async function classWith(learnerNames: string[]) {
  const instructor = await createUser("instructor");
  const learners = await Promise.all(learnerNames.map((n) => createUser("learner", n)));
  const cls = await db.class.create({
    data: {
      instructorId: instructor.id,
      name: "Incidents",
      joinCode: `G${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e6)}`.replace(/[01IOL]/g, "A").slice(0, 8).padEnd(8, "A"),
      members: { create: learners.map((u) => ({ userId: u.id })) },
    },
  });
  return { instructor, learners, classId: cls.id };
}

async function assign(caller: { id: string }, classId: string, body: unknown): Promise<Response> {
  return callRoute(h(assignmentsRoute.POST), caller, { method: "POST", params: { id: classId }, body });
}

async function startAttempt(caller: { id: string }, body: unknown): Promise<string> {
  const response = await callRoute(h(attemptsRoute.POST), caller, { method: "POST", body });
  const text = await response.text();
  expect(response.status, text).toBeLessThan(300);
  return (JSON.parse(text) as { id: string }).id;
}

describe("assigning a generated incident", () => {
  it("validates the distribution: bad family or difficulty, malformed ids and duplicates are refused", async () => {
    const { instructor, classId } = await classWith([]);
    for (const body of [{ incident: { family: "volcano" } }, { incident: { difficulty: 9 } }, { scenarioId: "incident:crashloop:hard" }, { scenarioId: "incident:" }]) {
      const response = await assign(instructor, classId, body);
      const error = ((await response.json()) as { error: { code: string; message: string; issues: { path: string }[] } }).error;
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(error.code).toBe("validation_failed");
      expect(error.issues[0].path).toMatch(/^(incident\.(family|difficulty)|scenarioId)$/);
    }
    const created = await assign(instructor, classId, { scenarioId: "incident:networking:1" });
    expect(created.status).toBe(201);
    // The same distribution, asked for the other way, is the same assignment.
    expect((await assign(instructor, classId, { incident: { family: "networking", difficulty: 1 } })).status).toBe(409);
    expect(await db.assignment.count({ where: { classId } })).toBe(1);
  });

  it("gives each learner an incident of their own, kept across starts, named everywhere through the engine", async () => {
    const { instructor, learners, classId } = await classWith(["Ada", "Bob"]);
    const [ada, bob] = learners;
    const response = await assign(instructor, classId, { incident: { family: "any", difficulty: "any" }, variant: "per_learner" });
    expect(response.status).toBe(201);
    const assignment = (await response.json()) as AssignmentView;
    const title = findScenario("incident:any:any")!.title;
    expect(assignment).toMatchObject({ scenarioId: "incident:any:any", seed: null, generated: true, title });

    // The learner's catalogue lists it first, as their own incident.
    const mine = await listMyAssignments({ userId: ada.id });
    expect(mine).toEqual([expect.objectContaining({ scenarioId: "incident:any:any", title, generated: true, fixedVariant: false, status: "not_started" })]);

    const adaFirst = await startAttempt(ada, { scenarioId: "incident:any:any", mode: "resume" });
    const bobFirst = await startAttempt(bob, { scenarioId: "incident:any:any", mode: "resume" });
    const [adaAttempt, bobAttempt] = await Promise.all([adaFirst, bobFirst].map((id) => db.attempt.findUniqueOrThrow({ where: { id } })));
    expect(adaAttempt.seed).not.toBe(bobAttempt.seed);
    const adaIncident = describeVariant(adaAttempt.scenarioId, adaAttempt.seed);
    const bobIncident = describeVariant(bobAttempt.scenarioId, bobAttempt.seed);
    expect(adaAttempt.generatorInputs).not.toEqual(bobAttempt.generatorInputs);
    // Each incident is the one its own seed draws (two seeds can draw the same incident: the space is finite,
    // so comparing the two briefs would fail by chance about once in a thousand runs).
    expect(adaIncident.title).toMatch(/\S/);
    expect(adaIncident.title).toBe((adaAttempt.generatorInputs as { title: string }).title);
    expect(bobIncident.title).toBe((bobAttempt.generatorInputs as { title: string }).title);

    // Resume reopens it; a new attempt (or the Random incident button on this distribution) keeps the learner's incident.
    expect(await startAttempt(ada, { scenarioId: "incident:any:any", mode: "resume" })).toBe(adaFirst);
    const adaAgain = await startAttempt(ada, { scenarioId: "incident:any:any", mode: "new" });
    expect(adaAgain).not.toBe(adaFirst);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: adaAgain } })).seed).toBe(adaAttempt.seed);
    const viaButton = await startAttempt(bob, { incident: {} });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: viaButton } })).seed).toBe(bobAttempt.seed);

    // Ada runs a command and checks (not fixed yet): the instructor sees it all.
    await db.attempt.update({ where: { id: adaFirst }, data: { startedAt: new Date(Date.now() - 60_000) } });
    await recordAction({ attemptId: adaFirst, userId: ada.id, action: { type: "command", line: "kubectl get pods -A", clientMs: 2_000 } });
    await recordAction({ attemptId: adaFirst, userId: ada.id, action: { type: "check", clientMs: 4_000 } });

    const dashboard = (await (await callRoute(h(dashboardRoute.GET), instructor, { params: { id: classId } })).json()) as ClassDashboard;
    expect(dashboard.assignments).toEqual([expect.objectContaining({ scenarioId: "incident:any:any", title, seed: null })]);
    const statusOf = (userId: string) => dashboard.rows.find((r) => r.userId === userId)!.cells[0].status;
    expect(statusOf(ada.id)).toBe("in_progress");
    expect(statusOf(bob.id)).toBe("in_progress");
    expect(dashboard.scenarios[0]).toMatchObject({ scenarioId: "incident:any:any", title });

    const listed = (await (await callRoute(h(learnerRoute.GET), instructor, { params: { id: classId, userId: ada.id } })).json()) as LearnerAttempts;
    expect(listed.attempts.map((a) => a.title).sort()).toEqual([adaIncident.title, adaIncident.title]);

    const replay = (await (await callRoute(h(classAttempt.GET), instructor, { params: { id: classId, attemptId: adaFirst } })).json()) as ClassAttemptReplay;
    expect(replay).toMatchObject({ scenarioId: "incident:any:any", seed: adaAttempt.seed, title: adaIncident.title });
    expect(replay.history.map((e) => e.type)).toEqual(["command", "check"]);
    expect(replay.history[1].grade?.passed).toBe(false);

    const csv = await (await callRoute(h(exportRoute.GET), instructor, { params: { id: classId } })).text();
    const rows = csv.trim().split("\r\n");
    expect(rows).toHaveLength(3);
    for (const row of rows.slice(1)) expect(row).toContain(`,incident:any:any,${title},`);
  });
});
