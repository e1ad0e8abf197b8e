import Link from "next/link";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { listJoinedClasses } from "@/lib/classes/list-joined-classes";
import { listMyAssignments } from "@/lib/classes/list-my-assignments";
import { AssignedScenarios } from "./assigned-scenarios";
import { JoinForm } from "./join-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "My classes" };

/** A learner's classes: join one with a code, see the classes joined and their assignments. */
export default async function MyClassesPage() {
  const user = await requireSessionUser("/classes");
  const [classes, assignments] = await Promise.all([listJoinedClasses({ userId: user.id }), listMyAssignments({ userId: user.id })]);
  return (
    <main>
      <h1>My classes</h1>
      <section className="card">
        <h2>Join a class</h2>
        <p className="muted">Type the code your instructor gave you, or open their join link.</p>
        <JoinForm />
      </section>
      {classes.length > 0 && (
        <section className="card" style={{ marginTop: "1rem" }}>
          <h2>Joined</h2>
          <ul data-testid="joined-classes">
            {classes.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> {c.archived && <span className="badge">archived</span>} <span className="muted">{c.description}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <AssignedScenarios assignments={assignments} />
      <p>
        <Link href="/scenarios">All scenarios →</Link>
      </p>
    </main>
  );
}
