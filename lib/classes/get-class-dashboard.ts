import type { SessionUser } from "../auth/session-user";
import { findScenario } from "../attempts/engine-session";
import { db } from "../db";
import { cellStatus, type CellStatus } from "./cell-status";
import { classNotFound } from "./errors";
import { learnerLabel } from "./learner-label";
import { median } from "./median";
import { toCellRow, type ClassCellRow, type RawCell } from "./query-class-cells";

/** One cell of the progress matrix. */
export interface DashboardCell {
  status: CellStatus;
  bestScore: number | null;
  attempts: number;
}

/** A command shape and how many learners ran it. */
export interface CommandCount {
  command: string;
  learners: number;
}

/** Statistics of one assigned scenario over the class's learners. */
export interface ScenarioStats {
  assignmentId: string;
  scenarioId: string;
  title: string;
  learners: number;
  /** Learners with at least one attempt. */
  attempted: number;
  solved: number;
  /** solved / learners (0 in an empty class). */
  solveRate: number;
  /** Median over solvers of the virtual time their first passing attempt took. */
  medianTimeToFixMs: number | null;
  /** Median over solvers of the commands their first passing attempt ran. */
  medianCommands: number | null;
  /** Hints shown, over every attempt. */
  hintsUsed: number;
  /** Learners who used at least one hint. */
  learnersWithHints: number;
  statusCounts: Record<CellStatus, number>;
  /** Write commands followed by a failed check, by learners who ran them (top 5). */
  topNonFixes: CommandCount[];
  /** Commands among the last three before a passing check, by learners who ran them (top 5). */
  topBeforeSolve: CommandCount[];
}

/** The class dashboard: the progress matrix and per-scenario statistics. */
export interface ClassDashboard {
  classId: string;
  name: string;
  archivedAt: string | null;
  generatedAt: string;
  assignments: { id: string; scenarioId: string; title: string; opensAt: string | null; dueAt: string | null; seed: number | null }[];
  /** Learners in label order, each with one cell per assignment (same order as `assignments`). */
  rows: { userId: string; label: string; cells: DashboardCell[] }[];
  scenarios: ScenarioStats[];
}

/** Options for {@link getClassDashboard}. */
export interface GetClassDashboardOptions {
  user: SessionUser;
  classId: string;
  now?: Date;
}

interface CommandRow {
  scenarioId: string;
  kind: "non_fix" | "before_solve";
  command: string;
  learners: number;
}

const TOP = 5;

/**
 * The dashboard of one of the user's classes (404 for anyone else's): one SQL
 * statement, scoped by the class id and the user as its instructor, reading the
 * per-attempt aggregates; nothing here reads the actions.
 */
