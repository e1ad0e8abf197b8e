import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getAttemptResult } from "@/lib/attempts/get-attempt-result";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { ApiError } from "@/lib/http/errors";
import { attemptIdSchema } from "@/lib/validations/attempt";
import { StatusBadge } from "../../../difficulty";
import { StartScenarioButton } from "../../../scenarios/start-scenario-button";
import { clock } from "@/lib/format-duration";
import { ReplayPlayer } from "./replay-player";

export const dynamic = "force-dynamic";
export const metadata = { title: "Result" };

const breakdownLabels: Record<string, string> = {
  fixed: "Fixed the problem",
  rootCause: "Fixed the root cause",
  diagnosis: "Diagnosis",
  efficiency: "Efficiency",
  hints: "Hints",
};

/** The result of a finished attempt: checks, score breakdown, explanation, solution, replay. */
export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/attempts/${id}/result`);
  if (!attemptIdSchema.safeParse(id).success) notFound();
  const result = await getAttemptResult({ attemptId: id, userId: user.id }).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  if (result.status === "in_progress") redirect(`/attempts/${id}`);
  const grade = result.grade;

  return (
    <main>
      <p>
        <Link href="/scenarios">← Scenarios</Link>
      </p>
      <h1>
        {result.title} <StatusBadge status={result.status} />
      </h1>
      <div className="grid-2">
        <section className="card">
          <div className="score" data-testid="score">
            {result.score ?? 0}
            <span className="muted" style={{ fontSize: "1rem" }}>
              {" "}
              / 100
            </span>
          </div>
          <p className="muted">
            {clock(result.durationMs)} of simulated time · {result.history.filter((h) => h.type === "command").length} commands ·{" "}
            {result.hintsUsed} hint{result.hintsUsed === 1 ? "" : "s"}
          </p>
          {grade ? (
            <table className="data">
              <tbody>
                {Object.entries(grade.breakdown).map(([key, points]) => (
                  <tr key={key}>
                    <th>{breakdownLabels[key] ?? key}</th>
                    <td style={{ textAlign: "right", fontFamily: "var(--mono)" }}>{points > 0 ? `+${points}` : points}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No check was run on this attempt.</p>
          )}
          <div className="toolbar" style={{ marginTop: "1rem" }}>
            <StartScenarioButton scenarioId={result.scenarioId} signedIn label={result.generated ? "Another incident like this" : "Try a new variant"} mode="new" />
          </div>
        </section>
        <section className="card">
          <h2>Checks</h2>
          {grade ? (
            <ul className="checks" data-testid="result-checks">
              {grade.checks.map((c) => (
                <li key={c.id}>
                  <span className={c.passed ? "ok" : "bad"}>{c.passed ? "✔" : "✘"}</span>
                  <span>{c.message}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">—</p>
          )}
        </section>
      </div>
      <section className="card" style={{ marginTop: "1rem" }}>
        <h2>What was wrong</h2>
        <p style={{ whiteSpace: "pre-wrap" }}>{result.explanation}</p>
        <h2>A reference fix</h2>
        <pre className="replay">{result.solution.map((line) => `$ ${line}`).join("\n")}</pre>
      </section>
      <section className="card" style={{ marginTop: "1rem" }}>
        <h2>Your session</h2>
        <ReplayPlayer history={result.history} />
      </section>
    </main>
  );
}
