import type { MyAssignment } from "@/lib/classes/list-my-assignments";
import { Difficulty } from "../difficulty";
import { StartScenarioButton } from "../scenarios/start-scenario-button";

const statusTone: Record<MyAssignment["status"], string> = {
  solved: "ok",
  in_progress: "warn",
  overdue: "bad",
  attempted: "bad",
  not_started: "",
};

/** The learner's assignments, shown first in the catalogue: class, due date, status, start button. */
export function AssignedScenarios({ assignments }: { assignments: MyAssignment[] }) {
  if (assignments.length === 0) return null;
  return (
    <section className="family" data-testid="assignments">
      <h2>Your assignments</h2>
      <div className="scenario-list">
        {assignments.map((a) => (
          <article key={a.assignmentId} className="card scenario" data-testid={`assignment-${a.scenarioId}`}>
            <h3>{a.title}</h3>
            <div className="meta">
              <Difficulty level={a.difficulty} />
              <span className={`badge ${statusTone[a.status]}`}>{a.status.replace("_", " ")}</span>
              {a.bestScore !== null && <span className="badge">best {a.bestScore}</span>}
            </div>
            <div className="meta muted">
              {a.className}
              {a.dueAt && <> · due {new Date(a.dueAt).toUTCString().replace(/:\d\d GMT/, " UTC")}</>}
              {a.fixedVariant && <> · same variant for the class</>}
              {a.generated && !a.fixedVariant && <> · a generated incident of your own</>}
            </div>
            <div className="meta">
              <StartScenarioButton scenarioId={a.scenarioId} signedIn label={a.status === "in_progress" ? "Resume" : a.status === "solved" ? "Play again" : "Start"} />
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
