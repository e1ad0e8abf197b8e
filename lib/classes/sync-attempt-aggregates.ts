import type { ActionType, Prisma } from "@prisma/client";
import type { Tx } from "../db";
import { summarizeActions } from "./summarize-actions";

/** Options for {@link syncAttemptAggregates}. */
export interface SyncAttemptAggregatesOptions {
  attemptId: string;
  /** The action just written (inside the same transaction). */
  action: { type: ActionType; exitCode: number };
}

/**
 * The Attempt fields to update after an action is written, inside the action's
 * transaction: counters are incremented; after a check (rare) every aggregate is
 * recomputed from the stored actions, which stay the source of truth.
 */
export async function syncAttemptAggregates(tx: Tx, options: SyncAttemptAggregatesOptions): Promise<Prisma.AttemptUpdateInput> {
  const { type, exitCode } = options.action;
  if (type === "command" || type === "edit") return { commandCount: { increment: 1 } };
  if (type === "hint") return exitCode === 0 ? { hintCount: { increment: 1 } } : {};
  if (type !== "check") return {};
  const actions = await tx.action.findMany({
    where: { attemptId: options.attemptId },
    orderBy: { seq: "asc" },
    select: { type: true, input: true, exitCode: true },
  });
  return summarizeActions(actions);
}
