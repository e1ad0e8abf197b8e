/**
 * `kubectl rollout status|history|undo|restart|pause|resume` for Deployments, and status,
 * history and undo for StatefulSets and DaemonSets (through their ControllerRevisions).
 *
 * `rollout status` watches on the virtual clock, as `kubectl wait` does: it prints the status
 * line for the object as it stands, then again each time the object changes, until the
 * rollout is done, fails (a Deployment past its progress deadline), `--timeout` passes, or
 * the object is deleted; the cluster's clock stays where the watch ended. `--watch=false`
 * prints the line once.
 */
import type { DaemonSet, Deployment, KObject, PodTemplateSpec, ReplicaSet, StatefulSet } from "../../../model/types";
import { rfc3339 } from "../../../runtime/clock";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool, flagInt } from "../../args";
import { rollbackDeployment } from "../../../controllers/deployment/rollback";
import { formatRows } from "../../printers/tabwriter";
import { resourceWithGroup } from "../../errors";
import { CHANGE_CAUSE_ANNOTATION, dryRunOf, dryRunSuffix, nameRef, outputOf, printWritten, resolveTargets, result, writeCommand } from "./common";
import { patchMutation } from "./mutate";
import { MAX_VIRTUAL_WAIT_MS } from "../wait/wait-command";
import { waitUntil } from "../wait/wait-clock";
import { daemonSetRolloutStatus, statefulSetRolloutStatus, type RolloutStatusLine } from "./rollout-status-viewers";
import { hasRevisionHistory, printTemplate, revisionHistory, rollbackToRevision, type RolloutRevision } from "./rollout-revisions";

const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";

function targetsOrError(ctx: CommandContext, args: ParsedArgs) {
  return resolveTargets(ctx, args, { typeSelectsAll: true, noResources: "error: required resource not specified\n" });
}

