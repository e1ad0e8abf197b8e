import type { ClassCellRow } from "./query-class-cells";

/** Where a learner stands on an assignment. */
export type CellStatus = "not_started" | "in_progress" | "solved" | "failed" | "overdue";

/**
 * A cell's status: solved once any attempt passed; otherwise overdue after the due
 * date; otherwise in progress while an attempt is open, failed when every attempt
 * ended unsolved, not started without attempts.
 */
export function cellStatus(row: ClassCellRow | undefined, dueAt: Date | null, now: Date): CellStatus {
  if (row?.solved) return "solved";
  if (dueAt && now > dueAt) return "overdue";
  if (!row || row.attempts === 0) return "not_started";
  return row.inProgress ? "in_progress" : "failed";
}
