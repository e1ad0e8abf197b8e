import Link from "next/link";
import { notFound } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { getClassAttemptReplay } from "@/lib/classes/get-class-attempt-replay";
import { ApiError } from "@/lib/http/errors";
import { idSchema } from "@/lib/validations/class";
import { ReplayPlayer } from "../../../../../attempts/[id]/result/replay-player";
import { duration as clock } from "../../../../duration";
import { StatusBadge } from "../../../../../difficulty";

export const dynamic = "force-dynamic";
export const metadata = { title: "Replay" };

/** A learner's attempt replayed for their instructor: every command, its output as shown, its time. */
export default async function ClassReplayPage({ params }: { params: Promise<{ id: string; attemptId: string }> }) {
  const { id, attemptId } = await params;
  const user = await requireSessionUser(`/instructor/classes/${id}/attempts/${attemptId}`);
  if (!idSchema.safeParse(id).success || !idSchema.safeParse(attemptId).success) notFound();
  const replay = await getClassAttemptReplay({ user, classId: id, attemptId }).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  const commands = replay.history.filter((h) => h.type === "command" || h.type === "edit").length;
  return (
    <main>
      <p>
        <Link href={`/instructor/classes/${id}/learners/${replay.userId}`}>← {replay.learner}</Link>
      </p>
      <h1>
        {replay.title} <StatusBadge status={replay.status} />
      </h1>
      <p className="muted">
        {replay.learner} · seed {replay.seed} · score {replay.score ?? "—"} · {clock(replay.durationMs)} of simulated time · {commands} commands · started{" "}
        {new Date(replay.startedAt).toLocaleString()}
      </p>
      <section className="card">
        <ReplayPlayer history={replay.history} />
      </section>
    </main>
  );
}
