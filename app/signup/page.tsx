import Link from "next/link";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { SignUpForm } from "./sign-up-form";

export const metadata = { title: "Sign up" };
export const dynamic = "force-dynamic";

/** Sign-up page; a guest who signs up keeps their attempts. */
export default async function SignUpPage() {
  const user = await getSessionUser();
  return (
    <main>
      <h1>Create your account</h1>
      <SignUpForm isGuest={user?.isGuest === true} />
      <p className="muted" style={{ marginTop: "1.5rem" }}>
        Already have one? <Link href="/signin">Sign in</Link>.
      </p>
    </main>
  );
}
