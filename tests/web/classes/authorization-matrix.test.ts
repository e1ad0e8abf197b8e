import "./async-local-storage";
import { beforeAll, describe, expect, it } from "vitest";
import * as adminUser from "@/app/api/admin/users/[id]/route";
import * as adminUsers from "@/app/api/admin/users/route";
import * as attemptView from "@/app/api/attempts/[id]/route";
import * as assignment from "@/app/api/classes/[id]/assignments/[assignmentId]/route";
import * as assignments from "@/app/api/classes/[id]/assignments/route";
import * as classAttempt from "@/app/api/classes/[id]/attempts/[attemptId]/route";
import * as code from "@/app/api/classes/[id]/code/route";
import * as dashboard from "@/app/api/classes/[id]/dashboard/route";
import * as exportCsv from "@/app/api/classes/[id]/export/route";
import * as learner from "@/app/api/classes/[id]/learners/[userId]/route";
import * as member from "@/app/api/classes/[id]/members/[userId]/route";
import * as oneClass from "@/app/api/classes/[id]/route";
import * as join from "@/app/api/classes/join/route";
import * as classes from "@/app/api/classes/route";
import { catalogue } from "@/lib/attempts/engine-session";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { callRoute, type Caller } from "./call-route";
import { createUser, insertAttempt, type FixtureAction } from "./fixtures";

/**
 * Every class and admin route, called as each kind of user, with the status each
 * must answer. (The feature has no server actions: every mutation is a route here.)
 * A fresh class is built for every route, and the class's instructor is called
 * last, so mutations by someone else would show up as a changed answer.
 */
process.env.NEXTAUTH_URL ??= "http://localhost";

const actors = ["anonymous", "learner", "otherLearner", "otherInstructor", "admin", "instructor"] as const;
type Actor = (typeof actors)[number];
type Expected = Record<Actor, number>;

interface World {
  users: Record<Exclude<Actor, "anonymous">, SessionUser>;
  classId: string;
  joinCode: string;
  assignmentId: string;
  /** The learner's attempt on the assigned scenario. */
  assignedAttemptId: string;
  /** The learner's attempt on a scenario the class did not assign. */
  unassignedAttemptId: string;
  /** The other learner's attempt on the assigned scenario (not in the class). */
  strangerAttemptId: string;
}

const [assigned, unassigned, extra] = catalogue().map((s) => s.id);

async function buildWorld(): Promise<World> {
  const users = {
    learner: await createUser("learner", "Lea Learner"),
    otherLearner: await createUser("learner"),
    instructor: await createUser("instructor"),
    otherInstructor: await createUser("instructor"),
    admin: await createUser("admin"),
  };
  const created = await db.class.create({
    data: {
      instructorId: users.instructor.id,
      name: "Matrix class",
      joinCode: Math.random().toString(36).slice(2, 10).toUpperCase().replace(/[01IOL]/g, "A").padEnd(8, "A"),
      members: { create: { userId: users.learner.id } },
      assignments: { create: { scenarioId: assigned } },
    },
    include: { assignments: true },
  });
  const solved: FixtureAction[] = [["command", "kubectl get pods", 0, 1000], ["check", "", 0, 2000]];
  return {
    users,
    classId: created.id,
    joinCode: created.joinCode,
    assignmentId: created.assignments[0].id,
    assignedAttemptId: await insertAttempt({ userId: users.learner.id, scenarioId: assigned, status: "passed", score: 90, actions: [...solved] }),
    unassignedAttemptId: await insertAttempt({ userId: users.learner.id, scenarioId: unassigned, status: "passed", score: 80, actions: [...solved] }),
    strangerAttemptId: await insertAttempt({ userId: users.otherLearner.id, scenarioId: assigned, status: "passed", score: 70, actions: [...solved] }),
  };
}

type Handler = Parameters<typeof callRoute>[0];
interface RouteCase {
  name: string;
  handler: Handler;
  method: string;
  params?: (w: World) => Record<string, string>;
  body?: (w: World) => unknown;
  expected: Expected;
  /** Extra checks on a successful answer. */
  check?: (w: World, actor: Actor, response: Response) => Promise<void>;
}

const ownerOnly = (ok: number): Expected => ({ anonymous: 401, learner: 404, otherLearner: 404, otherInstructor: 404, admin: 404, instructor: ok });
const h = (fn: unknown) => fn as Handler;

