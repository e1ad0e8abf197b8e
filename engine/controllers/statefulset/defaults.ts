/**
 * `SetDefaults_StatefulSet` (apps/v1): replicas, pod management policy, update strategy with
 * partition 0, revision history, the PVC retention policy, and the defaults of the pod
 * template and of each volume claim template (which read back with `status.phase: Pending`).
 */
import type { StatefulSet } from "../../model/types";
import { applyPodSpecDefaults } from "../defaults";

/** Applies the API server's StatefulSet defaults in place and returns the object. */
export function applyStatefulSetDefaults(sts: StatefulSet): StatefulSet {
  const spec = sts.spec;
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= "OrderedReady";
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= "RollingUpdate";
  if (spec.updateStrategy.type === "RollingUpdate") {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= "Retain";
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= "Retain";
  if (spec.template?.spec) applyPodSpecDefaults(spec.template.spec);
  for (const claim of spec.volumeClaimTemplates ?? []) {
    claim.apiVersion ??= "v1";
    claim.kind ??= "PersistentVolumeClaim";
    claim.spec ??= {};
    claim.spec.volumeMode ??= "Filesystem";
    claim.status ??= { phase: "Pending" };
  }
  return sts;
}
