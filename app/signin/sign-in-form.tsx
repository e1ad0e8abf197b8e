"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Email + password sign-in; one message for every failure, so accounts cannot be probed. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="stack"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setBusy(true);
        setError(null);
        const result = await signIn("credentials", {
          redirect: false,
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
        });
        if (result?.ok && !result.error) window.location.assign(callbackUrl);
        else {
          // 429: the brute-force throttle (lib/auth/sign-in-throttle.ts), the same for every account.
          setError(result?.status === 429 ? "Too many sign-in attempts. Wait a few minutes and try again." : "Email or password is incorrect.");
          setBusy(false);
        }
      }}
    >
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
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button className="btn primary" type="submit" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}
