import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { listLearnerAttempts } from "@/lib/classes/list-learner-attempts";
import { ApiError } from "@/lib/http/errors";
import { idSchema } from "@/lib/validations/class";
import { duration as clock } from "../../../../duration";
import { StatusBadge } from "../../../../../difficulty";

export const dynamic = "force-dynamic";
export const metadata = { title: "Learner" };

/** Every attempt of one learner on the class's assigned scenarios, each with a link to its replay. */
export default async function LearnerPage({ params }: { params: Promise<{ id: string; userId: string }> }) {
  const { id, userId } = await params;
  const user = await requireSessionUser(`/instructor/classes/${id}/learners/${userId}`);
  if (!idSchema.safeParse(id).success || !idSchema.safeParse(userId).success) notFound();
  const learner = await listLearnerAttempts({ user, classId: id, learnerId: userId }).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main>
      <p>
        <Link href={`/instructor/classes/${id}`}>← {learner.className}</Link>
      </p>
      <h1>{learner.label}</h1>
      {learner.attempts.length === 0 ? (
        <p className="muted">No attempt on the assigned scenarios yet.</p>
      ) : (
        <table className="data" data-testid="learner-attempts">
          <thead>
            <tr>
              <th>Scenario</th>
              <th>Status</th>
              <th>Score</th>
              <th>Time</th>
              <th>Commands</th>
              <th>Hints</th>
              <th>Started</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {learner.attempts.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td>{a.score ?? "—"}</td>
                <td>{clock(a.durationMs)}</td>
                <td>{a.commands}</td>
                <td>{a.hints}</td>
                <td>{new Date(a.startedAt).toLocaleString()}</td>
                <td>
                  <Link href={`/instructor/classes/${id}/attempts/${a.id}`}>Replay →</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
