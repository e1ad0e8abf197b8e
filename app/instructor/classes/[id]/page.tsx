import Link from "next/link";
import { notFound } from "next/navigation";
import { catalogue, INCIDENT_DIFFICULTIES, INCIDENT_FAMILIES } from "@/lib/attempts/engine-session";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { getClass } from "@/lib/classes/get-class";
import { getClassDashboard } from "@/lib/classes/get-class-dashboard";
import { ApiError } from "@/lib/http/errors";
import { idSchema } from "@/lib/validations/class";
import { AssignmentsEditor } from "./assignments-editor";
import { ClassSettings } from "./class-settings";
import { LiveDashboard } from "./live-dashboard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Class" };

/** One of the instructor's classes: join code, learners, assignments and the live dashboard. */
export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSessionUser(`/instructor/classes/${id}`);
  if (!idSchema.safeParse(id).success) notFound();
  const [detail, dashboard] = await Promise.all([getClass({ user, classId: id }), getClassDashboard({ user, classId: id })]).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  });
  const scenarios = catalogue().map((s) => ({ id: s.id, title: s.title, family: s.family }));
  return (
    <main>
      <p>
        <Link href="/instructor">← Classes</Link>
      </p>
      <h1>
        {detail.name} {detail.archivedAt && <span className="badge">archived</span>}
      </h1>
      {detail.description && <p className="muted">{detail.description}</p>}
      <ClassSettings detail={detail} />
      <AssignmentsEditor
        classId={detail.id}
        assignments={detail.assignments}
        scenarios={scenarios}
        incidentFamilies={INCIDENT_FAMILIES}
        incidentDifficulties={INCIDENT_DIFFICULTIES}
      />
      <LiveDashboard key={`${detail.learners.length}-${detail.assignments.length}`} initial={dashboard} />
    </main>
  );
}
