"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ClassDetail } from "@/lib/classes/get-class";
import { callApi } from "../../../classes/call-api";

/** Join code and link, regenerate, archive/restore; learners with a Remove button. */
export function ClassSettings({ detail }: { detail: ClassDetail }) {
  const router = useRouter();
  const [origin, setOrigin] = useState("");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);
  const run = async (action: () => Promise<unknown>, confirmText?: string) => {
    if (confirmText && !window.confirm(confirmText)) return;
    setError(null);
    try {
      await action();
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const link = `${origin}/join/${detail.joinCode}`;
  return (
    <div className="grid-2">
      <section className="card">
        <h2>Join</h2>
        <p>
          Code <strong data-testid="join-code" style={{ fontFamily: "var(--mono)", fontSize: "1.4rem", letterSpacing: "0.1em" }}>{detail.joinCode}</strong>
        </p>
        <p>
          Link <code data-testid="join-link">{link}</code>
        </p>
        <div className="toolbar">
          <button type="button" className="btn" onClick={() => run(() => navigator.clipboard?.writeText(link) ?? Promise.resolve())}>
            Copy link
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => run(() => callApi(`/api/classes/${detail.id}/code`, "POST"), "The current code and link will stop working. Continue?")}
          >
            Regenerate code
          </button>
          <button
            type="button"
            className={detail.archivedAt ? "btn" : "btn danger"}
            onClick={() =>
              run(
                () => callApi(`/api/classes/${detail.id}`, "PATCH", { archived: !detail.archivedAt }),
                detail.archivedAt ? undefined : "Archive this class? Learners can no longer join it or see its assignments.",
              )
            }
          >
            {detail.archivedAt ? "Restore class" : "Archive class"}
          </button>
        </div>
        {error && (
          <p className="bad" role="alert">
            {error}
          </p>
        )}
      </section>
      <section className="card">
        <h2>Learners ({detail.learners.length})</h2>
        {detail.learners.length === 0 ? (
          <p className="muted">Nobody has joined yet. Share the code or the link.</p>
        ) : (
          <ul style={{ maxHeight: "14rem", overflow: "auto" }} data-testid="learners">
            {detail.learners.map((l) => (
              <li key={l.userId}>
                <a href={`/instructor/classes/${detail.id}/learners/${l.userId}`}>{l.label}</a>{" "}
                <button
                  type="button"
                  className="btn link"
                  onClick={() => run(() => callApi(`/api/classes/${detail.id}/members/${l.userId}`, "DELETE"), `Remove ${l.label} from the class?`)}
                >
                  remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
