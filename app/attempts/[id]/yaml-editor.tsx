"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/** Splits one YAML line into highlighted spans (keys, comments, strings, numbers, list dashes). */
function highlightLine(line: string, key: number): ReactNode {
  const comment = /(^|\s)#.*$/.exec(line);
  const body = comment ? line.slice(0, comment.index + comment[1].length) : line;
  const parts: ReactNode[] = [];
  const keyMatch = /^(\s*)(- )?([^\s:#][^:#]*?)(:)(\s|$)/.exec(body);
  let rest = body;
  if (keyMatch) {
    parts.push(keyMatch[1]);
    if (keyMatch[2]) parts.push(<span key="d" className="yaml-punct">{keyMatch[2]}</span>);
    parts.push(<span key="k" className="yaml-key">{keyMatch[3]}</span>, <span key="c" className="yaml-punct">:</span>);
    rest = body.slice(keyMatch[0].length - keyMatch[5].length);
  } else {
    const dash = /^(\s*)(- )/.exec(body);
    if (dash) {
      parts.push(dash[1], <span key="d" className="yaml-punct">{dash[2]}</span>);
      rest = body.slice(dash[0].length);
    }
  }
  const value = rest.trim();
  if (/^(['"]).*\1$/.test(value)) parts.push(<span key="v" className="yaml-string">{rest}</span>);
  else if (/^-?\d+(\.\d+)?$|^(true|false|null)$/.test(value)) parts.push(<span key="v" className="yaml-number">{rest}</span>);
  else parts.push(rest);
  if (comment) parts.push(<span key="m" className="yaml-comment">{line.slice(body.length)}</span>);
  return (
    <span key={key}>
      {parts}
      {"\n"}
    </span>
  );
}

/**
 * The in-page editor `kubectl edit` opens: a textarea over a highlighted copy of its
 * text (React elements, never HTML strings). Ctrl-S saves, Escape cancels.
 */
export function YamlEditor(props: {
  title: string;
  initial: string;
  busy: boolean;
  error: string | null;
  onSave: (yaml: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(props.initial);
  const area = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLPreElement>(null);
  useEffect(() => area.current?.focus(), []);

  return (
    <div className="editor-backdrop" role="dialog" aria-modal="true" aria-label={`Editing ${props.title}`}>
      <div className="editor card">
        <div className="toolbar">
          <strong>
            <code>kubectl edit</code> {props.title}
          </strong>
          <span className="spacer" />
          <span className="muted">Ctrl-S saves · Esc cancels</span>
        </div>
        {props.error && <div className="error-box">{props.error}</div>}
        <div className="editor-surface">
          <pre ref={mirror} aria-hidden="true">
            {text.split("\n").map((line, i) => highlightLine(line, i))}
          </pre>
          <textarea
            ref={area}
            data-testid="yaml-editor"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onScroll={(e) => {
              if (mirror.current) {
                mirror.current.scrollTop = e.currentTarget.scrollTop;
                mirror.current.scrollLeft = e.currentTarget.scrollLeft;
              }
            }}
            onKeyDown={(e) => {
              if (e.key === "Escape") props.onCancel();
              else if (e.key === "s" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                props.onSave(text);
              } else if (e.key === "Tab") {
                e.preventDefault();
                const el = e.currentTarget;
                const start = el.selectionStart;
                setText(text.slice(0, start) + "  " + text.slice(el.selectionEnd));
                requestAnimationFrame(() => el.setSelectionRange(start + 2, start + 2));
              }
            }}
          />
        </div>
        <div className="toolbar">
          <button type="button" className="btn primary" disabled={props.busy} onClick={() => props.onSave(text)}>
            Save and apply
          </button>
          <button type="button" className="btn" disabled={props.busy} onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
