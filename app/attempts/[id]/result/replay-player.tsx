"use client";

import { useEffect, useState } from "react";
import type { HistoryEntry } from "@/lib/attempts/get-attempt-view";
import { clock } from "@/lib/format-duration";

function label(entry: HistoryEntry): string {
  switch (entry.type) {
    case "command":
      return `$ ${entry.input}`;
    case "edit": {
      const edit = JSON.parse(entry.input) as { kind: string; name: string };
      return `# saved edit of ${edit.kind.toLowerCase()}/${edit.name}`;
    }
    case "hint":
      return "# asked for a hint";
    case "check":
      return "# pressed Check";
    case "reset":
      return "# reset the cluster";
    case "give_up":
      return "# gave up";
  }
}

/**
 * The session's commands and outputs with their times. "Play" reveals the steps
 * again at their recorded pace (sped up); text is rendered as text, never HTML.
 */
export function ReplayPlayer({ history }: { history: HistoryEntry[] }) {
  const [shown, setShown] = useState(history.length);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(8);

  useEffect(() => {
    if (!playing) return;
    if (shown >= history.length) {
      setPlaying(false);
      return;
    }
    const previous = shown === 0 ? 0 : history[shown - 1].virtualMs;
    const gap = Math.min(3000, Math.max(150, (history[shown].virtualMs - previous) / speed));
    const timer = setTimeout(() => setShown((n) => n + 1), gap);
    return () => clearTimeout(timer);
  }, [playing, shown, speed, history]);

  return (
    <div>
      <div className="toolbar" style={{ marginBottom: "0.6rem" }}>
        <button
          type="button"
          className="btn"
          onClick={() => {
            setShown(0);
            setPlaying(true);
          }}
        >
          ▶ Play
        </button>
        <button type="button" className="btn" disabled={!playing} onClick={() => setPlaying(false)}>
          Pause
        </button>
        <button type="button" className="btn" disabled={shown >= history.length} onClick={() => (setPlaying(false), setShown((n) => Math.min(history.length, n + 1)))}>
          Step ▸
        </button>
        <button type="button" className="btn" onClick={() => (setPlaying(false), setShown(0))}>
          ⏮ Start
        </button>
        <button type="button" className="btn" onClick={() => (setPlaying(false), setShown(history.length))}>
          Show all
        </button>
        <label style={{ flexDirection: "row", alignItems: "center" }}>
          speed
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {[1, 4, 8, 32].map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {shown}/{history.length} steps
        </span>
      </div>
      <div className="replay" data-testid="replay">
        {history.length === 0 && <span className="muted">No actions were recorded.</span>}
        {history.slice(0, shown).map((entry) => (
          <div className="step" key={entry.seq}>
            <span className="t">{clock(entry.virtualMs)}</span>
            <div className="in">{label(entry)}</div>
            {entry.output && <pre className="out">{entry.output}</pre>}
          </div>
        ))}
      </div>
    </div>
  );
}
