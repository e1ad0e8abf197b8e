import type { ScorePoint } from "@/lib/attempts/get-progress-summary";

/** Scores of finished attempts over time, as an inline SVG line chart (no script needed). */
export function ScoreChart({ points }: { points: ScorePoint[] }) {
  const width = 720;
  const height = 220;
  const pad = { left: 36, right: 12, top: 12, bottom: 28 };
  if (points.length === 0) return <p className="muted">Finish an attempt to see your scores here.</p>;
  const times = points.map((p) => Date.parse(p.finishedAt));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number, i: number) =>
    pad.left + (t1 === t0 ? (i + 0.5) / points.length : (t - t0) / (t1 - t0)) * (width - pad.left - pad.right);
  const y = (score: number) => pad.top + (1 - score / 100) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(times[i], i).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Scores over time">
      {[0, 25, 50, 75, 100].map((s) => (
        <g key={s}>
          <line x1={pad.left} x2={width - pad.right} y1={y(s)} y2={y(s)} stroke="#21262d" />
          <text x={pad.left - 6} y={y(s) + 4} fill="#8b949e" fontSize="11" textAnchor="end">
            {s}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke="#58a6ff" strokeWidth="2" />
      {points.map((p, i) => (
        <circle key={p.attemptId} cx={x(times[i], i)} cy={y(p.score)} r="4" fill={p.status === "passed" ? "#3fb950" : "#f85149"}>
          <title>{`${p.title}: ${p.score} (${new Date(p.finishedAt).toLocaleDateString()})`}</title>
        </circle>
      ))}
      <text x={pad.left} y={height - 8} fill="#8b949e" fontSize="11">
        {new Date(t0).toLocaleDateString()}
      </text>
      <text x={width - pad.right} y={height - 8} fill="#8b949e" fontSize="11" textAnchor="end">
        {new Date(t1).toLocaleDateString()}
      </text>
    </svg>
  );
}
