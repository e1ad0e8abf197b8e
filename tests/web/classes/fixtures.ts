import crypto from "node:crypto";
import type { ActionType, AttemptStatus, Role } from "@prisma/client";
import { ENGINE_VERSION } from "@/lib/attempts/engine-session";
import type { SessionUser } from "@/lib/auth/session-user";
import { summarizeActions } from "@/lib/classes/summarize-actions";
import { db } from "@/lib/db";

/** Creates a registered user with a role. */
export async function createUser(role: Role = "learner", name?: string): Promise<SessionUser> {
  const email = `${role}-${crypto.randomBytes(5).toString("hex")}@example.test`;
  return db.user.create({ data: { email, role, name }, select: { id: true, email: true, name: true, role: true, isGuest: true } });
}

/** An action to insert: type, input, exit code, virtual ms. */
export type FixtureAction = [type: ActionType, input: string, exitCode: number, virtualMs: number];

/**
 * Inserts a finished or open attempt with its actions, and the per-attempt aggregates
 * computed from those actions (as recordAction and the demo seeder keep them).
 */
export async function insertAttempt(options: {
  userId: string;
  scenarioId: string;
  status: AttemptStatus;
  score?: number | null;
  actions: FixtureAction[];
  startedAt?: Date;
}): Promise<string> {
  const startedAt = options.startedAt ?? new Date(Date.now() - 3600_000);
  const last = options.actions.at(-1)?.[3] ?? 0;
  const aggregates = summarizeActions(options.actions.map(([type, input, exitCode]) => ({ type, input, exitCode })));
  const attempt = await db.attempt.create({
    data: {
      userId: options.userId,
      scenarioId: options.scenarioId,
      seed: 7,
      engineVersion: ENGINE_VERSION,
      status: options.status,
      score: options.score ?? null,
      startedAt,
      finishedAt: options.status === "in_progress" ? null : new Date(startedAt.getTime() + last),
      lastVirtualMs: last,
      ...aggregates,
      actions: {
        create: options.actions.map(([type, input, exitCode, virtualMs], i) => ({
          seq: i + 1,
          type,
          input,
          output: `output of ${type} ${input}`.trim(),
          exitCode,
          virtualMs,
        })),
      },
    },
  });
  return attempt.id;
}
