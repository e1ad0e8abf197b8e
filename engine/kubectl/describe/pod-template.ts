/** The `Pod Template:` block of workload describers (describe.go's `DescribePodTemplate`, kubectl v1.32). */
import type { PodTemplateSpec } from "../../model/types";
import { describeContainers } from "./containers";
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";
import { describeVolumes } from "./volumes";

/** Writes a pod template: labels, annotations, service account, containers, volumes, node selectors, tolerations. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, "  Labels", meta.labels);
  if (meta.annotations && Object.keys(meta.annotations).length > 0) printAnnotationsMultiline(w, "  Annotations", meta.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers("Init Containers", spec.initContainers, undefined, undefined, w, "  ");
  describeContainers("Containers", spec.containers ?? [], undefined, undefined, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  const priorityClassName = spec.priorityClassName as string | undefined;
  if (priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}
