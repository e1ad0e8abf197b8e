/** The Volumes section of pods and pod templates (describe.go's `describeVolumes`, kubectl v1.32). */
import type { Volume } from "../../model/types";
import { canonicalQuantity, parseQuantityExact } from "./formats";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from "./prefix-writer";

/** Go's `%v` of a `*bool`: `<nil>` when unset (kubectl 1.32 prints projected sources' Optional this way). */
function boolPointer(v: boolean | undefined): string {
  return v === undefined || v === null ? "<nil>" : String(v);
}

function describeVolumeSource(v: Volume, w: PrefixWriter): void {
  const any = v as Record<string, any>;
  if (v.hostPath) {
    const type = v.hostPath.type === undefined || v.hostPath.type === null ? "<none>" : v.hostPath.type;
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${type}\n`);
  } else if (v.emptyDir) {
    const limit = parseQuantityExact(v.emptyDir.sizeLimit);
    const sizeLimit = limit && limit.mantissa > 0n ? canonicalQuantity(v.emptyDir.sizeLimit) : "<unset>";
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ""}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ""}\n    Optional:\t${v.secret.optional === true}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ""}\n    Optional:\t${v.configMap.optional === true}\n`);
  } else if (any.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${any.nfs.server}\n    Path:\t${any.nfs.path}\n    ReadOnly:\t${any.nfs.readOnly === true}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
  } else if (any.downwardAPI) {
    w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of any.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    for (const source of v.projected.sources ?? []) {
      if (source.secret) w.write(LEVEL_2, `SecretName:\t${source.secret.name}\n    SecretOptionalName:\t${boolPointer(source.secret.optional)}\n`);
      else if (source.downwardAPI) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
      else if (source.configMap) w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name}\n    ConfigMapOptional:\t${boolPointer(source.configMap.optional)}\n`);
      else if (source.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  } else if (any.csi) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${any.csi.driver}\n    FSType:\t${any.csi.fsType ?? ""}\n    ReadOnly:\t${any.csi.readOnly === true}\n`);
    const attrs = any.csi.volumeAttributes as Record<string, string> | undefined;
    w.write(LEVEL_2, "VolumeAttributes:\t");
    const keys = Object.keys(attrs ?? {}).sort();
    if (keys.length === 0) w.writeLine("<none>");
    keys.forEach((k, i) => {
      if (i !== 0) w.write(LEVEL_2, "\t");
      const line = `${k}=${attrs![k]}`;
      w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
    });
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

/** `describeVolumes`: `Volumes:  <none>` or one block per volume; `space` is "  " inside a pod template. */
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? " " : ""}${v.name}:\n`);
    describeVolumeSource(v, w);
  }
}
