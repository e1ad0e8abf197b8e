import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../../model/types";
import { translateTimestampSince } from "../human-duration";
import type { TableDefinition } from "./table-definition";

const ACCESS_MODES: [string, string][] = [
  ["ReadWriteOnce", "RWO"],
  ["ReadOnlyMany", "ROX"],
  ["ReadWriteMany", "RWX"],
  ["ReadWriteOncePod", "RWOP"],
];

/** `helper.GetAccessModesAsString`: `RWO,ROX,RWX,RWOP` in that order, for the modes present. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const list = modes ?? [];
  return ACCESS_MODES.filter(([m]) => list.includes(m)).map(([, s]) => s).join(",");
}

const BETA_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

function claimClass(pvc: PersistentVolumeClaim): string {
  const beta = pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  if (beta !== undefined) return beta;
  return pvc.spec?.storageClassName ?? "";
}

function volumeClass(pv: PersistentVolume): string {
  const beta = pv.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  if (beta !== undefined) return beta;
  return pv.spec?.storageClassName ?? "";
}

/** `kubectl get pvc`: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE; wide adds VOLUMEMODE. */
export const persistentVolumeClaimTable: TableDefinition<PersistentVolumeClaim> = {
  columns: [
    { name: "Name", format: "name" },
    { name: "Status" },
    { name: "Volume" },
    { name: "Capacity" },
    { name: "Access Modes" },
    { name: "StorageClass" },
    { name: "VolumeAttributesClass" },
    { name: "Age" },
    { name: "VolumeMode", priority: 1 },
  ],
  row(pvc, now, wide) {
    const phase = pvc.metadata.deletionTimestamp ? "Terminating" : (pvc.status?.phase ?? "");
    let capacity = "";
    let modes = "";
    const volumeName = pvc.spec?.volumeName ?? "";
    if (volumeName !== "") {
      modes = accessModesString(pvc.status?.accessModes);
      capacity = pvc.status?.capacity?.storage ?? "0";
    }
    const vac = (pvc.spec as { volumeAttributesClassName?: string })?.volumeAttributesClassName ?? "<unset>";
    const cells = [pvc.metadata.name, phase, volumeName, capacity, modes, claimClass(pvc), vac, translateTimestampSince(pvc.metadata.creationTimestamp, now)];
    if (wide) cells.push(pvc.spec?.volumeMode ?? "<unset>");
    return cells;
  },
};

/** `kubectl get pv`: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS VOLUMEATTRIBUTESCLASS REASON AGE; wide adds VOLUMEMODE. */
export const persistentVolumeTable: TableDefinition<PersistentVolume> = {
  columns: [
    { name: "Name", format: "name" },
    { name: "Capacity" },
    { name: "Access Modes" },
    { name: "Reclaim Policy" },
    { name: "Status" },
    { name: "Claim" },
    { name: "StorageClass" },
    { name: "VolumeAttributesClass" },
    { name: "Reason" },
    { name: "Age" },
    { name: "VolumeMode", priority: 1 },
  ],
  row(pv, now, wide) {
    const ref = pv.spec?.claimRef;
    const claim = ref ? `${ref.namespace}/${ref.name}` : "";
    const phase = pv.metadata.deletionTimestamp ? "Terminating" : (pv.status?.phase ?? "");
    const vac = (pv.spec?.volumeAttributesClassName as string | undefined) ?? "<unset>";
    const cells = [
      pv.metadata.name,
      pv.spec?.capacity?.storage ?? "0",
      accessModesString(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? "",
      phase,
      claim,
      volumeClass(pv),
      vac,
      String((pv.status as { reason?: string } | undefined)?.reason ?? ""),
      translateTimestampSince(pv.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(pv.spec?.volumeMode ?? "<unset>");
    return cells;
  },
};

/** Whether a StorageClass is marked as the cluster default. */
export function isDefaultStorageClass(sc: StorageClass): boolean {
  const a = sc.metadata.annotations ?? {};
  return a["storageclass.kubernetes.io/is-default-class"] === "true" || a["storageclass.beta.kubernetes.io/is-default-class"] === "true";
}

/** `kubectl get storageclasses`: NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE. */
export const storageClassTable: TableDefinition<StorageClass> = {
  columns: [
    { name: "Name", format: "name" },
    { name: "Provisioner" },
    { name: "ReclaimPolicy" },
    { name: "VolumeBindingMode" },
    { name: "AllowVolumeExpansion" },
    { name: "Age" },
  ],
  row(sc, now) {
    return [
      isDefaultStorageClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner ?? "",
      sc.reclaimPolicy ?? "Delete",
      sc.volumeBindingMode ?? "Immediate",
      String(sc.allowVolumeExpansion ?? false),
      translateTimestampSince(sc.metadata.creationTimestamp, now),
    ];
  },
};
