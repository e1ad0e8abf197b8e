"use client";

import { useState } from "react";
import { callApi } from "../classes/call-api";

/** Name and description of a new class; opens its page once created. */
export function CreateClassForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="filters"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setBusy(true);
        setError(null);
        try {
          const created = await callApi<{ id: string }>("/api/classes", "POST", { name: form.get("name"), description: form.get("description") });
          window.location.assign(`/instructor/classes/${created.id}`);
        } catch (err) {
          setError((err as Error).message);
          setBusy(false);
        }
      }}
    >
      <label>
        Class name
        <input name="name" required maxLength={120} />
      </label>
      <label style={{ flex: 1 }}>
        Description
        <input name="description" maxLength={2000} />
      </label>
      <button className="btn primary" type="submit" disabled={busy}>
        Create class
      </button>
      {error && (
        <span className="bad" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
