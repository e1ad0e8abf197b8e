/** Difficulty levels 1–3 by name. */
export const DIFFICULTY_NAMES: readonly string[] = ["", "easy", "medium", "hard"];

/** Difficulty as filled and empty pips, with a readable label. */
export function Difficulty({ level }: { level: number }) {
  const name = DIFFICULTY_NAMES[level];
  return (
    <span className="difficulty" title={name} aria-label={`difficulty: ${name}`}>
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

/**
 * The "Fault family" and "Difficulty" selects of a generated incident (either may stay "any"),
 * as the random-incident panel and the instructor's assignment form both ask for them.
 */
export function IncidentSelects(props: { families: readonly string[]; difficulties: readonly number[]; familyName: string; difficultyName: string }) {
  return (
    <>
      <label>
        Fault family
        <select name={props.familyName} defaultValue="any">
          <option value="any">Any family</option>
          {props.families.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        Difficulty
        <select name={props.difficultyName} defaultValue="any">
          <option value="any">Any</option>
          {props.difficulties.map((d) => (
            <option key={d} value={String(d)}>
              {DIFFICULTY_NAMES[d] ?? String(d)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
