import { randomUUID } from "node:crypto";
import type { AttemptStatus, Prisma } from "@prisma/client";
import { db, pool } from "../db";
import { syncAttemptAggregates } from "../classes/sync-attempt-aggregates";
import { ApiError } from "../http/errors";
import type { ActionInput } from "../validations/attempt";
import {
  applyAction,
  applyStoredActions,
  ENGINE_VERSION,
  replayAttempt,
  type ActionOutcome,
  type ActionRequest,
  type LiveSession,
  type StoredAction,
} from "./engine-session";
import { attemptNotFound } from "./errors";
import { sessionCache, type CachedSession } from "./session-cache";
import { observeCommand } from "../observability/metrics";

/** Options for {@link recordAction}. */
export interface RecordActionOptions {
  attemptId: string;
  userId: string;
  action: ActionInput;
  /** Wall clock of the request (tests pass their own). */
  now?: Date;
}

/** What the terminal gets back for one action. */
export interface RecordedActionResult extends ActionOutcome {
  seq: number;
  type: ActionInput["type"];
  virtualMs: number;
  status: AttemptStatus;
  score: number | null;
}

/** Slack allowed between the client's elapsed time and the server's, in ms. */
const CLOCK_SLACK_MS = 5_000;

interface LockedAttempt {
  id: string;
  scenarioId: string;
  seed: number;
  engineVersion: string;
  status: AttemptStatus;
  lastVirtualMs: number;
  startedAt: Date;
}

function toRequest(action: ActionInput): ActionRequest {
  switch (action.type) {
    case "command":
      return { type: "command", line: action.line };
    case "edit":
      return { type: "edit", edit: action.edit };
    default:
      return { type: action.type };
  }
}

/**
 * Applies one learner action to an attempt and stores it, before answering.
 *
 * The hot path (commands, edits and hints, nearly all traffic, when this process holds a
 * session of the attempt): the actions stored after the cached one (by another process or
 * tab: usually none) are read and applied, then the new action is applied and stored by one
 * statement that inserts it and bumps the attempt's counters only if the attempt is still
 * this user's, in progress, and has no action at or after this seq. If another writer got
 * there in between, nothing is stored — the unique (attemptId, seq) index refuses a racing
 * twin — the mutated session is dropped, and the action takes the general path.
 *
 * The general path locks the attempt row (`SELECT … FOR UPDATE`) for the whole
 * transaction, so concurrent actions on one attempt run one after the other: each gets
 * seq = max + 1 (read after the lock is held: a subquery in the locking statement would see
 * the snapshot from before the wait), and none is lost or applied twice. Its session comes
 * from the cache (brought up to the last committed seq), else from a replay of the
 * stored actions.
 *
 * Either way a session goes back to the cache only after its action is committed.
 */
