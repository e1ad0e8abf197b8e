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

/**
 * Aggregates, in one query, the attempts of the class's learners on the class's
 * assigned scenarios (and no others), per learner × scenario. Reads only the
 * per-attempt aggregates on Attempt rows, never the actions. The caller has
 * already checked that the class is the user's; the instructor id is joined
 * again so the query cannot read another instructor's class.
 */
export async function queryClassCells(options: { classId: string; instructorId: string }): Promise<ClassCellRow[]> {
  return db.$queryRaw<ClassCellRow[]>`
    SELECT a."userId", a."scenarioId",
           count(*)::int AS "attempts",
           max(a.score) AS "bestScore",
           bool_or(a.status = 'passed') AS "solved",
           bool_or(a.status = 'in_progress') AS "inProgress",
           min(a."finishedAt") FILTER (WHERE a.status = 'passed') AS "solvedAt",
           (array_agg(a."lastVirtualMs" ORDER BY a."finishedAt") FILTER (WHERE a.status = 'passed'))[1] AS "fixMs",
           (array_agg(a."commandCount" ORDER BY a."finishedAt") FILTER (WHERE a.status = 'passed'))[1] AS "fixCommands",
           sum(a."hintCount")::int AS "hints"
    FROM "Class" c
    JOIN "ClassMember" m ON m."classId" = c.id
    JOIN "Assignment" s ON s."classId" = c.id
    JOIN "Attempt" a ON a."userId" = m."userId" AND a."scenarioId" = s."scenarioId"
    WHERE c.id = ${options.classId} AND c."instructorId" = ${options.instructorId}
    GROUP BY a."userId", a."scenarioId"`;
}
