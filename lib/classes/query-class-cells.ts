import { db } from "../db";

/** One learner × assigned scenario, aggregated over the learner's attempts on it. */
export interface ClassCellRow {
  userId: string;
  scenarioId: string;
  attempts: number;
  bestScore: number | null;
  solved: boolean;
  inProgress: boolean;
  /** When the first passing attempt finished. */
  solvedAt: Date | null;
  /** Virtual time to fix (ms) of the first passing attempt. */
  fixMs: number | null;
  /** Commands of the first passing attempt. */
  fixCommands: number | null;
  hints: number;
}

/** A cell as the SQL JSON documents carry it. */
export interface RawCell {
  u: string;
  s: string;
  n: number;
  best: number | null;
  solved: boolean;
  open: boolean;
  /** [finishedAt epoch s, lastVirtualMs, commandCount] of the first passing attempt. */
  first: [number, number, number] | null;
  hints: number;
}

/**
 * Aggregates, in one query, the attempts of the class's learners on the class's
 * assigned scenarios (and no others), per learner × scenario. Reads only the
 * per-attempt aggregates on Attempt rows, never the actions. The caller has
 * already checked that the class is the user's; the instructor id is joined
 * again so the query cannot read another instructor's class.
 *
 * The rows come back as one JSON document (thousands of small rows cost far more
 * through the driver than one string), and "first passing attempt" is the minimum
 * of [finishedAt, time, commands] arrays, so PostgreSQL can hash-aggregate.
 */
export async function queryClassCells(options: { classId: string; instructorId: string }): Promise<ClassCellRow[]> {
  const [row] = await db.$queryRaw<{ cells: string | null }[]>`
    SELECT json_agg(g)::text AS cells FROM (
      SELECT a."userId" AS u, a."scenarioId" AS s,
             count(*)::int AS n,
             max(a.score) AS best,
             bool_or(a.status = 'passed') AS solved,
             bool_or(a.status = 'in_progress') AS open,
             min(ARRAY[extract(epoch FROM a."finishedAt")::float8, a."lastVirtualMs", a."commandCount"]) FILTER (WHERE a.status = 'passed') AS first,
             sum(a."hintCount")::int AS hints
      FROM "Class" c
      JOIN "ClassMember" m ON m."classId" = c.id
      JOIN "Assignment" s ON s."classId" = c.id
      JOIN "Attempt" a ON a."userId" = m."userId" AND a."scenarioId" = s."scenarioId"
      WHERE c.id = ${options.classId} AND c."instructorId" = ${options.instructorId}
      GROUP BY a."userId", a."scenarioId"
    ) g`;
  const cells = JSON.parse(row?.cells ?? "[]") as RawCell[];
  return cells.map(toCellRow);
}

/** A JSON cell as a {@link ClassCellRow}. */
export function toCellRow(c: RawCell): ClassCellRow {
  return {
    userId: c.u,
    scenarioId: c.s,
    attempts: c.n,
    bestScore: c.best,
    solved: c.solved,
    inProgress: c.open,
    solvedAt: c.first ? new Date(Math.round(c.first[0] * 1000)) : null,
    fixMs: c.first ? c.first[1] : null,
    fixCommands: c.first ? c.first[2] : null,
    hints: c.hints,
  };
}