/** The status line of a Deployment's rollout (kubectl's `DeploymentStatusViewer`). */
export function deploymentRolloutStatus(d: Deployment, revision = 0): { line: string; done: boolean; error?: string } {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = Number(d.metadata.annotations?.[REVISION_ANNOTATION] ?? 0);
    if (current !== revision) return { line: "", done: false, error: `error: desired revision (${revision}) is different from the running revision (${current})\n` };
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const cond = s.conditions?.find((c) => c.type === "Progressing");
    if (cond?.reason === "ProgressDeadlineExceeded") return { line: "", done: false, error: `error: deployment "${name}" exceeded its progress deadline\n` };
    const replicas = d.spec.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    if (updated < replicas) return { line: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((s.replicas ?? 0) > updated) return { line: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((s.availableReplicas ?? 0) < updated) return { line: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { line: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { line: "Waiting for deployment spec update to be observed...\n", done: false };
}

function noViewer(obj: KObject, what: string): string {
  return `error: no ${what} has been implemented for ${obj.kind}\n`;
}

/** The status viewer of a kind (kubectl's `StatusViewerFor`), or undefined when it has none. */
function statusViewerOf(kind: string, revision: number): ((obj: KObject) => RolloutStatusLine) | undefined {
  if (kind === "Deployment") return (obj) => deploymentRolloutStatus(obj as Deployment, revision);
  if (kind === "StatefulSet") return (obj) => statefulSetRolloutStatus(obj as StatefulSet);
  if (kind === "DaemonSet") return (obj) => daemonSetRolloutStatus(obj as DaemonSet);
  return undefined;
}

function runStatus(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const revision = flagInt(args.flags, "revision", 0);
  if (revision < 0) return result("", `error: revision must be a positive integer: ${revision}\n`);
  const targets = targetsOrError(ctx, args);
  if (!targets.ok) return result("", targets.error);
  if (targets.errors.length > 0) return result("", targets.errors.join(""));
  if (targets.objects.length !== 1) {
    return result("", `error: rollout status is only supported on individual resources and resource collections - ${targets.objects.length} resources were found\n`);
  }
  const target = targets.objects[0];
  const viewer = statusViewerOf(target.kind, revision);
  if (!viewer) return result("", noViewer(target, "status viewer"));

  // The watch: the object as listed, then each change of it (a new resourceVersion).
  const watch = flagBool(args.flags, "watch", true);
  const timeoutMs = flagInt(args.flags, "timeout", 0);
  const deadlineMs = ctx.cluster.now() + (timeoutMs > 0 ? Math.min(timeoutMs, MAX_VIRTUAL_WAIT_MS) : MAX_VIRTUAL_WAIT_MS);
  const { kind, metadata: { namespace, name } } = target;
  let stdout = "";
  let error: string | undefined;
  let seen: string | undefined;
  const event = (): boolean => {
    const obj = ctx.cluster.store.get(kind, namespace, name);
    if (!obj) {
      error = "error: object has been deleted\n";
      return true;
    }
    if (obj.metadata.resourceVersion === seen) return false;
    seen = obj.metadata.resourceVersion;
    const status = viewer(obj);
    if (status.error) {
      error = status.error;
      return true;
    }
    stdout += status.line;
    return status.done || !watch;
  };
  if (!waitUntil(ctx.cluster, deadlineMs, event)) error = "error: timed out waiting for the condition\n";
  return error ? { stdout, stderr: error, exitCode: 1, stdoutFirst: true } : { stdout, stderr: "", exitCode: 0 };
}

function ownedReplicaSets(ctx: CommandContext, d: KObject): ReplicaSet[] {
  return ctx.cluster.store
    .list<ReplicaSet>("ReplicaSet", d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/** A Deployment's history (`DeploymentHistoryViewer`): its ReplicaSets' templates by revision, the change cause copied into each template's annotations. */
function deploymentHistory(ctx: CommandContext, d: KObject): Map<number, RolloutRevision> {
  const history = new Map<number, RolloutRevision>();
  for (const rs of ownedReplicaSets(ctx, d)) {
    const v = Number(rs.metadata.annotations?.[REVISION_ANNOTATION]);
    if (!Number.isFinite(v)) continue;
    const t: PodTemplateSpec = structuredClone(rs.spec.template);
    t.metadata = { ...(t.metadata ?? {}), annotations: { ...(t.metadata?.annotations ?? {}) } };
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    if (cause !== undefined) t.metadata.annotations![CHANGE_CAUSE_ANNOTATION] = cause;
    history.set(v, { template: t, changeCause: cause ?? "" });
  }
  return history;
}

function runHistory(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const targets = targetsOrError(ctx, args);
  if (!targets.ok) return result("", targets.error);
  const revision = flagInt(args.flags, "revision", 0);
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    let history: Map<number, RolloutRevision>;
    if (obj.kind === "Deployment") history = deploymentHistory(ctx, obj);
    else if (hasRevisionHistory(obj)) history = revisionHistory(ctx.cluster, obj);
    else {
      stderr += noViewer(obj, "history viewer");
      continue;
    }
    let info: string;
    if (history.size === 0) info = "No rollout history found.";
    else if (revision > 0) {
      const entry = history.get(revision);
      if (!entry) {
        stderr += "error: unable to find the specified revision\n";
        continue;
      }
      info = printTemplate(entry.template);
    } else {
      const rows = [["REVISION", "CHANGE-CAUSE"], ...[...history.keys()].sort((a, b) => a - b).map((r) => [String(r), history.get(r)!.changeCause || "<none>"])];
      info = formatRows(rows, { minWidth: 0, padding: 2 });
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : "";
    stdout += `${nameRef(obj)} ${withRevision}\n${info}\n`;
  }
  return result(stdout, stderr + targets.errors.join(""));
}

function runUndo(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const targets = targetsOrError(ctx, args);
  if (!targets.ok) return result("", targets.error);
  const toRevision = flagInt(args.flags, "to-revision", 0);
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    if (hasRevisionHistory(obj)) {
      const r = rollbackToRevision(ctx.cluster, obj, toRevision, dry.dryRun);
      if (dry.dryRun === "none") ctx.cluster.reconcile();
      if (r.ok) stdout += `${nameRef(obj)} ${r.message}${dryRunSuffix(dry.dryRun)}\n`;
      else stderr += r.error.endsWith("\n") ? r.error : r.error + "\n";
      continue;
    }
    if (obj.kind !== "Deployment") {
      stderr += `error: no rollbacker has been implemented for {"${obj.apiVersion.split("/")[0]}" "${obj.kind}"}\n`;
      continue;
    }
    if (dry.dryRun !== "none") {
      stdout += `${nameRef(obj)} rolled back${dry.dryRun === "client" ? " (dry run)" : " (server dry run)"}\n`;
      continue;
    }
    const r = rollbackDeployment(ctx.cluster.store, obj as Deployment, toRevision);
    ctx.cluster.reconcile();
    if (r.ok) stdout += r.message.endsWith("\n") ? r.message : r.message + "\n";
    else stderr += r.error.endsWith("\n") ? r.error : r.error + "\n";
  }
  return result(stdout, stderr + targets.errors.join(""));
}

function pausable(obj: KObject): boolean {
  return obj.kind === "Deployment";
}

function runRestart(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const targets = resolveTargets(ctx, args, { selectors: true, typeSelectsAll: true, noResources: "error: required resource not specified\n" });
  if (!targets.ok) return result("", targets.error);
  let stdout = "";
  let stderr = "";
  const at = rfc3339(ctx.cluster.now());
  for (const obj of targets.objects) {
    if (!["Deployment", "DaemonSet", "StatefulSet"].includes(obj.kind)) {
      stderr += `error: ${resourceWithGroup(obj.kind)} "${obj.metadata.name}" restarting is not supported\n`;
      continue;
    }
    if (obj.spec?.paused) {
      stderr += `error: ${resourceWithGroup(obj.kind)} "${obj.metadata.name}" can't restart paused deployment (run rollout resume first)\n`;
      continue;
    }
    const o = patchMutation(
      ctx,
      args,
      ["rollout", "restart"],
      obj,
      (copy) => {
        const t = copy.spec.template;
        t.metadata = { ...(t.metadata ?? {}), annotations: { ...(t.metadata?.annotations ?? {}), "kubectl.kubernetes.io/restartedAt": at } };
        return true;
      },
      "restarted",
      out.output,
      dry.dryRun,
      "failed to patch: ",
    );
    stdout += o.stdout;
    stderr += o.stderr;
  }
  return result(stdout, stderr + targets.errors.join(""));
}

function runPauseResume(pause: boolean) {
  return (ctx: CommandContext, args: ParsedArgs): CommandResult => {
    const out = outputOf(args);
    if (!out.ok) return result("", out.error);
    const targets = resolveTargets(ctx, args, { selectors: true, typeSelectsAll: true, noResources: "error: required resource not specified\n" });
    if (!targets.ok) return result("", targets.error);
    let stdout = "";
    let stderr = "";
    for (const obj of targets.objects) {
      const ref = `${resourceWithGroup(obj.kind)} "${obj.metadata.name}"`;
      if (!pausable(obj)) {
        stderr += `error: ${ref} ${pause ? "pausing" : "resuming"} is not supported\n`;
        continue;
      }
      if (!!obj.spec?.paused === pause) {
        stderr += `error: ${ref} ${pause ? "is already paused" : "is not paused"}\n`;
        continue;
      }
      const o = patchMutation(
        ctx,
        args,
        ["rollout", pause ? "pause" : "resume"],
        obj,
        (copy) => {
          if (pause) copy.spec.paused = true;
          else delete copy.spec.paused;
          return true;
        },
        pause ? "paused" : "resumed",
        out.output,
        "none",
        "failed to patch: ",
      );
      stdout += o.stdout || (out.output === "" ? "" : printWritten([obj], pause ? "paused" : "resumed", out.output, "none"));
      stderr += o.stderr;
    }
    return result(stdout, stderr + targets.errors.join(""));
  };
}

/** `kubectl rollout status`. */
export const rolloutStatusCommand = writeCommand("rollout status", runStatus);
/** `kubectl rollout history`. */
export const rolloutHistoryCommand = writeCommand("rollout history", runHistory);
/** `kubectl rollout undo`. */
export const rolloutUndoCommand = writeCommand("rollout undo", runUndo);
/** `kubectl rollout restart`. */
export const rolloutRestartCommand = writeCommand("rollout restart", runRestart);
/** `kubectl rollout pause`. */
export const rolloutPauseCommand = writeCommand("rollout pause", runPauseResume(true));
/** `kubectl rollout resume`. */
export const rolloutResumeCommand = writeCommand("rollout resume", runPauseResume(false));
