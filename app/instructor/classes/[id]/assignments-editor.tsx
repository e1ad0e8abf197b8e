"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AssignmentView } from "@/lib/classes/create-assignment";
import { callApi } from "../../../classes/call-api";
import { IncidentSelects } from "../../../difficulty";

/**
 * The class's assignments, a Remove button each, and a form to assign a catalogue scenario or
 * a generated incident (a fault family or any, a difficulty or any).
 */
export function AssignmentsEditor(props: {
  classId: string;
  assignments: AssignmentView[];
  scenarios: { id: string; title: string; family: string }[];
  incidentFamilies: readonly string[];
  incidentDifficulties: readonly number[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [variant, setVariant] = useState<"per_learner" | "fixed">("per_learner");
  const [what, setWhat] = useState<"scenario" | "incident">("scenario");
  const assigned = new Set(props.assignments.map((a) => a.scenarioId));
  const available = props.scenarios.filter((s) => !assigned.has(s.id));
  const date = (v: FormDataEntryValue | null) => (typeof v === "string" && v ? new Date(v).toISOString() : null);
  return (
    <section className="card" style={{ marginTop: "1rem" }}>
      <h2>Assignments ({props.assignments.length})</h2>
      {props.assignments.length > 0 && (
        <table className="data" data-testid="assignments-table">
          <thead>
            <tr>
              <th>Scenario</th>
              <th>Opens</th>
              <th>Due</th>
              <th>Variant</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.assignments.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>{a.opensAt ? new Date(a.opensAt).toLocaleString() : "—"}</td>
                <td>{a.dueAt ? new Date(a.dueAt).toLocaleString() : "—"}</td>
                <td>{a.seed === null ? (a.generated ? "own incident per learner" : "per learner") : `fixed (seed ${a.seed})`}</td>
                <td>
                  <button
                    type="button"
                    className="btn link"
                    onClick={async () => {
                      if (!window.confirm(`Withdraw ${a.title}? Attempts are kept.`)) return;
                      try {
                        await callApi(`/api/classes/${props.classId}/assignments/${a.id}`, "DELETE");
                        router.refresh();
                      } catch (err) {
                        setError((err as Error).message);
                      }
                    }}
                  >
                    withdraw
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="filters"
        aria-label="Assign a scenario"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setError(null);
          const seed = Number(form.get("seed"));
          try {
            await callApi(`/api/classes/${props.classId}/assignments`, "POST", {
              ...(what === "incident"
                ? { incident: { family: form.get("incidentFamily") || "any", difficulty: form.get("incidentDifficulty") || "any" } }
                : { scenarioId: form.get("scenarioId") }),
              opensAt: date(form.get("opensAt")),
              dueAt: date(form.get("dueAt")),
              variant,
              ...(variant === "fixed" && seed > 0 ? { seed } : {}),
            });
            router.refresh();
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <label>
          Assign
          <select name="what" value={what} onChange={(e) => setWhat(e.target.value as "scenario" | "incident")}>
            <option value="scenario">from the catalogue</option>
            <option value="incident">a generated incident</option>
          </select>
        </label>
        {what === "scenario" ? (
          <label>
            Scenario
            <select name="scenarioId" required>
              {available.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.family}: {s.title}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <IncidentSelects families={props.incidentFamilies} difficulties={props.incidentDifficulties} familyName="incidentFamily" difficultyName="incidentDifficulty" />
        )}
        <label>
          Opens
          <input type="datetime-local" name="opensAt" />
        </label>
        <label>
          Due
          <input type="datetime-local" name="dueAt" />
        </label>
        <label>
          Variant
          <select name="variant" value={variant} onChange={(e) => setVariant(e.target.value as "per_learner" | "fixed")}>
            <option value="per_learner">one per learner</option>
            <option value="fixed">the same for everyone</option>
          </select>
        </label>
        {variant === "fixed" && (
          <label>
            Seed (empty: random)
            <input type="number" name="seed" min={1} />
          </label>
        )}
        <button className="btn primary" type="submit" disabled={what === "scenario" && available.length === 0}>
          Assign
        </button>
      </form>
      {error && (
        <p className="bad" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
