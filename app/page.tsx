import Link from "next/link";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { TryItNowButton } from "./try-it-now-button";

export const dynamic = "force-dynamic";

/** Landing page: what crashcourse is, Try it now, sign in / sign up. */
export default async function LandingPage() {
  const user = await getSessionUser();
  return (
    <main>
      <section className="hero">
        <div>
          <h1>Break-fix Kubernetes, without a cluster.</h1>
          <p className="muted">
            crashcourse drops you into a simulated cluster that is already on fire: pods crash-looping, images that
            won&apos;t pull, services with no endpoints. Diagnose it with real <code>kubectl</code> commands in your
            browser, fix the root cause, and press <strong>Check</strong> to be graded.
          </p>
          <div className="actions">
            <TryItNowButton signedIn={user !== null} />
            {!user && (
              <>
                <Link className="btn" href="/signup">
                  Create an account
                </Link>
                <Link className="btn link" href="/signin">
                  Sign in
                </Link>
              </>
            )}
          </div>
        </div>
        <div className="fake-term" aria-hidden="true">
          <span className="p">$</span> kubectl get pods{"\n"}
          NAME                  READY   STATUS{"\n"}
          web-7d9c6b5f4-x2k8p   0/1     CrashLoopBackOff{"\n"}
          <span className="p">$</span> kubectl logs web-7d9c6b5f4-x2k8p{"\n"}
          Error: DATABASE_HOST is not set{"\n"}
          <span className="p">$</span> kubectl edit deployment web{"\n"}
          deployment.apps/web edited{"\n"}
          <span className="p">$</span> <span className="muted">▌</span>
        </div>
      </section>
      <section className="features">
        <div className="card">
          <h2>Real symptoms</h2>
          <p className="muted">
            Events, restart counts, back-offs and describe output behave like a real cluster, down to the timing.
          </p>
        </div>
        <div className="card">
          <h2>Graded on the fix</h2>
          <p className="muted">
            Checks look for the root cause being fixed, not a workaround. Hints cost points; diagnosis earns them.
          </p>
        </div>
        <div className="card">
          <h2>Every run replayable</h2>
          <p className="muted">
            Every command is recorded. Reload, come back tomorrow, or replay a session step by step after grading.
          </p>
        </div>
      </section>
    </main>
  );
}
