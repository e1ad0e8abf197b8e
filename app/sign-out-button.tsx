"use client";

import { signOut } from "next-auth/react";

/** Signs out and returns to the landing page. */
export function SignOutButton() {
  return (
    <button
      type="button"
      className="btn link"
      onClick={async () => {
        await signOut({ redirect: false });
        window.location.assign("/");
      }}
    >
      Sign out
    </button>
  );
}