const cases: RouteCase[] = [
  {
    name: "GET /api/classes",
    handler: h(classes.GET),
    method: "GET",
    expected: { anonymous: 401, learner: 200, otherLearner: 200, otherInstructor: 200, admin: 200, instructor: 200 },
    check: async (w, actor, response) => {
      const body = (await response.json()) as { taught: { id: string }[]; joined: { id: string }[] };
      expect(body.taught.some((c) => c.id === w.classId)).toBe(actor === "instructor");
      expect(body.joined.some((c) => c.id === w.classId)).toBe(actor === "learner");
    },
  },
  {
    name: "POST /api/classes",
    handler: h(classes.POST),
    method: "POST",
    body: () => ({ name: "New class", description: "d" }),
    expected: { anonymous: 401, learner: 403, otherLearner: 403, otherInstructor: 201, admin: 201, instructor: 201 },
  },
  {
    name: "POST /api/classes/join",
    handler: h(join.POST),
    method: "POST",
    body: (w) => ({ code: w.joinCode.toLowerCase() }),
    expected: { anonymous: 401, learner: 200, otherLearner: 201, otherInstructor: 201, admin: 201, instructor: 409 },
  },
  { name: "GET /api/classes/[id]", handler: h(oneClass.GET), method: "GET", params: (w) => ({ id: w.classId }), expected: ownerOnly(200) },
  {
    name: "PATCH /api/classes/[id] (archive)",
    handler: h(oneClass.PATCH),
    method: "PATCH",
    params: (w) => ({ id: w.classId }),
    body: () => ({ archived: true, name: "Renamed" }),
    expected: ownerOnly(200),
    check: async (w) => {
      const stored = await db.class.findUniqueOrThrow({ where: { id: w.classId } });
      expect(stored.archivedAt).not.toBeNull();
      expect(stored.name).toBe("Renamed");
    },
  },
  {
    name: "POST /api/classes/[id]/code",
    handler: h(code.POST),
    method: "POST",
    params: (w) => ({ id: w.classId }),
    expected: ownerOnly(200),
    check: async (w) => {
      const stored = await db.class.findUniqueOrThrow({ where: { id: w.classId } });
      expect(stored.joinCode).not.toBe(w.joinCode);
    },
  },
  {
    name: "DELETE /api/classes/[id]/members/[userId]",
    handler: h(member.DELETE),
    method: "DELETE",
    params: (w) => ({ id: w.classId, userId: w.users.learner.id }),
    expected: ownerOnly(204),
    check: async (w) => {
      expect(await db.classMember.count({ where: { classId: w.classId } })).toBe(0);
    },
  },
  {
    name: "POST /api/classes/[id]/assignments",
    handler: h(assignments.POST),
    method: "POST",
    params: (w) => ({ id: w.classId }),
    body: () => ({ scenarioId: extra, variant: "fixed", seed: 1234, dueAt: "2031-01-01T00:00:00Z" }),
    expected: ownerOnly(201),
  },
  {
    name: "DELETE /api/classes/[id]/assignments/[assignmentId]",
    handler: h(assignment.DELETE),
    method: "DELETE",
    params: (w) => ({ id: w.classId, assignmentId: w.assignmentId }),
    expected: ownerOnly(204),
  },
  {
    name: "GET /api/classes/[id]/dashboard",
    handler: h(dashboard.GET),
    method: "GET",
    params: (w) => ({ id: w.classId }),
    expected: ownerOnly(200),
    check: async (w, _actor, response) => {
      const body = (await response.json()) as { rows: { userId: string; cells: { status: string; bestScore: number }[] }[] };
      // Only the class's learner, and only their attempt on the assigned scenario.
      expect(body.rows.map((r) => r.userId)).toEqual([w.users.learner.id]);
      expect(body.rows[0].cells).toEqual([{ status: "solved", bestScore: 90, attempts: 1 }]);
    },
  },
  {
    name: "GET /api/classes/[id]/learners/[userId]",
    handler: h(learner.GET),
    method: "GET",
    params: (w) => ({ id: w.classId, userId: w.users.learner.id }),
    expected: ownerOnly(200),
    check: async (w, _actor, response) => {
      const body = (await response.json()) as { attempts: { id: string }[] };
      expect(body.attempts.map((a) => a.id)).toEqual([w.assignedAttemptId]);
    },
  },
  {
    name: "GET /api/classes/[id]/learners/[userId] for someone outside the class",
    handler: h(learner.GET),
    method: "GET",
    params: (w) => ({ id: w.classId, userId: w.users.otherLearner.id }),
    expected: ownerOnly(404),
  },
  {
    name: "GET /api/classes/[id]/attempts/[attemptId]",
    handler: h(classAttempt.GET),
    method: "GET",
    params: (w) => ({ id: w.classId, attemptId: w.assignedAttemptId }),
    expected: ownerOnly(200),
    check: async (_w, _actor, response) => {
      const body = (await response.json()) as { history: { input: string; output: string; virtualMs: number }[] };
      expect(body.history[0]).toMatchObject({ input: "kubectl get pods", output: "output of command kubectl get pods", virtualMs: 1000 });
    },
  },
  {
    name: "GET /api/classes/[id]/attempts/[attemptId] on an unassigned scenario",
    handler: h(classAttempt.GET),
    method: "GET",
    params: (w) => ({ id: w.classId, attemptId: w.unassignedAttemptId }),
    expected: ownerOnly(404),
  },
  {
    name: "GET /api/classes/[id]/attempts/[attemptId] of a learner outside the class",
    handler: h(classAttempt.GET),
    method: "GET",
    params: (w) => ({ id: w.classId, attemptId: w.strangerAttemptId }),
    expected: ownerOnly(404),
  },
  {
    name: "GET /api/classes/[id]/export",
    handler: h(exportCsv.GET),
    method: "GET",
    params: (w) => ({ id: w.classId }),
    expected: ownerOnly(200),
    check: async (w, _actor, response) => {
      expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
      const lines = (await response.text()).trim().split("\r\n");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain(w.users.learner.id);
    },
  },
  {
    name: "GET /api/attempts/[id] (a learner's own attempt)",
    handler: h(attemptView.GET),
    method: "GET",
    params: (w) => ({ id: w.assignedAttemptId }),
    expected: { anonymous: 401, learner: 200, otherLearner: 404, otherInstructor: 404, admin: 404, instructor: 404 },
  },
  {
    name: "GET /api/admin/users",
    handler: h(adminUsers.GET),
    method: "GET",
    expected: { anonymous: 401, learner: 403, otherLearner: 403, otherInstructor: 403, admin: 200, instructor: 403 },
  },
  {
    name: "PATCH /api/admin/users/[id]",
    handler: h(adminUser.PATCH),
    method: "PATCH",
    params: (w) => ({ id: w.users.otherLearner.id }),
    body: () => ({ role: "instructor" }),
    expected: { anonymous: 401, learner: 403, otherLearner: 403, otherInstructor: 403, admin: 200, instructor: 403 },
    check: async (w) => {
      expect((await db.user.findUniqueOrThrow({ where: { id: w.users.otherLearner.id } })).role).toBe("instructor");
    },
  },
];

