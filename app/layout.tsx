import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { SignOutButton } from "./sign-out-button";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "crashcourse", template: "%s · crashcourse" },
  description: "Learn to troubleshoot broken Kubernetes clusters in a simulated cluster.",
};

/** The page frame: header with navigation and the current user. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            crash<span>course</span>
          </Link>
          <nav>
            <Link href="/scenarios">Scenarios</Link>
            {user && <Link href="/progress">Progress</Link>}
            {user && <Link href="/classes">Classes</Link>}
            {user && (user.role === "instructor" || user.role === "admin") && <Link href="/instructor">Teaching</Link>}
            {user?.role === "admin" && <Link href="/admin">Admin</Link>}
          </nav>
          <div className="who">
            {user ? (
              <>
                <span data-testid="current-user">{user.isGuest ? "Guest" : (user.email ?? "")}</span>
                {user.isGuest && (
                  <Link href="/signup" className="btn primary">
                    Save progress: sign up
                  </Link>
                )}
                <SignOutButton />
              </>
            ) : (
              <>
                <Link href="/signin">Sign in</Link>
                <Link href="/signup" className="btn">
                  Sign up
                </Link>
              </>
            )}
          </div>
        </header>
        {children}
      </body>
    </html>
  );
}
