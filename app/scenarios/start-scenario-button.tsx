"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Opens a scenario: resumes the attempt in progress or starts one (as a guest if signed out). */
export function StartScenarioButton(props: { scenarioId: string; label: string; signedIn: boolean; mode?: "resume" | "new" }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={props.mode === "new" ? "btn" : "btn primary"}
        disabled={busy}
        onClick={async () => {
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
            body: JSON.stringify({ scenarioId: props.scenarioId, mode: props.mode ?? "resume" }),
          });
          const body = (await response.json().catch(() => null)) as { id?: string; error?: { message: string } } | null;
          if (response.ok && body?.id) window.location.assign(`/attempts/${body.id}`);
          else {
            setError(body?.error?.message ?? "Could not start the scenario.");
            setBusy(false);
          }
        }}
      >
        {props.label}
      </button>
      {error && <span className="bad">{error}</span>}
    </>
  );
}
