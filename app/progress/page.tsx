import Link from "next/link";
import { getProgressSummary } from "@/lib/attempts/get-progress-summary";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { Difficulty } from "../difficulty";
import { StartScenarioButton } from "../scenarios/start-scenario-button";
import { ScoreChart } from "./score-chart";

export const dynamic = "force-dynamic";
export const metadata = { title: "Progress" };

function duration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Progress: solved per family, scores over time, time spent, what to try next. */
export default async function ProgressPage() {
  const user = await requireSessionUser("/progress");
  const summary = await getProgressSummary({ userId: user.id });
  const average = summary.scores.length ? Math.round(summary.scores.reduce((s, p) => s + p.score, 0) / summary.scores.length) : null;
  return (
    <main>
      <h1>Your progress</h1>
      <div className="stats">
        <div className="card stat">
          <div className="value" data-testid="solved-count">{summary.solvedCount}</div>
          <div className="muted">scenarios solved</div>
        </div>
        <div className="card stat">
          <div className="value">{summary.attemptsStarted}</div>
          <div className="muted">attempts started</div>
        </div>
        <div className="card stat">
          <div className="value">{average ?? "—"}</div>
          <div className="muted">average score</div>
        </div>
        <div className="card stat">
          <div className="value">{duration(summary.timeSpentMs)}</div>
          <div className="muted">time in the terminal</div>
        </div>
      </div>
      <div className="grid-2">
        <section className="card">
          <h2>Solved per family</h2>
          <table className="data">
            <tbody>
              {summary.families.map((f) => (
                <tr key={f.family}>
                  <th>{f.family}</th>
                  <td style={{ width: "45%" }}>
                    <div className="bar" aria-label={`${f.solved} of ${f.total}`}>
                      <span style={{ width: `${f.total ? (100 * f.solved) / f.total : 0}%` }} />
                    </div>
                  </td>
                  <td style={{ fontFamily: "var(--mono)" }}>
                    {f.solved}/{f.total}
                  </td>
                </tr>
              ))}
              {summary.generated.attempts > 0 && (
                <tr data-testid="generated-progress">
                  <th>generated incidents</th>
                  <td style={{ width: "45%" }}>
                    <div className="bar" aria-label={`${summary.generated.solved} of ${summary.generated.attempts} attempts solved`}>
                      <span style={{ width: `${(100 * summary.generated.solved) / summary.generated.attempts}%` }} />
                    </div>
                  </td>
                  <td style={{ fontFamily: "var(--mono)" }} title="solved / attempts">
                    {summary.generated.solved}/{summary.generated.attempts}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>What to try next</h2>
          {summary.next.length === 0 && <p className="muted">You have solved everything. Try new variants for a better score.</p>}
          <ul className="checks">
            {summary.next.map((s) => (
              <li key={s.id} style={{ alignItems: "center", justifyContent: "space-between" }}>
                <span>
                  {s.title} <Difficulty level={s.difficulty} /> <span className="muted">{s.family}</span>
                </span>
                <StartScenarioButton scenarioId={s.id} signedIn label="Start" />
              </li>
            ))}
          </ul>
          {summary.inProgress.length > 0 && (
            <>
              <h2 style={{ marginTop: "1.2rem" }}>In progress</h2>
              <ul className="checks">
                {summary.inProgress.map((a) => (
                  <li key={a.attemptId}>
                    <Link href={`/attempts/${a.attemptId}`}>{a.title}</Link>
                    <span className="muted">started {new Date(a.startedAt).toLocaleDateString()}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <section className="card" style={{ marginTop: "1rem" }}>
        <h2>Scores over time</h2>
        <ScoreChart points={summary.scores} />
        {summary.scores.length > 0 && (
          <table className="data" style={{ marginTop: "1rem" }}>
            <thead>
              <tr>
                <th>Finished</th>
                <th>Scenario</th>
                <th>Score</th>
              </tr>
            </thead>
            <tbody>
              {[...summary.scores].reverse().slice(0, 10).map((p) => (
                <tr key={p.attemptId}>
                  <td>{new Date(p.finishedAt).toLocaleString()}</td>
                  <td>
                    <Link href={`/attempts/${p.attemptId}/result`}>{p.title}</Link>
                  </td>
                  <td style={{ fontFamily: "var(--mono)" }}>{p.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
