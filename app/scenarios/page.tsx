import Link from "next/link";
import { INCIDENT_DIFFICULTIES, INCIDENT_FAMILIES } from "@/lib/attempts/engine-session";
import { listGeneratedProgress } from "@/lib/attempts/list-generated-progress";
import { listScenarioProgress, type ScenarioProgress } from "@/lib/attempts/list-scenario-progress";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { catalogueQuerySchema } from "@/lib/validations/attempt";
import { listMyAssignments } from "@/lib/classes/list-my-assignments";
import { AssignedScenarios } from "../classes/assigned-scenarios";
import { Difficulty, StatusBadge } from "../difficulty";
import { RandomIncidentPanel } from "./random-incident-panel";
import { StartScenarioButton } from "./start-scenario-button";

export const metadata = { title: "Scenarios" };
export const dynamic = "force-dynamic";

function matches(s: ScenarioProgress, q: ReturnType<typeof catalogueQuerySchema.parse>): boolean {
  if (q.family && s.family !== q.family) return false;
  if (q.difficulty && s.difficulty !== q.difficulty) return false;
  if (q.status && s.status !== q.status) return false;
  if (q.q) {
    const needle = q.q.toLowerCase();
    const haystack = [s.title, s.id, s.family, ...s.tags].join(" ").toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** The catalogue: scenarios by family and difficulty with the user's status and best score. */
export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const query = catalogueQuerySchema.parse(await searchParams);
  const user = await getSessionUser();
  const all = await listScenarioProgress({ userId: user?.id ?? null });
  // A learner's class assignments come first (lib/classes).
  const assignments = user ? await listMyAssignments({ userId: user.id }) : [];
  const generated = await listGeneratedProgress({ userId: user?.id ?? null });
  const families = [...new Set(all.map((s) => s.family))].sort();
  const shown = all.filter((s) => matches(s, query)).sort((a, b) => a.difficulty - b.difficulty || a.title.localeCompare(b.title));
  const grouped = families.map((family) => ({ family, items: shown.filter((s) => s.family === family) })).filter((g) => g.items.length > 0);

  return (
    <main>
      <h1>Scenarios</h1>
      <p className="muted">
        {all.length} broken clusters, grouped by what is wrong. {user ? `${all.filter((s) => s.status === "passed").length} solved.` : "Pick one to start as a guest."}
      </p>
      <form className="filters" method="get" role="search">
        <label>
          Search
          <input name="q" type="search" defaultValue={query.q ?? ""} placeholder="title, tag…" />
        </label>
        <label>
          Family
          <select name="family" defaultValue={query.family ?? ""}>
            <option value="">All families</option>
            {families.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          Difficulty
          <select name="difficulty" defaultValue={query.difficulty ? String(query.difficulty) : ""}>
            <option value="">Any</option>
            <option value="1">Easy</option>
            <option value="2">Medium</option>
            <option value="3">Hard</option>
          </select>
        </label>
        {user && (
          <label>
            Status
            <select name="status" defaultValue={query.status ?? ""}>
              <option value="">Any</option>
              <option value="not_started">Not started</option>
              <option value="in_progress">In progress</option>
              <option value="passed">Passed</option>
              <option value="attempted">Attempted, not passed</option>
            </select>
          </label>
        )}
        <button className="btn" type="submit">
          Filter
        </button>
      </form>
      {assignments.length > 0 && <AssignedScenarios assignments={assignments} />}
      <RandomIncidentPanel families={INCIDENT_FAMILIES} difficulties={INCIDENT_DIFFICULTIES} signedIn={user !== null} />
      {generated.attempts > 0 && (
        <section className="family" data-testid="generated-incidents">
          <h2>Generated incidents</h2>
          <p className="muted">
            {generated.attempts} started · {generated.solved} solved
            {generated.bestScore !== null && <> · best {generated.bestScore}</>}
          </p>
          <div className="scenario-list">
            {generated.recent.map((a) => (
              <article key={a.attemptId} className="card scenario" data-testid={`generated-${a.attemptId}`}>
                <h3>{a.title}</h3>
                <div className="meta muted">{a.drawnFrom}</div>
                <div className="meta">
                  <StatusBadge status={a.status} />
                  {a.score !== null && <span className="badge">score {a.score}</span>}
                  <Link className="btn" href={a.status === "in_progress" ? `/attempts/${a.attemptId}` : `/attempts/${a.attemptId}/result`}>
                    {a.status === "in_progress" ? "Resume" : "Result"}
                  </Link>
                </div>
              </article>
            ))}
          </div>
        </section>
      )}
      {grouped.length === 0 && <p className="muted">No scenario matches these filters.</p>}
      {grouped.map((group) => (
        <section key={group.family} className="family">
          <h2>{group.family}</h2>
          <div className="scenario-list">
            {group.items.map((s) => (
              <article key={s.id} className="card scenario" data-testid={`scenario-${s.id}`}>
                <h3>{s.title}</h3>
                <div className="meta">
                  <Difficulty level={s.difficulty} />
                  <StatusBadge status={s.status} />
                  {s.bestScore !== null && <span className="badge">best {s.bestScore}</span>}
                </div>
                {s.tags.length > 0 && (
                  <div className="meta">
                    {s.tags.map((t) => (
                      <span key={t} className="badge">
                        {t}
                      </span>
                    ))}
                  </div>
                )}
                <div className="meta">
                  <StartScenarioButton
                    scenarioId={s.id}
                    signedIn={user !== null}
                    label={s.status === "in_progress" ? "Resume" : s.status === "not_started" ? "Start" : "Play again"}
                  />
                </div>
              </article>
            ))}
          </div>
        </section>
      ))}
    </main>
  );
}
