/** Rollout faults: a RollingUpdate that never completes (ProgressDeadlineExceeded); the previous version keeps serving. */
import type { Fault, FaultContext, WorkloadModel } from "../types";
import { mainContainer } from "../types";
import { READ_ROLLOUT, healthyId, ref, sameAppImage, unhealthy } from "./common";

const ROLLOUT_WORDS = ["image", "tag", "rollout", "revision", "undo", "rollback", "version", "args", "crash"];

function wl(ctx: FaultContext): WorkloadModel {
  if (!ctx.workload) throw new Error("fault needs a workload target");
  return ctx.workload;
}

function stuck(w: WorkloadModel): string {
  return `The release of ${w.says} started more than ten minutes ago and still has not finished; the dashboards show the old build everywhere.`;
}

function common(ctx: FaultContext, w: WorkloadModel, what: string, evidence: string) {
  const undo = `${ctx.k} rollout undo ${ref(w)}`;
  return {
    report: stuck(w),
    symptoms: [unhealthy(ctx.instance.namespace, w)],
    checks: [sameAppImage(ctx, w)],
    symptomChecks: [healthyId(w)],
    nonFixes: [{ name: `${w.role}-restart-the-rollout`, description: "Restarting rolls out the same broken template again.", commands: [`${ctx.k} rollout restart ${ref(w)}`], fails: [healthyId(w)] }],
    hints: [
      `How far did the release get? \`${ctx.k} rollout status ${ref(w)}\` and \`${ctx.k} get rs\`.`,
      `The new ReplicaSet's pods never become available: ${evidence}. The old ReplicaSet still serves, so nothing is down yet.`,
      `Go back to the last working revision: \`${undo}\`.`,
    ],
    explanation: `The new revision of ${w.name} ${what}. With a RollingUpdate the Deployment created one new pod, waited for it to become available, and never got further: the old ReplicaSet kept serving and after 10 minutes the Deployment reported \`ProgressDeadlineExceeded\` (\`kubectl describe deployment\`, \`rollout status\`). Roll back with \`kubectl rollout undo\` (or fix the template); the rollout then completes. Prevention: gate deploys on \`kubectl rollout status\` in the pipeline and roll back automatically.`,
    look: [`${ctx.k} describe ${ref(w)}`, `${ctx.k} get rs`],
    fix: [undo],
    diagnosis: READ_ROLLOUT,
  };
}

/** A new version whose image was never published. */
export const ROLLOUT_UNPUBLISHED_IMAGE: Fault = {
  id: "rollout-unpublished-image",
  family: "rollout",
  description: "a RollingUpdate to an image tag that was never published",
  distance: 1,
  rollout: true,
  causeWords: [...ROLLOUT_WORDS, "pull", "registry"],
  targets: (i) => i.workloads.filter((w) => w.kind === "Deployment").map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const bad = `${w.app.repository}:${ctx.rng.pick(w.app.missingTags)}`;
    c.image = bad;
    return common(ctx, w, `points at \`${bad}\`, a tag nobody published, so its pod stayed in \`ImagePullBackOff\``, `the new pod is in \`ImagePullBackOff\` for \`${bad}\``);
  },
};

/** A new version that crashes at start-up. */
export const ROLLOUT_CRASHING_VERSION: Fault = {
  id: "rollout-crashing-version",
  family: "rollout",
  description: "a RollingUpdate to a template whose container exits at start-up",
  distance: 2,
  rollout: true,
  causeWords: ROLLOUT_WORDS,
  targets: (i) => i.workloads.filter((w) => w.kind === "Deployment" && w.app.badArgs).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    c.args = [...w.app.badArgs!.args];
    return common(ctx, w, `starts the container with \`args: ${JSON.stringify(c.args)}\`, which exits at once (\`${w.app.badArgs!.symptom}\`), so its pod went into \`CrashLoopBackOff\``, `the new pod is in \`CrashLoopBackOff\` (its logs: \`${w.app.badArgs!.symptom}\`)`);
  },
};

/** A new version that asks for more CPU than any node has. */
export const ROLLOUT_UNSCHEDULABLE_VERSION: Fault = {
  id: "rollout-unschedulable-version",
  family: "rollout",
  description: "a RollingUpdate to a template whose CPU request no node can satisfy",
  distance: 1,
  rollout: true,
  causeWords: [...ROLLOUT_WORDS, "cpu", "request", "requests", "resources", "scheduler", "insufficient", "capacity"],
  targets: (i) => i.workloads.filter((w) => w.kind === "Deployment").map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const bad = ctx.rng.pick(["6", "8"]);
    c.resources = { ...c.resources, requests: { ...(c.resources?.requests ?? {}), cpu: bad } };
    return common(ctx, w, `requests \`cpu: ${bad}\`, more than any node can allocate, so its pod stayed Pending (\`Insufficient cpu\`)`, `the new pod is Pending with \`Insufficient cpu\` (it requests ${bad} CPUs)`);
  },
};

/** A new version whose readiness probe never passes. */
export const ROLLOUT_FAILING_READINESS: Fault = {
  id: "rollout-failing-readiness",
  family: "rollout",
  description: "a RollingUpdate to a template whose readiness probe asks for a path the app does not serve",
  distance: 1,
  rollout: true,
  causeWords: [...ROLLOUT_WORDS, "readiness", "probe", "probes"],
  targets: (i) => i.workloads.filter((w) => w.kind === "Deployment" && w.app.protocol === "http" && mainContainer(i, w).readinessProbe).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    c.readinessProbe = { httpGet: { path: w.app.wrongPath!, port: w.app.port }, initialDelaySeconds: 2, periodSeconds: 5 } as typeof c.readinessProbe;
    return common(ctx, w, `probes readiness on \`${w.app.wrongPath}\`, which the app answers with 404, so its pod ran but never became Ready`, `the new pod runs but is never Ready (\`Readiness probe failed: HTTP probe failed with statuscode: 404\`)`);
  },
};

/** The rollout faults. */
export const ROLLOUT_FAULTS: Fault[] = [ROLLOUT_UNPUBLISHED_IMAGE, ROLLOUT_CRASHING_VERSION, ROLLOUT_UNSCHEDULABLE_VERSION, ROLLOUT_FAILING_READINESS];

