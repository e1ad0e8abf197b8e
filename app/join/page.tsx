import { requireSessionUser } from "@/lib/auth/get-session-user";
import { JoinForm } from "../classes/join-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Join a class" };

/** Join a class by typing its code. */
export default async function JoinPage() {
  await requireSessionUser("/join");
  return (
    <main>
      <h1>Join a class</h1>
      <section className="card">
        <JoinForm />
      </section>
    </main>
  );
}
