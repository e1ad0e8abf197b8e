/**
 * Deleting a pod the way the API server does: a pod bound to a node gets a deletion
 * timestamp and a grace period, and the kubelet removes it from the store once its
 * containers have stopped; a pod that never reached a node (or already finished) goes at once.
 * `kubectl delete pod`, the garbage collector and the ReplicaSet controller all use this.
 */
import type { Pod } from "../model/types";
import { rfc3339 } from "../runtime/clock";
import type { ObjectStore } from "../runtime/store";

/** What a deletion request did. */
export type PodDeletionResult = "removed" | "terminating" | "already-terminating";

/**
 * Asks the API server to delete `pod`. `gracePeriodSeconds` overrides the pod's
 * `terminationGracePeriodSeconds` (as `kubectl delete --grace-period`); 0 removes it at once
 * (`--force`).
 */
export function requestPodDeletion(store: ObjectStore, pod: Pod, now: number, gracePeriodSeconds?: number): PodDeletionResult {
  const grace = gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const phase = pod.status?.phase;
  if (!pod.spec?.nodeName || phase === "Succeeded" || phase === "Failed" || grace <= 0) {
    store.remove("Pod", pod.metadata.namespace, pod.metadata.name);
    return "removed";
  }
  if (pod.metadata.deletionTimestamp) {
    const current = Number(pod.metadata.deletionGracePeriodSeconds ?? grace);
    if (grace < current) {
      pod.metadata.deletionGracePeriodSeconds = grace;
      pod.metadata.deletionTimestamp = rfc3339(now + grace * 1000);
      store.touch(pod);
    }
    return "already-terminating";
  }
  pod.metadata.deletionTimestamp = rfc3339(now + grace * 1000);
  pod.metadata.deletionGracePeriodSeconds = grace;
  store.touch(pod);
  return "terminating";
}
