/** Difficulty as filled and empty pips, with a readable label. */
export function Difficulty({ level }: { level: number }) {
  const names = ["", "easy", "medium", "hard"];
  return (
    <span className="difficulty" title={names[level]} aria-label={`difficulty: ${names[level]}`}>
      {"●".repeat(level)}
      <span className="muted">{"○".repeat(3 - level)}</span>
    </span>
  );
}

/** Human label of an attempt or scenario status, as a badge. */
export function StatusBadge({ status }: { status: string }) {
  const labels: Record<string, [string, string]> = {
    passed: ["passed", "ok"],
    in_progress: ["in progress", "warn"],
    failed: ["failed", "bad"],
    gave_up: ["gave up", "bad"],
    attempted: ["attempted", "bad"],
    not_started: ["not started", ""],
  };
  const [label, tone] = labels[status] ?? [status, ""];
  return <span className={`badge ${tone}`}>{label}</span>;
}
