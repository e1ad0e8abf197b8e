"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

import { IncidentSelects } from "../difficulty";

/**
 * "Random incident": an incident the engine generates from a seed the server draws, optionally
 * of one fault family and difficulty. Starts a new attempt (as a guest when signed out) and opens it.
 */
export function RandomIncidentPanel(props: { families: readonly string[]; difficulties: readonly number[]; signedIn: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card" data-testid="random-incident" style={{ marginBottom: "1.5rem" }}>
      <h2 style={{ marginTop: 0 }}>Random incident</h2>
      <p className="muted">
        A broken cluster nobody wrote by hand: the engine picks an application, one to three faults and their details. Graded like
        any scenario.
      </p>
      <form
        className="filters"
        style={{ marginBottom: 0 }}
        aria-label="Random incident"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          setBusy(true);
          setError(null);
          if (!props.signedIn) {
            const guest = await signIn("guest", { redirect: false });
            if (!guest?.ok) {
              setError("Could not start a guest session.");
              setBusy(false);
              return;
            }
          }
          const response = await fetch("/api/attempts", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ incident: { family: form.get("family") || "any", difficulty: form.get("difficulty") || "any" }, mode: "new" }),
          });
          const body = (await response.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
          if (response.ok && body?.id) window.location.assign(`/attempts/${body.id}`);
          else {
            setError(body?.error?.message ?? "Could not start an incident.");
            setBusy(false);
          }
        }}
      >
        <IncidentSelects families={props.families} difficulties={props.difficulties} familyName="family" difficultyName="difficulty" />
        <button className="btn primary" type="submit" disabled={busy}>
          {busy ? "Generating…" : "Random incident"}
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
