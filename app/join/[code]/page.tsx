import { notFound } from "next/navigation";
import { requireSessionUser } from "@/lib/auth/get-session-user";
import { findClassByCode } from "@/lib/classes/find-class-by-code";
import { joinCodeSchema } from "@/lib/validations/class";
import { JoinForm } from "../../classes/join-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Join a class" };

/** A class's join link: names the class and offers to join it (sign in first). */
export default async function JoinLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  await requireSessionUser(`/join/${encodeURIComponent(raw)}`);
  const code = joinCodeSchema.safeParse(raw);
  const found = code.success ? await findClassByCode(code.data) : null;
  if (!code.success || !found) notFound();
  return (
    <main>
      <h1>Join {found.name}</h1>
      {found.description && <p className="muted">{found.description}</p>}
      <section className="card">
        <JoinForm code={code.data} />
      </section>
    </main>
  );
}
