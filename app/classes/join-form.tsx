"use client";

import { useState } from "react";
import { callApi } from "./call-api";

/** A join-code field (or a fixed code from a join link) and a Join button. */
export function JoinForm({ code: fixedCode }: { code?: string }) {
  const [code, setCode] = useState(fixedCode ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="toolbar"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await callApi("/api/classes/join", "POST", { code });
          window.location.assign("/scenarios");
        } catch (err) {
          setError((err as Error).message);
          setBusy(false);
        }
      }}
    >
      {!fixedCode && (
        <label>
          Join code
          <input name="code" value={code} onChange={(e) => setCode(e.target.value)} placeholder="ABCD2345" autoComplete="off" required />
        </label>
      )}
      <button className="btn primary" type="submit" disabled={busy}>
        Join class
      </button>
      {error && (
        <span className="bad" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
