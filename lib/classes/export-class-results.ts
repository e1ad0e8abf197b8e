import type { SessionUser } from "../auth/session-user";
import { findScenario } from "../attempts/engine-session";
import { db } from "../db";
import { cellStatus } from "./cell-status";
import { classNotFound } from "./errors";
import { learnerLabel } from "./learner-label";
import { queryClassCells, type ClassCellRow } from "./query-class-cells";

/**
 * The CSV columns, in order. Stable: documented in README.md ("Class results CSV");
 * add new columns at the end only.
 */
export const CLASS_RESULTS_COLUMNS = [
  "class_id",
  "class_name",
  "learner_id",
  "learner",
  "learner_email",
  "scenario_id",
  "scenario_title",
  "opens_at",
  "due_at",
  "status",
  "best_score",
  "attempts",
  "solved_at",
  "time_to_fix_seconds",
  "commands_to_fix",
  "hints_used",
] as const;

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // Quote when needed; a leading =, +, - or @ is prefixed so spreadsheets don't run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One of the user's classes as CSV: a header, then one row per learner × assignment (RFC 4180, CRLF). */
export async function exportClassResults(options: { user: SessionUser; classId: string; now?: Date }): Promise<{ filename: string; csv: string }> {
  const now = options.now ?? new Date();
  const found = await db.class.findFirst({
    where: { id: options.classId, instructorId: options.user.id },
    select: {
      id: true, name: true, instructorId: true,
      members: { select: { user: { select: { id: true, name: true, email: true } } } },
      assignments: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!found) throw classNotFound();
  const cells = new Map<string, ClassCellRow>();
  for (const c of await queryClassCells({ classId: found.id, instructorId: found.instructorId })) cells.set(`${c.userId} ${c.scenarioId}`, c);
  const learners = found.members.map((m) => ({ ...m.user, label: learnerLabel(m.user) })).sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const lines = [CLASS_RESULTS_COLUMNS.join(",")];
  for (const learner of learners) {
    for (const a of found.assignments) {
      const cell = cells.get(`${learner.id} ${a.scenarioId}`);
      const fields = [
        found.id,
        found.name,
        learner.id,
        learner.label,
        learner.email,
        a.scenarioId,
        findScenario(a.scenarioId)?.title ?? a.scenarioId,
        a.opensAt?.toISOString() ?? null,
        a.dueAt?.toISOString() ?? null,
        cellStatus(cell, a.dueAt, now),
        cell?.bestScore ?? null,
        cell?.attempts ?? 0,
        cell?.solvedAt?.toISOString() ?? null,
        cell?.fixMs != null ? Math.round(cell.fixMs / 1000) : null,
        cell?.fixCommands ?? null,
        cell?.hints ?? 0,
      ];
      lines.push(fields.map(csvField).join(","));
    }
  }
  const slug = found.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "class";
  return { filename: `${slug}-results.csv`, csv: lines.join("\r\n") + "\r\n" };
}