describe("authorization matrix: every class and admin route × every kind of caller", () => {
  beforeAll(() => {
    expect(assigned && unassigned && extra).toBeTruthy();
  });

  for (const route of cases) {
    it(route.name, async () => {
      const world = await buildWorld();
      const answers: Partial<Expected> = {};
      for (const actor of actors) {
        const caller: Caller = actor === "anonymous" ? null : world.users[actor];
        const response = await callRoute(route.handler, caller, {
          method: route.method,
          params: route.params?.(world),
          body: route.body?.(world),
        });
        answers[actor] = response.status;
        if (response.status >= 400) {
          const body = (await response.json()) as { error: { code: string; message: string } };
          expect(body.error.message, `${actor}: one error shape`).toEqual(expect.any(String));
        } else if (route.check && response.status === route.expected[actor]) {
          await route.check(world, actor, response);
        }
      }
      expect(answers).toEqual(route.expected);
    });
  }

  it("an admin cannot remove their own admin role", async () => {
    const admin = await createUser("admin");
    const response = await callRoute(h(adminUser.PATCH), admin, { method: "PATCH", params: { id: admin.id }, body: { role: "learner" } });
    expect(response.status).toBe(409);
  });

  it("malformed ids and bodies answer 404 and 422 in the one error shape", async () => {
    const w = await buildWorld();
    expect((await callRoute(h(dashboard.GET), w.users.instructor, { params: { id: "NOT AN ID" } })).status).toBe(404);
    const bad = await callRoute(h(assignments.POST), w.users.instructor, { method: "POST", params: { id: w.classId }, body: { scenarioId: "" } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
    const badCode = await callRoute(h(join.POST), w.users.otherLearner, { method: "POST", body: { code: "nope" } });
    expect(badCode.status).toBe(422);
  });
});
