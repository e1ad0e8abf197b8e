"use client";

import { useState } from "react";
import { callApi } from "../classes/call-api";

/** A user's role as a select that saves on change. */
export function RoleSelect({ userId, role, self }: { userId: string; role: string; self: boolean }) {
  const [value, setValue] = useState(role);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <select
        aria-label="role"
        value={value}
        disabled={self}
        onChange={async (e) => {
          const next = e.target.value;
          setMessage(null);
          try {
            await callApi(`/api/admin/users/${userId}`, "PATCH", { role: next });
            setValue(next);
            setMessage("saved");
          } catch (err) {
            setMessage((err as Error).message);
          }
        }}
      >
        <option value="learner">learner</option>
        <option value="instructor">instructor</option>
        <option value="admin">admin</option>
      </select>{" "}
      {message && <span className="muted">{message}</span>}
    </>
  );
}
