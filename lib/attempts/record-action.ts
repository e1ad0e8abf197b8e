import { randomUUID } from "node:crypto";
import type { AttemptStatus, Prisma } from "@prisma/client";
import { db } from "../db";
import { syncAttemptAggregates } from "../classes/sync-attempt-aggregates";
import { ApiError } from "../http/errors";
import type { ActionInput } from "../validations/attempt";
import {
  applyAction,
  ENGINE_VERSION,
  replayAttempt,
  type ActionOutcome,
  type ActionRequest,
  type LiveSession,
} from "./engine-session";
import { attemptNotFound } from "./errors";
import { sessionCache } from "./session-cache";
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
 * The attempt row is locked (`SELECT … FOR UPDATE`) for the whole transaction, so concurrent
 * actions on one attempt run one after the other: each gets seq = max + 1 (read after the lock
 * is held: a subquery in the locking statement would see the snapshot from before the wait),
 * and none is lost or applied twice. The engine session comes from the cache
 * when it is exactly at the last committed seq, else from a replay of the stored actions; it
 * goes back to the cache only after the commit. Commands, edits and hints (nearly all
 * traffic) are stored with one statement that inserts the action and bumps the attempt's
 * counters; checks, resets and giving up take the general path.
 */
export async function recordAction(options: RecordActionOptions): Promise<RecordedActionResult> {
  const now = options.now ?? new Date();
  const request = toRequest(options.action);

  const { result, live } = await db.$transaction(
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
      else {
        const actions = await tx.action.findMany({
          where: { attemptId: attempt.id },
          orderBy: { seq: "asc" },
          select: { type: true, input: true, virtualMs: true },
        });
        live = replayAttempt(attempt.scenarioId, attempt.seed, actions);
      }

      // The learner's clock: the client's elapsed time, never ahead of the server's, never going back.
      const wallMs = Math.max(0, now.getTime() - attempt.startedAt.getTime());
      const clientMs = options.action.clientMs ?? wallMs;
      const virtualMs = Math.max(attempt.lastVirtualMs, Math.min(clientMs, wallMs + CLOCK_SLACK_MS));

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
        return { result, live: applied.live };
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
      return { result, live: applied.live };
    },
    { maxWait: 15_000, timeout: 30_000 },
  );

  sessionCache.put(options.attemptId, { live, seq: result.seq });
  if (result.type === "command") observeCommand({ exitCode: result.exitCode });
  return result;
}
