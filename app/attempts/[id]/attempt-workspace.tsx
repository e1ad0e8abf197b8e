"use client";

import "@xterm/xterm/css/xterm.css";
import type { AttemptView, HistoryEntry } from "@/lib/attempts/get-attempt-view";
import type { Grade } from "@/lib/attempts/engine-session";
import { useCallback, useEffect, useRef, useState } from "react";
import { TerminalController, type LineResult } from "./terminal-controller";
import { YamlEditor } from "./yaml-editor";

interface EditRequest {
  kind: string;
  namespace?: string;
  name: string;
  yaml: string;
}

interface ActionResponse {
  seq: number;
  output: string;
  exitCode: number;
  prompt: string;
  clear?: boolean;
  edit?: EditRequest;
  grade?: Grade;
  status: AttemptView["status"];
}

type ApiFailure = { error: { code: string; message: string } };

function gradeTone(grade: Grade): "ok" | "bad" {
  return grade.passed ? "ok" : "bad";
}

/** Replays the stored history into the terminal, so a reload looks like the session never stopped. */
function restore(terminal: TerminalController, view: AttemptView, history: HistoryEntry[]): void {
  for (const entry of history) {
    switch (entry.type) {
      case "command":
        terminal.writeTranscript(view.prompt, entry.input, entry.output);
        break;
      case "edit": {
        const edit = JSON.parse(entry.input) as EditRequest;
        terminal.notify(`# edited ${edit.kind.toLowerCase()}/${edit.name} in the editor`, "info");
        if (entry.output) terminal.notify(entry.output.trimEnd(), entry.exitCode === 0 ? "info" : "bad");
        break;
      }
      case "hint":
        terminal.notify(entry.output, "hint");
        break;
      case "check":
        terminal.notify(entry.output, entry.grade ? gradeTone(entry.grade) : "info");
        break;
      case "reset":
        terminal.notify(entry.output, "info");
        break;
      case "give_up":
        terminal.notify(entry.output, "bad");
        break;
    }
  }
}

/**
 * The scenario brief: blank lines separate paragraphs, single line breaks are
 * wrapping, `backticks` are code. Built from React elements, never HTML.
 */
