/**
 * The VolumeBinding plugin. PreFilter: every claim the pod mounts must exist and not be
 * lost or deleting, and claims with Immediate binding must already be bound. Filter: bound
 * volumes must fit the node (node affinity); WaitForFirstConsumer claims need a matching
 * free volume on the node or a class that can provision one.
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../../model/types";
import { claimClass, findMatchingVolume, isDelayBinding, NO_PROVISIONER, volumeFitsNode } from "../persistent-volume/volume-matching";
import { type CycleContext, type FilterPlugin, type PreFilterPlugin, reject } from "./framework";

/** The plugin's name. */
export const VOLUME_BINDING = "VolumeBinding";
/** PreFilter rejection: an Immediate claim is not bound yet. */
export const ErrReasonUnboundImmediatePVC = "pod has unbound immediate PersistentVolumeClaims";
/** Filter rejection: a bound volume's node affinity excludes the node. */
export const ErrReasonNodeConflict = "node(s) had volume node affinity conflict";
/** Filter rejection: no volume can be bound or provisioned for a WaitForFirstConsumer claim. */
export const ErrReasonBindConflict = "node(s) didn't find available persistent volumes to bind";

/** The claim names a pod mounts, in volume order. */
export function podClaimNames(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec.volumes ?? []) if (v.persistentVolumeClaim?.claimName) out.push(v.persistentVolumeClaim.claimName);
  return out;
}

function claims(pod: Pod, ctx: CycleContext): PersistentVolumeClaim[] {
  return podClaimNames(pod)
    .map((n) => ctx.store.get<PersistentVolumeClaim>("PersistentVolumeClaim", pod.metadata.namespace, n))
    .filter((c): c is PersistentVolumeClaim => c !== undefined);
}

/** The VolumeBinding PreFilter. */
export const volumeBindingPreFilter = {
  name: VOLUME_BINDING,
  preFilter(pod, ctx) {
    const names = podClaimNames(pod);
    if (names.length === 0) return undefined;
    let unboundImmediate = false;
    for (const name of names) {
      const pvc = ctx.store.get<PersistentVolumeClaim>("PersistentVolumeClaim", pod.metadata.namespace, name);
      if (!pvc) return reject(VOLUME_BINDING, "UnschedulableAndUnresolvable", `persistentvolumeclaim "${name}" not found`);
      if (pvc.status?.phase === "Lost") {
        return reject(VOLUME_BINDING, "UnschedulableAndUnresolvable", `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${pvc.spec.volumeName ?? ""}"`);
      }
      if (pvc.metadata.deletionTimestamp) return reject(VOLUME_BINDING, "UnschedulableAndUnresolvable", `persistentvolumeclaim "${name}" is being deleted`);
      if (!pvc.spec.volumeName && !isDelayBinding(ctx.store, pvc)) unboundImmediate = true;
    }
    return unboundImmediate ? reject(VOLUME_BINDING, "UnschedulableAndUnresolvable", ErrReasonUnboundImmediatePVC) : undefined;
  },
} satisfies PreFilterPlugin;

/** The VolumeBinding Filter. */
export const volumeBindingFilter = {
  name: VOLUME_BINDING,
  filter(pod, nodeInfo, ctx) {
    const reasons = new Set<string>();
    for (const pvc of claims(pod, ctx)) {
      if (pvc.spec.volumeName) {
        const pv = ctx.store.get<PersistentVolume>("PersistentVolume", undefined, pvc.spec.volumeName);
        if (pv && !volumeFitsNode(pv, nodeInfo.node)) reasons.add(ErrReasonNodeConflict);
        continue;
      }
      if (findMatchingVolume(ctx.store, pvc, nodeInfo.node)) continue;
      const sc = ctx.store.get<StorageClass>("StorageClass", undefined, claimClass(pvc));
      if (!sc || sc.provisioner === NO_PROVISIONER) reasons.add(ErrReasonBindConflict);
    }
    return reasons.size ? reject(VOLUME_BINDING, "UnschedulableAndUnresolvable", ...reasons) : undefined;
  },
} satisfies FilterPlugin;