export async function recordAction(options: RecordActionOptions): Promise<RecordedActionResult> {
  const now = options.now ?? new Date();
  const request = toRequest(options.action);

  if (request.type === "command" || request.type === "edit" || request.type === "hint") {
    const cached = sessionCache.take(options.attemptId);
    if (cached?.attempt?.userId === options.userId) {
      const stored = await recordHotAction(options, request, cached as Required<CachedSession>, now);
      if (stored) return stored;
    } else if (cached) {
      sessionCache.put(options.attemptId, cached); // untouched: the general path decides
    }
  }

  const { result, live, startedAt } = await db.$transaction(
    async (tx) => {
      const [attempt] = await tx.$queryRaw<LockedAttempt[]>`
        SELECT id, "scenarioId", seed, "engineVersion", status, "lastVirtualMs", "startedAt"
        FROM "Attempt" WHERE id = ${options.attemptId} AND "userId" = ${options.userId}
        FOR UPDATE`;
      if (!attempt) throw attemptNotFound();
      if (attempt.status !== "in_progress") {
        throw new ApiError("conflict", "This attempt is finished. Open its result, or start a new variant.");
      }
      if (attempt.engineVersion !== ENGINE_VERSION) {
        throw new ApiError("conflict", "This attempt was recorded with an older simulator and cannot continue. Start a new variant.");
      }

      const [{ lastSeq }] = await tx.$queryRaw<{ lastSeq: number }[]>`
        SELECT COALESCE(max(seq), 0)::int AS "lastSeq" FROM "Action" WHERE "attemptId" = ${attempt.id}`;
      const seq = lastSeq + 1;

      let live: LiveSession;
      const cached = sessionCache.take(attempt.id);
      if (cached && cached.seq === seq - 1) live = cached.live;
      else if (cached && cached.seq < seq - 1) {
        // Behind (another process or tab stored actions since): apply only what it missed.
        const missed = await tx.action.findMany({
          where: { attemptId: attempt.id, seq: { gt: cached.seq } },
          orderBy: { seq: "asc" },
          select: { type: true, input: true, virtualMs: true },
        });
        live = applyStoredActions(cached.live, missed);
      } else {
        const actions = await tx.action.findMany({
          where: { attemptId: attempt.id },
          orderBy: { seq: "asc" },
          select: { type: true, input: true, virtualMs: true },
        });
        live = replayAttempt(attempt.scenarioId, attempt.seed, actions);
      }

      const virtualMs = actionVirtualMs(options.action, attempt, now);

      const applied = applyAction(live, request, virtualMs);
      const { outcome } = applied;

      let status: AttemptStatus = "in_progress";
      let score: number | null = null;
      if (request.type === "check" && outcome.grade?.passed) {
        status = "passed";
        score = outcome.grade.score;
      } else if (request.type === "give_up") {
        // Ending after a failed check is a failed attempt scored as graded; without one, giving up.
        const lastCheck = await tx.action.findFirst({
          where: { attemptId: attempt.id, type: "check" },
          orderBy: { seq: "desc" },
          select: { grade: true },
        });
        const lastGrade = lastCheck?.grade as { score?: number } | null | undefined;
        status = lastCheck ? "failed" : "gave_up";
        score = lastCheck ? (lastGrade?.score ?? 0) : 0;
      }

      if (request.type === "command" || request.type === "edit" || request.type === "hint") {
        // The hot path: one statement stores the action and the attempt's counters.
        const commands = request.type === "hint" ? 0 : 1;
        const hints = request.type === "hint" && outcome.exitCode === 0 ? 1 : 0;
        await tx.$executeRaw`
          WITH stored AS (
            INSERT INTO "Action" (id, "attemptId", seq, type, input, output, "exitCode", "virtualMs")
            VALUES (${randomUUID()}, ${attempt.id}, ${seq}, ${request.type}::"ActionType", ${outcome.input}, ${outcome.output}, ${outcome.exitCode}, ${virtualMs})
          )
          UPDATE "Attempt" SET "commandCount" = "commandCount" + ${commands}, "hintCount" = "hintCount" + ${hints}, "lastVirtualMs" = ${virtualMs}
          WHERE id = ${attempt.id}`;
        const result: RecordedActionResult = { ...outcome, seq, type: request.type, virtualMs, status, score };
        return { result, live: applied.live, startedAt: attempt.startedAt };
      }

      await tx.action.create({
        data: {
          attemptId: attempt.id,
          seq,
          type: request.type,
          input: outcome.input,
          output: outcome.output,
          exitCode: outcome.exitCode,
          virtualMs,
          grade: outcome.grade ? (outcome.grade as unknown as Prisma.InputJsonValue) : undefined,
        },
      });
      // Counters and class-dashboard aggregates on the attempt row (lib/classes).
      const aggregates = await syncAttemptAggregates(tx, { attemptId: attempt.id, action: { type: request.type, exitCode: outcome.exitCode } });
      await tx.attempt.update({
        where: { id: attempt.id },
        data: {
          ...aggregates,
          lastVirtualMs: virtualMs,
          ...(status !== "in_progress" ? { status, score, finishedAt: now } : {}),
        },
      });

      const result: RecordedActionResult = { ...outcome, seq, type: request.type, virtualMs, status, score };
      return { result, live: applied.live, startedAt: attempt.startedAt };
    },
    { maxWait: 15_000, timeout: 30_000 },
  );

  sessionCache.put(options.attemptId, { live, seq: result.seq, attempt: { userId: options.userId, startedAt, lastVirtualMs: result.virtualMs } });
  if (result.type === "command") observeCommand({ exitCode: result.exitCode });
  return result;
}

