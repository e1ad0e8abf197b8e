import { describe, expect, it } from "vitest";
import { catalogue, describeVariant, ENGINE_VERSION } from "@/lib/attempts/engine-session";
import { recordAction } from "@/lib/attempts/record-action";
import { exportClassResults, CLASS_RESULTS_COLUMNS } from "@/lib/classes/export-class-results";
import { getClassDashboard } from "@/lib/classes/get-class-dashboard";
import { median } from "@/lib/classes/median";
import { normalizeCommand } from "@/lib/classes/normalize-command";
import { summarizeActions } from "@/lib/classes/summarize-actions";
import { db } from "@/lib/db";
import { createUser, insertAttempt, type FixtureAction } from "./fixtures";

const [s1, s2, other] = catalogue().map((s) => s.id);

async function knownClass() {
  const instructor = await createUser("instructor");
  const [a, b, c, d] = await Promise.all(["Ada", "Bob", "Cy", "Di"].map((n) => createUser("learner", n)));
  const past = new Date(Date.now() - 24 * 3600_000);
  const future = new Date(Date.now() + 24 * 3600_000);
  const cls = await db.class.create({
    data: {
      instructorId: instructor.id,
      name: "Stats, class",
      joinCode: `S${Date.now().toString(36).toUpperCase()}`.slice(0, 8).replace(/[01IOL]/g, "A").padEnd(8, "A"),
      members: { create: [a, b, c, d].map((u) => ({ userId: u.id })) },
      assignments: { create: [{ scenarioId: s1, dueAt: future }, { scenarioId: s2, dueAt: past }] },
    },
  });
  const failedA: FixtureAction[] = [
    ["command", "kubectl get pods", 0, 1000],
    ["command", "kubectl delete pod web-1 -n shop", 0, 2000],
    ["check", "", 1, 3000],
    ["give_up", "", 0, 4000],
  ];
  const passedA: FixtureAction[] = [
    ["command", "kubectl get pods", 0, 1000],
    ["command", "kubectl set env deployment/web A=1", 0, 5000],
    ["check", "", 0, 60_000],
  ];
  const passedB: FixtureAction[] = [
    ["hint", "", 0, 1000],
    ["command", "kubectl describe pod web-2", 0, 2000],
    ["command", "kubectl delete pod web-2", 0, 3000],
    ["check", "", 1, 4000],
    ["command", "kubectl set env deployment/web A=1", 0, 5000],
    ["command", "kubectl get pods | grep web", 0, 6000],
    ["check", "", 0, 120_000],
  ];
  await insertAttempt({ userId: a.id, scenarioId: s1, status: "failed", score: 20, actions: failedA, startedAt: new Date(Date.now() - 7200_000) });
  await insertAttempt({ userId: a.id, scenarioId: s1, status: "passed", score: 90, actions: passedA });
  await insertAttempt({ userId: b.id, scenarioId: s1, status: "passed", score: 70, actions: passedB });
  await insertAttempt({ userId: c.id, scenarioId: s1, status: "in_progress", actions: [["command", "kubectl get pods", 0, 1000]] });
  await insertAttempt({ userId: b.id, scenarioId: s2, status: "passed", score: 100, actions: passedA });
  await insertAttempt({ userId: c.id, scenarioId: s2, status: "gave_up", score: 0, actions: [["give_up", "", 0, 500]] });
  // Not assigned: must not count anywhere.
  await insertAttempt({ userId: a.id, scenarioId: other, status: "passed", score: 100, actions: passedA });
  return { instructor, a, b, c, d, cls };
}

