"use client";

import { useEffect, useState } from "react";
import type { ClassDashboard } from "@/lib/classes/get-class-dashboard";
import { duration as minutes } from "../../duration";
import { StatusBars, statusColors, statusLabels, ValueBars } from "./charts";

/** How often the dashboard asks for fresh figures while it is visible. */
const POLL_MS = 2_500;


/**
 * The class dashboard, refreshed every 2.5 s while the tab is visible: the
 * learners × assignments matrix, then per-scenario tables and charts.
 */
export function LiveDashboard({ initial }: { initial: ClassDashboard }) {
  const [data, setData] = useState(initial);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(`/api/classes/${initial.classId}/dashboard`, { cache: "no-store" });
          if (response.ok) {
            setData((await response.json()) as ClassDashboard);
            setStale(false);
          } else setStale(true);
        } catch {
          setStale(true);
        }
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [initial.classId]);

  return (
    <>
      <section className="card" style={{ marginTop: "1rem" }}>
        <div className="toolbar">
          <h2 style={{ margin: 0 }}>Progress</h2>
          <span className="muted" data-testid="dashboard-updated">
            {stale ? "reconnecting…" : `live · updated ${new Date(data.generatedAt).toLocaleTimeString()}`}
          </span>
          <span className="spacer" />
          <a className="btn" href={`/api/classes/${data.classId}/export`} download data-testid="export-csv">
            Export CSV
          </a>
        </div>
        {data.rows.length === 0 || data.assignments.length === 0 ? (
          <p className="muted">The matrix fills in once learners join and scenarios are assigned.</p>
        ) : (
          <div style={{ overflow: "auto", maxHeight: "70vh" }}>
            <table className="data matrix" data-testid="progress-matrix" style={{ fontSize: "0.8rem" }}>
              <thead>
                <tr>
                  <th>Learner</th>
                  {data.assignments.map((a) => (
                    <th key={a.id} title={a.title} style={{ writingMode: "vertical-rl", transform: "rotate(180deg)", maxHeight: "12rem" }}>
                      {a.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.userId}>
                    <th style={{ whiteSpace: "nowrap" }}>
                      <a href={`/instructor/classes/${data.classId}/learners/${row.userId}`}>{row.label}</a>
                    </th>
                    {row.cells.map((cell, i) => (
                      <td
                        key={data.assignments[i].id}
                        data-testid={`cell-${row.userId}-${data.assignments[i].scenarioId}`}
                        data-status={cell.status}
                        title={`${row.label} · ${data.assignments[i].title}: ${statusLabels[cell.status]}${cell.bestScore !== null ? `, best ${cell.bestScore}` : ""} (${cell.attempts} attempt${cell.attempts === 1 ? "" : "s"})`}
                        style={{ background: statusColors[cell.status], color: "#0d1117", textAlign: "center", minWidth: "2.2rem", fontFamily: "var(--mono)" }}
                      >
                        {cell.bestScore ?? (cell.status === "not_started" ? "" : "·")}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted" style={{ fontSize: "0.8rem" }}>
          {Object.entries(statusLabels).map(([status, label]) => (
            <span key={status} style={{ marginRight: "1rem" }}>
              <span style={{ display: "inline-block", width: 10, height: 10, background: statusColors[status as keyof typeof statusColors] }} /> {label}
            </span>
          ))}
          Numbers are best scores.
        </p>
      </section>

      {data.scenarios.length > 0 && (
        <section className="card" style={{ marginTop: "1rem" }}>
          <h2>Per scenario</h2>
          <table className="data" data-testid="scenario-stats">
            <thead>
              <tr>
                <th>Scenario</th>
                <th>Solve rate</th>
                <th>Median time to fix</th>
                <th>Median commands</th>
                <th>Hints used</th>
                <th>Most common non-fixes</th>
                <th>Run just before solving</th>
              </tr>
            </thead>
            <tbody>
              {data.scenarios.map((s) => (
                <tr key={s.assignmentId} data-testid={`stats-${s.scenarioId}`}>
                  <td>{s.title}</td>
                  <td>
                    {Math.round(s.solveRate * 100)}% ({s.solved}/{s.learners})
                  </td>
                  <td>{s.medianTimeToFixMs === null ? "—" : minutes(s.medianTimeToFixMs)}</td>
                  <td>{s.medianCommands ?? "—"}</td>
                  <td>
                    {s.hintsUsed} ({s.learnersWithHints} learner{s.learnersWithHints === 1 ? "" : "s"})
                  </td>
                  <td>
                    {s.topNonFixes.map((c) => (
                      <div key={c.command}>
                        <code>{c.command}</code> <span className="muted">×{c.learners}</span>
                      </div>
                    ))}
                  </td>
                  <td>
                    {s.topBeforeSolve.map((c) => (
                      <div key={c.command}>
                        <code>{c.command}</code> <span className="muted">×{c.learners}</span>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Where learners stand</h3>
          <StatusBars scenarios={data.scenarios} />
          <div className="grid-2">
            <div>
              <h3>Solve rate</h3>
              <ValueBars scenarios={data.scenarios} value={(s) => s.solveRate * 100} format={(v) => `${Math.round(v)}%`} label="Solve rate per scenario" color="#3fb950" />
            </div>
            <div>
              <h3>Median time to fix</h3>
              <ValueBars scenarios={data.scenarios} value={(s) => s.medianTimeToFixMs} format={minutes} label="Median time to fix per scenario" />
            </div>
          </div>
        </section>
      )}
    </>
  );
}