/** The learner's clock: the client's elapsed time, never ahead of the server's, never going back. */
function actionVirtualMs(action: ActionInput, attempt: { startedAt: Date; lastVirtualMs: number }, now: Date): number {
  const wallMs = Math.max(0, now.getTime() - attempt.startedAt.getTime());
  const clientMs = action.clientMs ?? wallMs;
  return Math.max(attempt.lastVirtualMs, Math.min(clientMs, wallMs + CLOCK_SLACK_MS));
}

/** PostgreSQL's unique_violation: a racing writer stored this seq first. */
const UNIQUE_VIOLATION = "23505";

/**
 * The hot path of {@link recordAction}: the cached session (owned by the caller, taken out
 * of the cache) gets the action, and one autocommitted statement stores it. Null when the
 * attempt moved on without us (or is no longer this user's or in progress): nothing was
 * stored, and the session, now ahead of the database, is dropped.
 */
async function recordHotAction(
  options: RecordActionOptions,
  request: Extract<ActionRequest, { type: "command" | "edit" | "hint" }>,
  cached: Required<CachedSession>,
  now: Date,
): Promise<RecordedActionResult | null> {
  // Actions stored since this session was cached (by another process serving the same
  // learner, or a second tab): usually none; otherwise applied, as a replay would.
  const missed = await pool.query<StoredAction & { seq: number }>({
    name: "hot-missed-actions",
    text: `SELECT type, input, "virtualMs", seq FROM "Action" WHERE "attemptId" = $1 AND seq > $2 ORDER BY seq`,
    values: [options.attemptId, cached.seq],
  });
  let current = cached.live;
  let lastSeq = cached.seq;
  let lastVirtualMs = cached.attempt.lastVirtualMs;
  if (missed.rows.length > 0) {
    current = applyStoredActions(current, missed.rows);
    const last = missed.rows[missed.rows.length - 1];
    lastSeq = last.seq;
    lastVirtualMs = Math.max(lastVirtualMs, last.virtualMs);
  }
  const attempt = { ...cached.attempt, lastVirtualMs };

  const seq = lastSeq + 1;
  const virtualMs = actionVirtualMs(options.action, attempt, now);
  const { outcome, live } = applyAction(current, request, virtualMs);
  const commands = request.type === "hint" ? 0 : 1;
  const hints = request.type === "hint" && outcome.exitCode === 0 ? 1 : 0;
  let stored: number;
  try {
    const written = await pool.query({
      name: "hot-store-action",
      text: `WITH counted AS (
         UPDATE "Attempt" SET "commandCount" = "commandCount" + $7, "hintCount" = "hintCount" + $8, "lastVirtualMs" = $9
         WHERE id = $2 AND "userId" = $10 AND status = 'in_progress'
           AND NOT EXISTS (SELECT 1 FROM "Action" WHERE "attemptId" = $2 AND seq >= $3)
         RETURNING id
       )
       INSERT INTO "Action" (id, "attemptId", seq, type, input, output, "exitCode", "virtualMs")
       SELECT $1, id, $3, $4::"ActionType", $5, $6, $11, $9 FROM counted`,
      values: [randomUUID(), options.attemptId, seq, request.type, outcome.input, outcome.output, commands, hints, virtualMs, options.userId, outcome.exitCode],
    });
    stored = written.rowCount ?? 0;
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) return null;
    throw error;
  }
  if (stored !== 1) return null;

  sessionCache.put(options.attemptId, { live, seq, attempt: { ...attempt, lastVirtualMs: virtualMs } });
  if (request.type === "command") observeCommand({ exitCode: outcome.exitCode });
  return { ...outcome, seq, type: request.type, virtualMs, status: "in_progress", score: null };
}
