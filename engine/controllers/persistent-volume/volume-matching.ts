/**
 * Matching claims to volumes, shared by the PV controller and the scheduler's VolumeBinding
 * plugin (`pkg/controller/volume/persistentvolume/util` `FindMatchingVolume`): same class,
 * enough capacity, the requested access modes, the same volume mode, the claim's selector,
 * and (when a node is given) the volume's node affinity; the smallest fitting volume wins.
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../model/types";
import { matchesSelector } from "../../model/labels";
import { bytes } from "../../model/quantity";
import type { ObjectStore } from "../../runtime/store";
import { matchesNodeSelectorTerm } from "../scheduler/node-affinity";

/** The provisioner name of classes that never provision (local volumes created by hand). */
export const NO_PROVISIONER = "kubernetes.io/no-provisioner";
/** The annotation the scheduler puts on a WaitForFirstConsumer claim once its pod has a node. */
export const SELECTED_NODE_ANNOTATION = "volume.kubernetes.io/selected-node";

/** The class a claim asks for (`""` for none). */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.spec.storageClassName ?? "";
}

/** Whether a claim waits for its first consumer (its class exists and says WaitForFirstConsumer). */
export function isDelayBinding(store: ObjectStore, pvc: PersistentVolumeClaim): boolean {
  const name = claimClass(pvc);
  if (!name) return false;
  const sc = store.get<StorageClass>("StorageClass", undefined, name);
  return sc?.volumeBindingMode === "WaitForFirstConsumer";
}

/** Whether a PV's required node affinity admits the node. */
export function volumeFitsNode(pv: PersistentVolume, node: Node): boolean {
  const required = (pv.spec as { nodeAffinity?: { required?: { nodeSelectorTerms?: Parameters<typeof matchesNodeSelectorTerm>[1][] } } }).nodeAffinity?.required;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => matchesNodeSelectorTerm(node, t));
}

/** Whether a PV can satisfy a claim (ignoring whether it is free). */
export function volumeSatisfiesClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  if ((pv.spec.storageClassName ?? "") !== claimClass(pvc)) return false;
  const want = bytes(pvc.spec.resources?.requests?.storage);
  if (bytes(pv.spec.capacity?.storage) < want) return false;
  const modes = pv.spec.accessModes ?? [];
  for (const m of pvc.spec.accessModes ?? []) if (!modes.includes(m)) return false;
  if ((pv.spec.volumeMode ?? "Filesystem") !== (pvc.spec.volumeMode ?? "Filesystem")) return false;
  if (pvc.spec.selector && !matchesSelector(pv.metadata.labels, pvc.spec.selector)) return false;
  return true;
}

/**
 * The best free volume for a claim: one pre-bound to it (claimRef) first, else the smallest
 * Available one that satisfies it (and fits `node` when given).
 */
export function findMatchingVolume(store: ObjectStore, pvc: PersistentVolumeClaim, node?: Node): PersistentVolume | undefined {
  let best: PersistentVolume | undefined;
  for (const pv of store.list<PersistentVolume>("PersistentVolume")) {
    if (pv.metadata.deletionTimestamp) continue;
    const ref = pv.spec.claimRef;
    if (ref) {
      const sameClaim = ref.namespace === pvc.metadata.namespace && ref.name === pvc.metadata.name && (!ref.uid || ref.uid === pvc.metadata.uid);
      if (!sameClaim) continue;
      if (volumeSatisfiesClaim(pv, pvc) && (!node || volumeFitsNode(pv, node))) return pv;
      continue;
    }
    if (pv.status?.phase && pv.status.phase !== "Available" && pv.status.phase !== "Pending") continue;
    if (!volumeSatisfiesClaim(pv, pvc)) continue;
    if (node && !volumeFitsNode(pv, node)) continue;
    if (!best || bytes(pv.spec.capacity?.storage) < bytes(best.spec.capacity?.storage)) best = pv;
  }
  return best;
}
