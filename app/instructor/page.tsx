import Link from "next/link";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { listTaughtClasses } from "@/lib/classes/list-taught-classes";
import { CreateClassForm } from "./create-class-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Teaching" };

/** An instructor's classes and a form to create one. */
export default async function InstructorPage() {
  const user = await requireSessionUser("/instructor");
  if (user.role === "learner" || user.isGuest) {
    return (
      <main>
        <h1>Teaching</h1>
        <p className="notice">Only instructors can create classes. Ask an admin to make your account an instructor.</p>
      </main>
    );
  }
  const classes = await listTaughtClasses({ user });
  return (
    <main>
      <h1>Teaching</h1>
      <section className="card">
        <h2>New class</h2>
        <CreateClassForm />
      </section>
      <section className="card" style={{ marginTop: "1rem" }}>
        <h2>Your classes</h2>
        {classes.length === 0 ? (
          <p className="muted">No class yet.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>Class</th>
                <th>Join code</th>
                <th>Learners</th>
                <th>Assignments</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {classes.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/instructor/classes/${c.id}`}>{c.name}</Link> {c.archivedAt && <span className="badge">archived</span>}
                  </td>
                  <td style={{ fontFamily: "var(--mono)" }}>{c.joinCode}</td>
                  <td>{c.learners}</td>
                  <td>{c.assignments}</td>
                  <td className="muted">{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