export async function getClassDashboard(options: GetClassDashboardOptions): Promise<ClassDashboard> {
  const now = options.now ?? new Date();
  // One round trip: the class (only if it is the user's), its learners, assignments, cells and commands.
  const [doc] = await db.$queryRaw<{ doc: string | null }[]>`
    WITH c AS (
      SELECT id, name, "archivedAt" FROM "Class" WHERE id = ${options.classId} AND "instructorId" = ${options.user.id}
    ),
    members AS (
      SELECT u.id, u.name, u.email FROM c JOIN "ClassMember" m ON m."classId" = c.id JOIN "User" u ON u.id = m."userId"
    ),
    assigned AS (
      SELECT s.id, s."scenarioId", s."opensAt", s."dueAt", s.seed, s."createdAt" FROM c JOIN "Assignment" s ON s."classId" = c.id
    ),
    attempts AS (
      SELECT a."userId", a."scenarioId", a.status, a.score, a."finishedAt", a."lastVirtualMs", a."commandCount", a."hintCount", a."nonFixes", a."solveLead"
      FROM members m JOIN "Attempt" a ON a."userId" = m.id JOIN assigned s ON s."scenarioId" = a."scenarioId"
    ),
    cells AS (
      SELECT "userId" AS u, "scenarioId" AS s, count(*)::int AS n, max(score) AS best,
             bool_or(status = 'passed') AS solved, bool_or(status = 'in_progress') AS open,
             min(ARRAY[extract(epoch FROM "finishedAt")::float8, "lastVirtualMs", "commandCount"]) FILTER (WHERE status = 'passed') AS first,
             sum("hintCount")::int AS hints
      FROM attempts GROUP BY "userId", "scenarioId"
    ),
    commands AS (
      -- Distinct (scenario, kind, command, learner) first: hash aggregates, no sort of text keys.
      SELECT "scenarioId", kind, command, count(*)::int AS learners FROM (
        SELECT DISTINCT a."scenarioId", k.kind, k.command, a."userId"
        FROM attempts a
        CROSS JOIN LATERAL (
          SELECT 'non_fix' AS kind, x AS command FROM unnest(a."nonFixes") x
          UNION ALL
          SELECT 'before_solve', y FROM unnest(a."solveLead") y
        ) k
        WHERE cardinality(a."nonFixes") > 0 OR cardinality(a."solveLead") > 0
      ) d
      GROUP BY "scenarioId", kind, command
    )
    SELECT json_build_object(
      'id', c.id, 'name', c.name, 'archivedAt', c."archivedAt",
      'members', (SELECT coalesce(json_agg(members), '[]') FROM members),
      'assignments', (SELECT coalesce(json_agg(assigned ORDER BY "createdAt", id), '[]') FROM assigned),
      'cells', (SELECT coalesce(json_agg(cells), '[]') FROM cells),
      'commands', (SELECT coalesce(json_agg(commands), '[]') FROM commands)
    )::text AS doc
    FROM c`;
  if (!doc?.doc) throw classNotFound();
  const found = JSON.parse(doc.doc) as {
    id: string;
    name: string;
    archivedAt: string | null;
    members: { id: string; name: string | null; email: string | null }[];
    assignments: { id: string; scenarioId: string; opensAt: string | null; dueAt: string | null; seed: number | null }[];
    cells: RawCell[];
    commands: CommandRow[];
  };
  const { members, commands } = found;
  const assignments = found.assignments.map((a) => ({ ...a, dueAt: a.dueAt ? new Date(`${a.dueAt}Z`) : null, opensAt: a.opensAt ? new Date(`${a.opensAt}Z`) : null }));
  const cells = found.cells.map(toCellRow);

  const learners = members.map((m) => ({ userId: m.id, label: learnerLabel(m) })).sort((a, b) => a.label.localeCompare(b.label));
  const byKey = new Map<string, ClassCellRow>();
  for (const c of cells) byKey.set(`${c.userId} ${c.scenarioId}`, c);

  const rows = learners.map((l) => ({
    ...l,
    cells: assignments.map((a): DashboardCell => {
      const row = byKey.get(`${l.userId} ${a.scenarioId}`);
      return { status: cellStatus(row, a.dueAt, now), bestScore: row?.bestScore ?? null, attempts: row?.attempts ?? 0 };
    }),
  }));

  const scenarios = assignments.map((a, column): ScenarioStats => {
    const statusCounts: Record<CellStatus, number> = { not_started: 0, in_progress: 0, solved: 0, failed: 0, overdue: 0 };
    for (const r of rows) statusCounts[r.cells[column].status]++;
    const mine = learners.map((l) => byKey.get(`${l.userId} ${a.scenarioId}`)).filter((c): c is ClassCellRow => c !== undefined);
    const solvers = mine.filter((c) => c.solved);
    const top = (kind: CommandRow["kind"]) =>
      commands
        .filter((c) => c.scenarioId === a.scenarioId && c.kind === kind)
        .sort((x, y) => y.learners - x.learners || x.command.localeCompare(y.command))
        .slice(0, TOP)
        .map(({ command, learners: n }) => ({ command, learners: n }));
    return {
      assignmentId: a.id,
      scenarioId: a.scenarioId,
      title: findScenario(a.scenarioId)?.title ?? a.scenarioId,
      learners: learners.length,
      attempted: mine.length,
      solved: solvers.length,
      solveRate: learners.length ? solvers.length / learners.length : 0,
      medianTimeToFixMs: median(solvers.map((c) => c.fixMs ?? 0)),
      medianCommands: median(solvers.map((c) => c.fixCommands ?? 0)),
      hintsUsed: mine.reduce((n, c) => n + c.hints, 0),
      learnersWithHints: mine.filter((c) => c.hints > 0).length,
      statusCounts,
      topNonFixes: top("non_fix"),
      topBeforeSolve: top("before_solve"),
    };
  });

  return {
    classId: found.id,
    name: found.name,
    archivedAt: found.archivedAt ? new Date(`${found.archivedAt}Z`).toISOString() : null,
    generatedAt: now.toISOString(),
    assignments: assignments.map((a) => ({
      id: a.id,
      scenarioId: a.scenarioId,
      title: findScenario(a.scenarioId)?.title ?? a.scenarioId,
      opensAt: a.opensAt?.toISOString() ?? null,
      dueAt: a.dueAt?.toISOString() ?? null,
      seed: a.seed,
    })),
    rows,
    scenarios,
  };
}
