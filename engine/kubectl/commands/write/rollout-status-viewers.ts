/**
 * `kubectl rollout status` for StatefulSets and DaemonSets (kubectl v1.32's
 * `StatefulSetStatusViewer` and `DaemonSetStatusViewer`): the line for the rollout as it stands.
 */
import type { DaemonSet, StatefulSet } from "../../../model/types";

/** A status viewer's answer: the line, whether the rollout is done, or an error. */
export interface RolloutStatusLine {
  line: string;
  done: boolean;
  error?: string;
}

/** `StatefulSetStatusViewer.Status`. */
export function statefulSetRolloutStatus(sts: StatefulSet): RolloutStatusLine {
  const spec = sts.spec;
  const st = sts.status;
  if ((spec.updateStrategy?.type ?? "RollingUpdate") !== "RollingUpdate") return { line: "", done: true, error: "error: rollout status is only available for RollingUpdate strategy type\n" };
  if (!st?.observedGeneration || (sts.metadata.generation ?? 0) > st.observedGeneration) return { line: "Waiting for statefulset spec update to be observed...\n", done: false };
  const replicas = spec.replicas ?? 1;
  const ready = st.readyReplicas ?? 0;
  if (ready < replicas) return { line: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = st.updatedReplicas ?? 0;
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru) {
    if (ru.partition !== undefined && ru.partition !== null && updated < replicas - ru.partition) {
      return { line: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - ru.partition} new pods have been updated...\n`, done: false };
    }
    return { line: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) return { line: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision}...\n`, done: false };
  return { line: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
}

/** `DaemonSetStatusViewer.Status`. */
export function daemonSetRolloutStatus(ds: DaemonSet): RolloutStatusLine {
  if ((ds.spec.updateStrategy?.type ?? "RollingUpdate") !== "RollingUpdate") return { line: "", done: true, error: "error: rollout status is only available for RollingUpdate strategy type\n" };
  const st = ds.status;
  if ((ds.metadata.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0;
    const updated = st?.updatedNumberScheduled ?? 0;
    if (updated < desired) return { line: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
    const available = st?.numberAvailable ?? 0;
    if (available < desired) return { line: `Waiting for daemon set "${ds.metadata.name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
    return { line: `daemon set "${ds.metadata.name}" successfully rolled out\n`, done: true };
  }
  return { line: "Waiting for daemon set spec update to be observed...\n", done: false };
}
