/**
 * `kubectl rollout undo` for Deployments (kubectl's `DeploymentRollbacker`): copies the pod
 * template of an earlier revision's ReplicaSet back into the Deployment, with that
 * ReplicaSet's annotations, and leaves the rest to the controller.
 */
import type { Deployment, ReplicaSet } from "../../model/types";
import type { ObjectStore } from "../../runtime/store";
import { ANNOTATIONS_TO_SKIP, revisionOf } from "./deployment-util";
import { POD_TEMPLATE_HASH_LABEL, templateKeyIgnoringHash } from "./pod-template-hash";

/** What `kubectl rollout undo` prints: a message on success, kubectl's error text otherwise. */
export type RollbackResult = { ok: true; message: string } | { ok: false; error: string };

function ownedReplicaSets(store: ObjectStore, d: Deployment): ReplicaSet[] {
  return store
    .list<ReplicaSet>("ReplicaSet", d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/** The ReplicaSet for `toRevision`, or the previous revision when it is 0/undefined (`deploymentRevision`). */
function replicaSetForRevision(store: ObjectStore, d: Deployment, toRevision: number): ReplicaSet | string {
  let latest: ReplicaSet | undefined;
  let latestRevision = -1;
  let previous: ReplicaSet | undefined;
  let previousRevision = -1;
  for (const rs of ownedReplicaSets(store, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) return `error: unable to find specified revision ${toRevision} in history`;
  if (!previous) return `error: no rollout history found for deployment "${d.metadata.name}"`;
  return previous;
}

/**
 * Rolls a Deployment back to `toRevision` (the previous revision when omitted or 0), writing
 * the Deployment through the store. Returns `deployment.apps/web rolled back`,
 * `deployment.apps/web skipped rollback (current template already matches revision 2)`, or
 * kubectl's error. The caller reconciles the cluster afterwards.
 */
export function rollbackDeployment(store: ObjectStore, deploy: Deployment, toRevision = 0): RollbackResult {
  const ref = `deployment.apps/${deploy.metadata.name}`;
  if (toRevision < 0) return { ok: false, error: `error: unable to find specified revision ${toRevision} in history` };
  const found = replicaSetForRevision(store, deploy, toRevision);
  if (typeof found === "string") return { ok: false, error: found };
  if (deploy.spec.paused) {
    return { ok: false, error: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" };
  }
  if (templateKeyIgnoringHash(found.spec.template) === templateKeyIgnoringHash(deploy.spec.template)) {
    return { ok: true, message: `${ref} skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = structuredClone(found.spec.template);
  if (template.metadata?.labels) {
    delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  }
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) {
    const v = deploy.metadata.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(found.metadata.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  }
  const next: Deployment = {
    ...deploy,
    metadata: { ...deploy.metadata, annotations: Object.keys(annotations).length > 0 ? annotations : undefined },
    spec: { ...deploy.spec, template },
  };
  store.replace(next);
  return { ok: true, message: `${ref} rolled back` };
}
