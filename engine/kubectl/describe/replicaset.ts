/** `kubectl describe replicaset` (describe.go's `describeReplicaSet`, kubectl v1.32). */
import type { Event, ReplicaSet } from "../../model/types";
import { formatLabelSelector } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { controlledBy } from "./pod";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, LEVEL_1, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";
import { podStatusForController } from "./workload-pods";

/** Pod phase counts shown on `Pods Status:`. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** Renders a ReplicaSet with its pods' phase counts and its events, at `now`. */
export function describeReplicaSet(rs: ReplicaSet, pods: PodPhaseCounts, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
    printLabelsMultiline(w, "Labels", rs.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", rs.metadata.annotations);
    const owner = controlledBy(rs);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, "Pods Status:\t");
    w.write(LEVEL_0, `${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(rs.spec.template, w);
    const conditions = (rs.status as { conditions?: { type: string; status: string; reason?: string }[] } | undefined)?.conditions;
    if (conditions && conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
      w.write(LEVEL_1, "----\t------\t------\n");
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry: counts the ReplicaSet's pods and fetches its events, then renders. */
export const replicaSetDescriber: Describer = (obj, source, settings) => {
  const rs = obj as ReplicaSet;
  const pods = podStatusForController(source, rs.metadata.namespace, rs.spec.selector, rs.metadata.uid);
  return describeReplicaSet(rs, pods, settings.showEvents ? searchEvents(source, { kind: rs.kind, ...rs.metadata }) : undefined, source.now);
};
