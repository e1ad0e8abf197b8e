/** `kubectl describe statefulset` (describe.go's `describeStatefulSet`, kubectl v1.32). */
import type { Event, PersistentVolumeClaim, StatefulSet } from "../../model/types";
import { canonicalQuantity, rfc1123z, selectorString } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { describePodTemplate } from "./pod-template";
import type { PodPhaseCounts } from "./replicaset";
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";
import { podStatusForController } from "./workload-pods";

/** `describeVolumeClaimTemplates`: each template's name, class, labels, annotations, capacity and access modes. */
export function describeVolumeClaimTemplates(templates: StatefulSet["spec"]["volumeClaimTemplates"], w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, "Volume Claims:\t<none>\n");
    return;
  }
  w.write(LEVEL_0, "Volume Claims:\n");
  for (const t of templates) {
    const pvc = t as PersistentVolumeClaim;
    w.write(LEVEL_1, `Name:\t${pvc.metadata.name}\n`);
    const sc = pvc.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? pvc.spec?.storageClassName ?? "";
    w.write(LEVEL_1, `StorageClass:\t${sc}\n`);
    printLabelsMultiline(w, "Labels", pvc.metadata.labels, "  ");
    printLabelsMultiline(w, "Annotations", pvc.metadata.annotations, "  ");
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? canonicalQuantity(storage) : "<default>"}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(" ")}]\n`);
  }
}

/** Renders a StatefulSet with its pods' phase counts and its events, at `now`. */
export function describeStatefulSet(sts: StatefulSet, pods: PodPhaseCounts, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace ?? ""}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(sts.spec.selector)}\n`);
    printLabelsMultiline(w, "Labels", sts.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", sts.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${sts.spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${sts.spec.updateStrategy?.type ?? ""}\n`);
    const ru = sts.spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(sts.spec.template, w);
    describeVolumeClaimTemplates(sts.spec.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry: counts the StatefulSet's pods and fetches its events, then renders. */
export const statefulSetDescriber: Describer = (obj, source, settings) => {
  const sts = obj as StatefulSet;
  const pods = podStatusForController(source, sts.metadata.namespace, sts.spec.selector, sts.metadata.uid);
  return describeStatefulSet(sts, pods, settings.showEvents ? searchEvents(source, { kind: sts.kind, ...sts.metadata }) : undefined, source.now);
};
