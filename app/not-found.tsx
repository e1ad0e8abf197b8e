import Link from "next/link";

/** 404 page: also what someone else's attempt looks like. */
export default function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p className="muted">There is nothing here, or it isn&apos;t yours.</p>
      <Link href="/scenarios">Back to the scenarios</Link>
    </main>
  );
}