describe("class statistics on known data", () => {
  it("fills the matrix with each learner's status and best score", async () => {
    const { instructor, a, b, c, d, cls } = await knownClass();
    const dash = await getClassDashboard({ user: instructor, classId: cls.id });
    expect(dash.assignments.map((x) => x.scenarioId)).toEqual([s1, s2]);
    const row = (id: string) => dash.rows.find((r) => r.userId === id)!.cells;
    expect(row(a.id)).toEqual([{ status: "solved", bestScore: 90, attempts: 2 }, { status: "overdue", bestScore: null, attempts: 0 }]);
    expect(row(b.id)).toEqual([{ status: "solved", bestScore: 70, attempts: 1 }, { status: "solved", bestScore: 100, attempts: 1 }]);
    expect(row(c.id)).toEqual([{ status: "in_progress", bestScore: null, attempts: 1 }, { status: "overdue", bestScore: 0, attempts: 1 }]);
    expect(row(d.id)).toEqual([{ status: "not_started", bestScore: null, attempts: 0 }, { status: "overdue", bestScore: null, attempts: 0 }]);
    expect(dash.rows.map((r) => r.userId)).toEqual([a.id, b.id, c.id, d.id]);
  });

  it("computes solve rate, medians, hints, non-fixes and the commands before a solve", async () => {
    const { instructor, cls } = await knownClass();
    const dash = await getClassDashboard({ user: instructor, classId: cls.id });
    const [first, second] = dash.scenarios;
    expect(first).toMatchObject({
      scenarioId: s1,
      learners: 4,
      attempted: 3,
      solved: 2,
      solveRate: 0.5,
      medianTimeToFixMs: 90_000, // (60 s + 120 s) / 2
      medianCommands: 3, // (2 + 4) / 2
      hintsUsed: 1,
      learnersWithHints: 1,
      statusCounts: { solved: 2, in_progress: 1, not_started: 1, failed: 0, overdue: 0 },
      topNonFixes: [{ command: "kubectl delete pod", learners: 2 }],
      topBeforeSolve: [
        { command: "kubectl get pods", learners: 2 },
        { command: "kubectl set env deployment", learners: 2 },
        { command: "kubectl delete pod", learners: 1 },
      ],
    });
    expect(second).toMatchObject({ scenarioId: s2, solved: 1, solveRate: 0.25, medianTimeToFixMs: 60_000, medianCommands: 2 });
    expect(second.statusCounts).toEqual({ solved: 1, in_progress: 0, not_started: 0, failed: 0, overdue: 3 });
  });

  it("exports one CSV row per learner × assignment with the documented columns", async () => {
    const { instructor, b, cls } = await knownClass();
    const { csv, filename } = await exportClassResults({ user: instructor, classId: cls.id });
    expect(filename).toBe("stats-class-results.csv");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(CLASS_RESULTS_COLUMNS.join(","));
    expect(lines).toHaveLength(1 + 4 * 2);
    const rowB = lines.find((l) => l.includes(b.id) && l.includes(`,${s1},`))!;
    const fields = rowB.split(",");
    const at = (name: (typeof CLASS_RESULTS_COLUMNS)[number]) => fields[CLASS_RESULTS_COLUMNS.indexOf(name) + 1]; // class_name is quoted with a comma
    expect(rowB.startsWith(`${cls.id},"Stats, class",`)).toBe(true);
    expect([at("status"), at("best_score"), at("attempts"), at("time_to_fix_seconds"), at("commands_to_fix"), at("hints_used")]).toEqual(["solved", "70", "1", "120", "4", "1"]);
  });

  it("normalises commands to their shape and takes true medians", () => {
    expect(normalizeCommand("kubectl -n shop delete pod web-7d9c")).toBe("kubectl delete pod");
    expect(normalizeCommand("kubectl rollout undo deployment/web -n shop")).toBe("kubectl rollout undo deployment");
    expect(normalizeCommand("kubectl logs web-1 --previous")).toBe("kubectl logs");
    expect(normalizeCommand("kubectl get pods -o wide | grep web")).toBe("kubectl get pods");
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe("per-attempt aggregates", () => {
  it("are kept by recordAction exactly as a recomputation from the stored actions gives them", async () => {
    const scenario = catalogue().find((s) => s.difficulty === 1)!;
    const learner = await createUser("learner");
    const seed = 4242;
    const attempt = await db.attempt.create({
      data: { userId: learner.id, scenarioId: scenario.id, seed, engineVersion: ENGINE_VERSION, startedAt: new Date(Date.now() - 3600_000) },
    });
    const send = (action: Parameters<typeof recordAction>[0]["action"]) => recordAction({ attemptId: attempt.id, userId: learner.id, action });
    let ms = 1000;
    await send({ type: "command", line: "kubectl get pods -A", clientMs: (ms += 1000) });
    await send({ type: "hint", clientMs: (ms += 1000) });
    await send({ type: "command", line: "kubectl delete pods --all -A", clientMs: (ms += 1000) });
    await send({ type: "check", clientMs: (ms += 1000) });
    for (const line of describeVariant(scenario.id, seed).solution) await send({ type: "command", line, clientMs: (ms += 1000) });
    const passed = await send({ type: "check", clientMs: (ms += 60_000) });
    expect(passed.status).toBe("passed");

    const stored = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id }, include: { actions: { orderBy: { seq: "asc" } } } });
    const recomputed = summarizeActions(stored.actions);
    expect({
      commandCount: stored.commandCount,
      hintCount: stored.hintCount,
      checkCount: stored.checkCount,
      nonFixes: stored.nonFixes,
      solveLead: stored.solveLead,
    }).toEqual(recomputed);
    expect(stored.checkCount).toBe(2);
    expect(stored.nonFixes).toEqual(["kubectl delete pods"]);
    expect(stored.solveLead.length).toBeGreaterThan(0);
  });
});
