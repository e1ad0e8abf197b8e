/** `kubectl describe daemonset` (describe.go's `describeDaemonSet`, kubectl v1.32: no Namespace line). */
import type { DaemonSet, Event } from "../../model/types";
import { formatLabels, selectorString } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { describePodTemplate } from "./pod-template";
import type { PodPhaseCounts } from "./replicaset";
import { LEVEL_0, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";
import { podStatusForController } from "./workload-pods";

/** Renders a DaemonSet with its pods' phase counts and its events, at `now`. */
export function describeDaemonSet(ds: DaemonSet, pods: PodPhaseCounts, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const st = ds.status;
    w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(ds.spec.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, "Labels", ds.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", ds.metadata.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(ds.spec.template, w);
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry: counts the DaemonSet's pods and fetches its events, then renders. */
export const daemonSetDescriber: Describer = (obj, source, settings) => {
  const ds = obj as DaemonSet;
  const pods = podStatusForController(source, ds.metadata.namespace, ds.spec.selector, ds.metadata.uid);
  return describeDaemonSet(ds, pods, settings.showEvents ? searchEvents(source, { kind: ds.kind, ...ds.metadata }) : undefined, source.now);
};
