"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Sign-up form: creates the account (converting a guest), then signs in with it. */
export function SignUpForm({ isGuest }: { isGuest: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const email = String(form.get("email") ?? "");
        const password = String(form.get("password") ?? "");
        setBusy(true);
        setError(null);
        const response = await fetch("/api/signup", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password }),
        });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
          setError(body?.error?.message ?? "Sign-up failed. Please try again.");
          setBusy(false);
          return;
        }
        const result = await signIn("credentials", { redirect: false, email, password });
        if (result?.ok && !result.error) window.location.assign("/scenarios");
        else {
          setError("Your account was created, but signing in failed. Please sign in.");
          setBusy(false);
        }
      }}
    >
      {isGuest && (
        <p className="notice">You are playing as a guest. Signing up keeps all your attempts and scores.</p>
      )}
      {error && (
        <div className="error-box" role="alert">
          {error}
        </div>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password <span className="muted">(at least 8 characters)</span>
        <input name="password" type="password" autoComplete="new-password" minLength={8} required />
      </label>
      <button className="btn primary" type="submit" disabled={busy}>
        Create account
      </button>
    </form>
  );
}
