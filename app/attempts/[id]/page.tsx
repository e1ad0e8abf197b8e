import { notFound } from "next/navigation";
import { getAttemptView } from "@/lib/attempts/get-attempt-view";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { ApiError } from "@/lib/http/errors";
import { attemptIdSchema } from "@/lib/validations/attempt";
import { AttemptWorkspace } from "./attempt-workspace";

export const dynamic = "force-dynamic";
export const metadata = { title: "Attempt" };

/** The attempt page: brief, terminal and tools, restored from the recorded actions. */
export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/attempts/${id}`);
  if (!attemptIdSchema.safeParse(id).success) notFound();
  const view = await getAttemptView({ attemptId: id, userId: user.id }).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className="wide">
      <AttemptWorkspace view={view} />
    </main>
  );
}
