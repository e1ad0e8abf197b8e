import type { ActionType } from "@prisma/client";
import { isWriteCommand, normalizeCommand, normalizeEdit } from "./normalize-command";

/** The fields of a recorded action that the per-attempt aggregates read. */
export interface SummarizableAction {
  type: ActionType;
  input: string;
  exitCode: number;
}

/** Per-attempt aggregates kept on the Attempt row; always derivable from its actions. */
export interface AttemptAggregates {
  /** Commands and editor saves. */
  commandCount: number;
  /** Hints actually shown (not "no more hints"). */
  hintCount: number;
  checkCount: number;
  /** For each failed check, the write commands since the previous check (normalised, de-duplicated). */
  nonFixes: string[];
  /** The last (up to) three commands before the passing check, normalised, oldest first. */
  solveLead: string[];
}

/** How many commands before a solve count as "just before" it. */
export const SOLVE_LEAD_LENGTH = 3;

/** Computes an attempt's aggregates from its actions in `seq` order (the source of truth). */
export function summarizeActions(actions: readonly SummarizableAction[]): AttemptAggregates {
  const out: AttemptAggregates = { commandCount: 0, hintCount: 0, checkCount: 0, nonFixes: [], solveLead: [] };
  const sinceCheck = new Set<string>();
  const recent: string[] = [];
  for (const action of actions) {
    if (action.type === "command" || action.type === "edit") {
      const shape = action.type === "edit" ? normalizeEdit(action.input) : normalizeCommand(action.input);
      out.commandCount++;
      if (!shape) continue;
      recent.push(shape);
      if (recent.length > SOLVE_LEAD_LENGTH) recent.shift();
      if (isWriteCommand(shape)) sinceCheck.add(shape);
    } else if (action.type === "hint") {
      if (action.exitCode === 0) out.hintCount++;
    } else if (action.type === "check") {
      out.checkCount++;
      if (action.exitCode === 0) {
        out.solveLead = [...recent];
      } else {
        out.nonFixes.push(...sinceCheck);
      }
      sinceCheck.clear();
    } else if (action.type === "reset") {
      sinceCheck.clear();
    }
  }
  return out;
}
