import type { CellStatus } from "@/lib/classes/cell-status";
import type { ScenarioStats } from "@/lib/classes/get-class-dashboard";

/** Colours of the cell statuses, shared by the matrix and the charts. */
export const statusColors: Record<CellStatus, string> = {
  solved: "#3fb950",
  in_progress: "#d29922",
  failed: "#f85149",
  overdue: "#a371f7",
  not_started: "#30363d",
};

/** Human labels of the cell statuses. */
export const statusLabels: Record<CellStatus, string> = {
  solved: "solved",
  in_progress: "in progress",
  failed: "failed",
  overdue: "overdue",
  not_started: "not started",
};

const order: CellStatus[] = ["solved", "in_progress", "failed", "overdue", "not_started"];

/** One horizontal bar per scenario, split by learners' statuses (inline SVG). */
export function StatusBars({ scenarios }: { scenarios: ScenarioStats[] }) {
  const rowH = 18;
  const labelW = 260;
  const barW = 420;
  const height = scenarios.length * rowH + 24;
  return (
    <svg className="chart" viewBox={`0 0 ${labelW + barW + 10} ${height}`} role="img" aria-label="Learners' status per scenario">
      {scenarios.map((s, i) => {
        let x = labelW;
        const total = Math.max(1, s.learners);
        return (
          <g key={s.scenarioId} transform={`translate(0 ${i * rowH})`}>
            <text x={labelW - 6} y={13} fill="#8b949e" fontSize="11" textAnchor="end">
              {s.title.length > 40 ? `${s.title.slice(0, 39)}…` : s.title}
            </text>
            {order.map((status) => {
              const w = (s.statusCounts[status] / total) * barW;
              const rect = w > 0 && (
                <rect key={status} x={x} y={2} width={w} height={rowH - 4} fill={statusColors[status]}>
                  <title>{`${s.title}: ${s.statusCounts[status]} ${statusLabels[status]}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
          </g>
        );
      })}
      {order.map((status, i) => (
        <g key={status} transform={`translate(${labelW + i * 84} ${scenarios.length * rowH + 6})`}>
          <rect width="10" height="10" fill={statusColors[status]} />
          <text x="14" y="9" fill="#8b949e" fontSize="11">
            {statusLabels[status]}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** A horizontal bar chart of one number per scenario (inline SVG), e.g. median minutes to fix. */
export function ValueBars(props: { scenarios: ScenarioStats[]; value: (s: ScenarioStats) => number | null; format: (v: number) => string; label: string; color?: string }) {
  const rowH = 18;
  const labelW = 260;
  const barW = 360;
  const values = props.scenarios.map(props.value);
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  return (
    <svg className="chart" viewBox={`0 0 ${labelW + barW + 70} ${props.scenarios.length * rowH}`} role="img" aria-label={props.label}>
      {props.scenarios.map((s, i) => {
        const v = values[i];
        return (
          <g key={s.scenarioId} transform={`translate(0 ${i * rowH})`}>
            <text x={labelW - 6} y={13} fill="#8b949e" fontSize="11" textAnchor="end">
              {s.title.length > 40 ? `${s.title.slice(0, 39)}…` : s.title}
            </text>
            {v !== null && <rect x={labelW} y={3} width={(v / max) * barW} height={rowH - 6} fill={props.color ?? "#58a6ff"} />}
            <text x={labelW + (v === null ? 0 : (v / max) * barW) + 4} y={13} fill="#c9d1d9" fontSize="11">
              {v === null ? "—" : props.format(v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
