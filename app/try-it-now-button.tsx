"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Creates a guest account and opens the catalogue: play first, sign up later. */
export function TryItNowButton({ signedIn }: { signedIn: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (signedIn) {
    return (
      <a className="btn primary" href="/scenarios">
        Open the scenarios →
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        className="btn primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await signIn("guest", { redirect: false });
          if (result?.ok) window.location.assign("/scenarios");
          else {
            setError("Could not start a guest session. Please try again.");
            setBusy(false);
          }
        }}
      >
        Try it now →
      </button>
      {error && <p className="bad">{error}</p>}
    </>
  );
}
