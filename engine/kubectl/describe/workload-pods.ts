/** Pod counts and ReplicaSet lookups shared by the Deployment and ReplicaSet describers. */
import type { Deployment, KObject, LabelSelector, Pod, ReplicaSet } from "../../model/types";
import { matchesSelector } from "../../model/labels";
import { parseTime } from "../../runtime/clock";
import type { DescribeSource } from "./source";

/** `getPodStatusForController`: phases of the pods the selector matches and the controller owns. */
export function podStatusForController(source: DescribeSource, namespace: string | undefined, selector: LabelSelector | undefined, uid: string | undefined) {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of source.list<Pod>("Pod", namespace)) {
    if (!matchesSelector(pod.metadata.labels, selector ?? {})) continue;
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.uid !== uid) continue;
    switch (pod.status?.phase) {
      case "Running":
        counts.running++;
        break;
      case "Pending":
        counts.waiting++;
        break;
      case "Succeeded":
        counts.succeeded++;
        break;
      case "Failed":
        counts.failed++;
        break;
    }
  }
  return counts;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.keys(v as object).length === 0;
  return false;
}

/** apimachinery's semantic DeepEqual on JSON values: nil and empty maps or slices are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => semanticEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) if (!semanticEqual(ao[k], bo[k])) return false;
  return true;
}

function withoutHash(t: ReplicaSet["spec"]["template"]): unknown {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels["pod-template-hash"];
  return { ...t, metadata: { ...(t?.metadata ?? {}), labels } };
}

/** The new ReplicaSet (oldest whose template equals the Deployment's, ignoring the hash) and all old ones, as describe finds them. */
export function replicaSetsOf(source: DescribeSource, d: Deployment): { newRS?: ReplicaSet; oldRSs: ReplicaSet[] } {
  const owned = source
    .list<ReplicaSet>("ReplicaSet", d.metadata.namespace)
    .filter((rs) => matchesSelector(rs.metadata.labels, d.spec.selector) && rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
  const byAge = [...owned].sort((a, b) => parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp) || (a.metadata.name < b.metadata.name ? -1 : 1));
  const target = withoutHash(d.spec.template);
  const newRS = byAge.find((rs) => semanticEqual(withoutHash(rs.spec.template), target));
  // FindNewReplicaSet sorts the list in place, so the old ones follow in creation order too.
  return { newRS, oldRSs: byAge.filter((rs) => rs !== newRS) };
}

/** `printReplicaSetsByLabels`: `web-7d4b9c (3/3 replicas created)`, comma-joined, `<none>` when empty. */
export function replicaSetList(list: ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`).join(", ");
  return s || "<none>";
}

/** Narrowing helper for describers registered by kind. */
export function as<T extends KObject>(obj: KObject): T {
  return obj as T;
}