function Brief({ text }: { text: string }) {
  return (
    <div data-testid="brief" className="brief-text">
      {text
        .trim()
        .split(/\n\s*\n/)
        .map((paragraph, i) => (
          <p key={i}>
            {paragraph
              .replace(/\s*\n\s*/g, " ")
              .split(/(`[^`]+`)/)
              .map((part, j) => (part.startsWith("`") && part.endsWith("`") ? <code key={j}>{part.slice(1, -1)}</code> : part))}
          </p>
        ))}
    </div>
  );
}

/** The attempt page's interactive part: brief, toolbar, terminal, check results and the YAML editor. */
export function AttemptWorkspace({ view }: { view: AttemptView }) {
  const host = useRef<HTMLDivElement>(null);
  const terminalRef = useRef<TerminalController | null>(null);
  const [status, setStatus] = useState(view.status);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [grade, setGrade] = useState<Grade | null>(() => [...view.history].reverse().find((h) => h.grade)?.grade ?? null);
  const [editing, setEditing] = useState<{ edit: EditRequest; resolve: (r: LineResult) => void } | null>(null);
  const [editError, setEditError] = useState<string | null>(null);
  const startedAt = Date.parse(view.startedAt);
  const finished = status !== "in_progress" || !view.playable;

  const send = useCallback(
    async (body: Record<string, unknown>): Promise<ActionResponse | null> => {
      const response = await fetch(`/api/attempts/${view.id}/actions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...body, clientMs: Math.max(0, Date.now() - startedAt) }),
      }).catch(() => null);
      if (!response) {
        setMessage("Network error: the action was not sent.");
        return null;
      }
      const json = (await response.json().catch(() => null)) as ActionResponse | ApiFailure | null;
      if (!response.ok || !json || "error" in json) {
        setMessage(json && "error" in json ? json.error.message : `Request failed (${response.status}).`);
        return null;
      }
      setMessage(null);
      setStatus(json.status);
      return json;
    },
    [view.id, startedAt],
  );

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]);
      if (disposed || !host.current) return;
      const term = new Terminal({
        cursorBlink: true,
        convertEol: false,
        fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
        fontSize: 13,
        scrollback: 5000,
        theme: { background: "#010409", foreground: "#e6edf3", cursor: "#e6edf3", selectionBackground: "#264f78" },
      });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(host.current);
      fit.fit();
      const onResize = () => fit.fit();
      window.addEventListener("resize", onResize);

      const controller = new TerminalController(
        term,
        {
          run: async (line) => {
            const result = await send({ type: "command", line });
            if (!result) return { output: "", exitCode: 1, prompt: "" };
            if (result.edit) {
              const edit = result.edit;
              if (result.output) term.write(result.output.replace(/\r?\n/g, "\r\n"));
              return new Promise<LineResult>((resolve) => setEditing({ edit, resolve }));
            }
            if (result.status !== "in_progress") controller.disable("This attempt is finished.");
            return result;
          },
          complete: async (line) => {
            const response = await fetch(`/api/attempts/${view.id}/completions?line=${encodeURIComponent(line)}`);
            if (!response.ok) return [];
            return ((await response.json()) as { candidates: string[] }).candidates;
          },
        },
        view.history.filter((h) => h.type === "command").map((h) => h.input),
      );
      terminalRef.current = controller;
      controller.setPrompt(view.prompt);
      restore(controller, view, view.history);
      if (view.status !== "in_progress") controller.disable("This attempt is finished.");
      else if (!view.playable) controller.disable("This attempt was recorded by an older simulator: it can be viewed, not continued.");
      else {
        if (view.history.length === 0) controller.notify("Type kubectl commands to investigate. Tab completes, ↑/↓ walk the history.", "info");
        controller.redraw();
        term.focus();
      }
      host.current.dataset.ready = "true";
      cleanup = () => {
        window.removeEventListener("resize", onResize);
        term.dispose();
      };
    })();
    return () => {
      disposed = true;
      cleanup();
    };
    // The terminal is created once per attempt; later state lives in the controller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.id]);

  async function toolbarAction(type: "hint" | "check" | "reset" | "give_up") {
    const terminal = terminalRef.current;
    if (!terminal) return;
    setBusy(true);
    const result = await send({ type });
    setBusy(false);
    if (!result) return;
    if (type === "hint") terminal.notify(result.output, "hint");
    if (type === "check" && result.grade) {
      setGrade(result.grade);
      terminal.notify(result.output, gradeTone(result.grade));
    }
    if (type === "reset") {
      terminal.reset();
      terminal.setPrompt(result.prompt);
      terminal.notify(result.output, "info");
    }
    if (result.status !== "in_progress") {
      terminal.disable("This attempt is finished.");
      if (type === "give_up") window.location.assign(`/attempts/${view.id}/result`);
    }
  }

  async function newVariant() {
    setBusy(true);
    const response = await fetch("/api/attempts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenarioId: view.scenarioId, mode: "new" }),
    });
    const body = (await response.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
    if (response.ok && body?.id) window.location.assign(`/attempts/${body.id}`);
    else {
      setMessage(body?.error?.message ?? "Could not start a new variant.");
      setBusy(false);
    }
  }

  async function saveEdit(yaml: string) {
    if (!editing) return;
    setBusy(true);
    const result = await send({ type: "edit", edit: { ...editing.edit, yaml } });
    setBusy(false);
    if (!result) return;
    if (result.exitCode !== 0) {
      // Like kubectl, a rejected edit reopens the editor with the error.
      setEditError(result.output);
      return;
    }
    editing.resolve({ output: result.output, exitCode: result.exitCode, prompt: result.prompt });
    setEditing(null);
    setEditError(null);
    terminalRef.current && setTimeout(() => host.current?.querySelector("textarea")?.focus(), 0);
  }

  function cancelEdit() {
    if (!editing) return;
    editing.resolve({ output: "Edit cancelled, no changes made.\n", exitCode: 0, prompt: "" });
    setEditing(null);
    setEditError(null);
  }

  return (
    <div className="attempt">
      <aside className="card brief">
        <h1 style={{ fontSize: "1.25rem" }}>{view.title}</h1>
        <p className="muted">
          {view.generated ? `generated incident · ${view.family}` : view.family} · attempt started {new Date(view.startedAt).toLocaleString()}
        </p>
        <Brief text={view.brief} />
        {grade && (
          <section style={{ marginTop: "1.2rem" }} data-testid="check-results">
            <h2>
              Last check: <span className={grade.passed ? "ok" : "bad"}>{grade.passed ? "passed" : "not fixed"}</span>{" "}
              <span className="muted">({grade.score} points)</span>
            </h2>
            <ul className="checks">
              {grade.checks.map((c) => (
                <li key={c.id}>
                  <span className={c.passed ? "ok" : "bad"}>{c.passed ? "✔" : "✘"}</span>
                  <span>{c.message}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
      <section className="work">
        <div className="toolbar">
          <button type="button" className="btn" disabled={busy || finished} onClick={() => void toolbarAction("hint")}>
            Hint
          </button>
          <button type="button" className="btn primary" disabled={busy || finished} onClick={() => void toolbarAction("check")}>
            Check
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy || finished}
            onClick={() => confirm("Reset the cluster to how the scenario started? Your commands stay in the record.") && void toolbarAction("reset")}
          >
            Reset
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void newVariant()}>
            New variant
          </button>
          <span className="spacer" />
          {finished ? (
            <a className="btn primary" href={`/attempts/${view.id}/result`}>
              See result →
            </a>
          ) : (
            <button
              type="button"
              className="btn danger"
              disabled={busy}
              onClick={() => confirm("Give up and see the solution?") && void toolbarAction("give_up")}
            >
              Give up
            </button>
          )}
        </div>
        {message && (
          <div className="error-box" role="alert">
            {message}
          </div>
        )}
        <div className="terminal" ref={host} data-testid="terminal" />
      </section>
      {editing && (
        <YamlEditor
          title={`${editing.edit.kind.toLowerCase()}/${editing.edit.name}`}
          initial={editing.edit.yaml}
          busy={busy}
          error={editError}
          onSave={(yaml) => void saveEdit(yaml)}
          onCancel={cancelEdit}
        />
      )}
    </div>
  );
}
