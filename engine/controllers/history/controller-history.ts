/**
 * Controller history (`pkg/controller/history`): the ControllerRevisions a StatefulSet or a
 * DaemonSet keeps of its pod template. Each revision is named `<owner>-<hash>`, labelled with
 * the template's labels and `controller-revision-hash`, owned by its controller, and holds the
 * patch that restores the template (`{"spec":{"template":{..., "$patch":"replace"}}}`). The
 * newest template has the highest `revision`; going back to an older template bumps that
 * revision's number instead of creating a duplicate.
 */
import type { ControllerRevision, KObject, LabelSelector, PodTemplateSpec } from "../../model/types";
import { matchesSelector } from "../../model/labels";
import { controllerRef } from "../../runtime/controller";
import type { ObjectStore } from "../../runtime/store";
import { CONTROLLER_REVISION_HASH_LABEL } from "../statefulset/revision";

/** An owner of ControllerRevisions: a StatefulSet or a DaemonSet. */
export type RevisionOwner = KObject & { spec: { selector: LabelSelector; template: PodTemplateSpec; revisionHistoryLimit?: number } };

/**
 * The `data` of a revision of `template` (`getPatch`): the template as the API serialises it
 * (an unset `metadata.creationTimestamp` reads `null`) with the `$patch: replace` directive.
 */
export function revisionData(template: PodTemplateSpec): NonNullable<ControllerRevision["data"]> {
  const t = structuredClone(template) as unknown as Record<string, unknown>;
  t.metadata = { creationTimestamp: null, ...((t.metadata as Record<string, unknown> | undefined) ?? {}) };
  t.$patch = "replace";
  return { spec: { template: t } };
}

/** The pod template a revision restores (its data without the patch directive), or undefined when it holds none. */
export function revisionTemplate(revision: ControllerRevision): PodTemplateSpec | undefined {
  const raw = revision.data?.spec?.template;
  if (!raw || typeof raw !== "object") return undefined;
  const t = structuredClone(raw) as Record<string, unknown>;
  delete t.$patch;
  const meta = t.metadata as Record<string, unknown> | undefined;
  if (meta) {
    if (meta.creationTimestamp === null) delete meta.creationTimestamp;
    if (Object.keys(meta).length === 0) delete t.metadata;
  }
  return t as unknown as PodTemplateSpec;
}

/** Orders revisions as `SortControllerRevisions`: by revision, then creation time, then name. */
export function compareRevisions(a: ControllerRevision, b: ControllerRevision): number {
  if (a.revision !== b.revision) return a.revision - b.revision;
  const ta = a.metadata.creationTimestamp ?? "";
  const tb = b.metadata.creationTimestamp ?? "";
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/**
 * The revisions `owner` controls, oldest first. With a store that may be written (a controller's
 * pass), orphaned revisions whose labels match the owner's selector are adopted first, as the
 * controllers' `ControllerRefManager` does.
 */
export function controlledRevisions(store: Pick<ObjectStore, "list"> & Partial<Pick<ObjectStore, "touch">>, owner: RevisionOwner): ControllerRevision[] {
  const out: ControllerRevision[] = [];
  const uid = owner.metadata.uid;
  for (const cr of store.list<ControllerRevision>("ControllerRevision", owner.metadata.namespace)) {
    const ref = cr.metadata.ownerReferences?.find((r) => r.controller);
    if (ref) {
      if (ref.uid === uid) out.push(cr);
      continue;
    }
    if (!store.touch || owner.metadata.deletionTimestamp || !matchesSelector(cr.metadata.labels, owner.spec.selector)) continue;
    cr.metadata.ownerReferences = [...(cr.metadata.ownerReferences ?? []), controllerRef(owner, "apps/v1")];
    store.touch(cr);
    out.push(cr);
  }
  return out.sort(compareRevisions);
}

/** The number the next revision gets: one more than the highest (`nextRevision`). */
export function nextRevisionNumber(revisions: readonly ControllerRevision[]): number {
  let max = 0;
  for (const r of revisions) if (r.revision > max) max = r.revision;
  return max + 1;
}

/**
 * Makes sure the revision `<owner>-<hash>` of the owner's current template exists and is the
 * newest: reused when it already is, renumbered to the next revision when it is an older one
 * (a rollback), created otherwise. Returns it and the owner's revisions after the change,
 * oldest first.
 */
export function ensureUpdateRevision(
  store: ObjectStore,
  owner: RevisionOwner,
  hash: string,
  annotations?: Record<string, string>,
): { update: ControllerRevision; revisions: ControllerRevision[] } {
  const revisions = controlledRevisions(store, owner);
  const name = `${owner.metadata.name}-${hash}`;
  const next = nextRevisionNumber(revisions);
  let update: ControllerRevision | undefined;
  for (const r of revisions) if (r.metadata.name === name) update = r;
  if (update) {
    if (update !== revisions[revisions.length - 1] && update.revision < next) {
      update.revision = next;
      store.touch(update);
      revisions.sort(compareRevisions);
    }
    return { update, revisions };
  }
  const existing = store.list<ControllerRevision>("ControllerRevision", owner.metadata.namespace).find((r) => r.metadata.name === name);
  if (existing) return { update: existing, revisions };
  const labels = { ...(owner.spec.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash };
  const metadata: ControllerRevision["metadata"] = { name, namespace: owner.metadata.namespace, labels };
  if (annotations && Object.keys(annotations).length > 0) metadata.annotations = { ...annotations };
  metadata.ownerReferences = [controllerRef(owner, "apps/v1")];
  update = store.create<ControllerRevision>({ apiVersion: "apps/v1", kind: "ControllerRevision", metadata, data: revisionData(owner.spec.template), revision: next });
  revisions.push(update);
  return { update, revisions };
}

/**
 * Deletes the oldest revisions nobody uses (`truncateHistory` / `cleanupHistory`) until at most
 * `spec.revisionHistoryLimit` (10 by default) remain besides the live ones: `live` says whether
 * a revision is the current or update revision or one a pod still runs.
 */
export function truncateHistory(store: ObjectStore, owner: RevisionOwner, revisions: readonly ControllerRevision[], live: (r: ControllerRevision) => boolean): void {
  const limit = owner.spec.revisionHistoryLimit ?? 10;
  const history = revisions.filter((r) => !live(r));
  for (let i = 0; i < history.length - limit; i++) {
    store.remove("ControllerRevision", history[i].metadata.namespace, history[i].metadata.name);
  }
}
