/**
 * `SetDefaults_DaemonSet` (apps/v1): RollingUpdate with maxUnavailable 1 and maxSurge 0,
 * revision history 10, and the pod template's defaults.
 */
import type { DaemonSet } from "../../model/types";
import { applyPodSpecDefaults } from "../defaults";

/** Applies the API server's DaemonSet defaults in place and returns the object. */
export function applyDaemonSetDefaults(ds: DaemonSet): DaemonSet {
  const spec = ds.spec;
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ??= "RollingUpdate";
  if (spec.updateStrategy.type === "RollingUpdate") {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  if (spec.template?.spec) applyPodSpecDefaults(spec.template.spec);
  return ds;
}
