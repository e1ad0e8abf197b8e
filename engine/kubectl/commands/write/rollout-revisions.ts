/**
 * `kubectl rollout history|undo` for StatefulSets and DaemonSets, read from their
 * ControllerRevisions (kubectl v1.32's `StatefulSetHistoryViewer`, `DaemonSetHistoryViewer`,
 * `StatefulSetRollbacker` and `DaemonSetRollbacker` in `polymorphichelpers`).
 */
import type { ControllerRevision, KObject, PodTemplateSpec } from "../../../model/types";
import { matchesSelector } from "../../../model/labels";
import type { Cluster } from "../../../runtime/cluster";
import { canonicalJson } from "../../../controllers/statefulset/revision";
import { controlledRevisions, revisionData, revisionTemplate, type RevisionOwner } from "../../../controllers/history/controller-history";
import { apiPatch, formatFailure } from "../../manifests/api-server";
import type { DryRun } from "../../manifests/api-server";
import { describePodTemplate } from "../../describe/pod-template";
import type { PrefixWriter } from "../../describe/prefix-writer";
import { CHANGE_CAUSE_ANNOTATION } from "./common";

/** Whether kubectl has a ControllerRevision-based history viewer and rollbacker for the kind. */
export function hasRevisionHistory(obj: KObject): obj is RevisionOwner {
  return obj.kind === "StatefulSet" || obj.kind === "DaemonSet";
}

/** One revision of a rollout history: the pod template it restores and its change cause. */
export interface RolloutRevision {
  template: PodTemplateSpec;
  changeCause: string;
}

/** Writes straight through, as the unaligned `PrefixWriter` of `printTemplate` does. */
export function rawPrefixWriter(): PrefixWriter & { text: string } {
  const w = {
    text: "",
    write(level: number, text: string) {
      w.text += "  ".repeat(level) + text;
    },
    writeLine(...parts: string[]) {
      w.text += parts.join(" ") + "\n";
    },
    flush() {},
    toString() {
      return w.text;
    },
  };
  return w as unknown as PrefixWriter & { text: string };
}

/** `printTemplate`: a pod template as `rollout history --revision` and `undo --dry-run` show it. */
export function printTemplate(template: PodTemplateSpec): string {
  const w = rawPrefixWriter();
  describePodTemplate(template, w);
  return w.text;
}

/** The revisions the workload controls and its selector selects (`controlledHistory`), oldest first. */
function history(cluster: Cluster, owner: RevisionOwner): ControllerRevision[] {
  return controlledRevisions(cluster.store, owner).filter((r) => matchesSelector(r.metadata.labels, owner.spec.selector));
}

/**
 * The rollout history of a StatefulSet or DaemonSet by revision number: each revision's template
 * (`applyStatefulSetHistory` / `applyDaemonSetHistory`) and the change cause recorded on the
 * revision. A later revision with the same number wins, as kubectl's map does.
 */
export function revisionHistory(cluster: Cluster, owner: RevisionOwner): Map<number, RolloutRevision> {
  const out = new Map<number, RolloutRevision>();
  for (const r of history(cluster, owner)) {
    out.set(r.revision, { template: revisionTemplate(r) ?? owner.spec.template, changeCause: r.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? "" });
  }
  return out;
}

/** What `kubectl rollout undo` prints after the object's name, or kubectl's error. */
export type RevisionRollbackResult = { ok: true; message: string } | { ok: false; error: string };

function revisionNotFound(toRevision: number): RevisionRollbackResult {
  return { ok: false, error: `error: unable to find specified revision ${toRevision} in history` };
}

/**
 * Rolls a StatefulSet or DaemonSet back to `toRevision` (0: the revision before the newest,
 * `findHistory`) by patching its template with the revision's data. Returns `rolled back`,
 * `skipped rollback (current template already matches revision N)`, the template it would
 * restore for a client dry run (`will roll back to Pod Template: …`), or kubectl's error. The
 * caller reconciles the cluster afterwards.
 */
export function rollbackToRevision(cluster: Cluster, owner: RevisionOwner, toRevision: number, dryRun: DryRun): RevisionRollbackResult {
  if (toRevision < 0) return revisionNotFound(toRevision);
  const revisions = history(cluster, owner);
  if (toRevision === 0 && revisions.length <= 1) return { ok: false, error: "error: no last revision to roll back to" };
  const target = toRevision === 0 ? revisions[revisions.length - 2] : revisions.find((r) => r.revision === toRevision);
  if (!target) return revisionNotFound(toRevision);
  const template = revisionTemplate(target);
  if (!template) return { ok: false, error: `error: failed restoring revision ${toRevision}: unable to parse history ${target.metadata.name}` };
  if (dryRun === "client") return { ok: true, message: `will roll back to ${printTemplate(template)}` };
  if (canonicalJson(revisionData(owner.spec.template)) === canonicalJson(target.data)) {
    return { ok: true, message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const patch = { spec: { template: { ...(template as unknown as Record<string, unknown>), $patch: "replace" } } };
  const r = apiPatch(cluster, owner.kind, owner.metadata.namespace, owner.metadata.name, "strategic", patch as never, dryRun);
  if (!r.ok) return { ok: false, error: `error: failed restoring revision ${toRevision}: ${formatFailure(r.failure).replace(/^error: /, "")}` };
  return { ok: true, message: "rolled back" };
}
