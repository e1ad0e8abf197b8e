import Link from "next/link";
import { safeReturnPath } from "@/lib/http/safe-redirect";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

/** Sign-in page. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main>
      <h1>Sign in</h1>
      <SignInForm callbackUrl={safeReturnPath(callbackUrl)} />
      <p className="muted" style={{ marginTop: "1.5rem" }}>
        No account? <Link href="/signup">Sign up</Link>, or just try it from the <Link href="/">home page</Link>.
      </p>
    </main>
  );
}
