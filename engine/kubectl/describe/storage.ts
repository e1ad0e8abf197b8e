/** `kubectl describe` for PersistentVolumeClaims, PersistentVolumes and StorageClasses. */
import type { Event, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../../model/types";
import { canonicalQuantity, formatLabels, timestampSince } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printNamesMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";

const MODE_SHORT: Record<string, string> = { ReadWriteOnce: "RWO", ReadOnlyMany: "ROX", ReadWriteMany: "RWX", ReadWriteOncePod: "RWOP" };

/** `GetAccessModesAsString`: `RWO,ROX` in a fixed order, each mode once. */
export function accessModesString(modes: string[] | undefined): string {
  const set = new Set(modes ?? []);
  return ["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"].filter((m) => set.has(m)).map((m) => MODE_SHORT[m]).join(",");
}

function finalizers(list: string[] | undefined): string {
  return `[${(list ?? []).join(" ")}]`;
}

/** Renders a PVC with the pods using it and its events, at `now`. */
export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, usedBy: string[], events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ""}\n`);
    const sc = pvc.spec.storageClassName ?? pvc.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? "";
    w.write(LEVEL_0, `StorageClass:\t${sc}\n`);
    if (pvc.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(pvc.metadata.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ""}\n`);
    w.write(LEVEL_0, `Volume:\t${pvc.spec.volumeName ?? ""}\n`);
    printLabelsMultiline(w, "Labels", pvc.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", pvc.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${finalizers(pvc.metadata.finalizers)}\n`);
    let capacity = "";
    let modes = "";
    if (pvc.spec.volumeName) {
      modes = accessModesString(pvc.status?.accessModes);
      capacity = canonicalQuantity(pvc.status?.capacity?.storage ?? "0");
    }
    w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
    w.write(LEVEL_0, `Access Modes:\t${modes}\n`);
    if (pvc.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
    printNamesMultiline(w, "Used By", usedBy);
    if (events) describeEvents(events, w, now);
  });
}

/** Renders a PV and its events, at `now`. */
export function describePersistentVolume(pv: PersistentVolume, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
    printLabelsMultiline(w, "Labels", pv.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", pv.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${finalizers(pv.metadata.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${pv.spec.storageClassName ?? ""}\n`);
    if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(pv.metadata.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ""}\n`);
    w.write(LEVEL_0, `Claim:\t${pv.spec.claimRef ? `${pv.spec.claimRef.namespace}/${pv.spec.claimRef.name}` : ""}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(pv.spec.accessModes)}\n`);
    if (pv.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${canonicalQuantity(pv.spec.capacity?.storage ?? "0")}\n`);
    w.write(LEVEL_0, "Node Affinity:\t");
    w.writeLine("<none>");
    w.write(LEVEL_0, `Message:\t${(pv.status as { message?: string } | undefined)?.message ?? ""}\n`);
    w.write(LEVEL_0, "Source:\n");
    if (pv.spec.hostPath) {
      const type = (pv.spec.hostPath as { type?: string }).type;
      w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${pv.spec.hostPath.path}\n    HostPathType:\t${type ?? "<none>"}\n`);
    } else if ((pv.spec as { local?: { path: string } }).local) {
      w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${(pv.spec as { local: { path: string } }).local.path}\n`);
    } else {
      w.write(LEVEL_1, "<unknown>\n");
    }
    if (events) describeEvents(events, w, now);
  });
}

/** Renders a StorageClass and its events, at `now`. */
export function describeStorageClass(sc: StorageClass, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const ann = sc.metadata.annotations ?? {};
    const isDefault = ann["storageclass.kubernetes.io/is-default-class"] === "true" || ann["storageclass.beta.kubernetes.io/is-default-class"] === "true";
    w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? "Yes" : "No"}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters as Record<string, string> | undefined)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? "<unset>" : sc.allowVolumeExpansion ? "True" : "False"}\n`);
    const opts = (sc.mountOptions as string[] | undefined) ?? [];
    if (opts.length === 0) w.write(LEVEL_0, "MountOptions:\t<none>\n");
    else {
      w.write(LEVEL_0, "MountOptions:\n");
      for (const o of opts) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry: the PVC's users are the pods in its namespace that mount it. */
export const persistentVolumeClaimDescriber: Describer = (obj, source, settings) => {
  const pvc = obj as PersistentVolumeClaim;
  const users = source
    .list<Pod>("Pod", pvc.metadata.namespace)
    .filter((p) => (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name);
  return describePersistentVolumeClaim(pvc, users, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);
};

/** Registry entry. */
export const persistentVolumeDescriber: Describer = (obj, source, settings) =>
  describePersistentVolume(obj as PersistentVolume, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);

/** Registry entry. */
export const storageClassDescriber: Describer = (obj, source, settings) =>
  describeStorageClass(obj as StorageClass, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);
