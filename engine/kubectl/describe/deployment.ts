/** `kubectl describe deployment` (describe.go's `describeDeployment`, kubectl v1.32). */
import type { Deployment, Event, ReplicaSet } from "../../model/types";
import { rfc1123z, selectorString } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, LEVEL_1, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";
import { replicaSetList, replicaSetsOf } from "./workload-pods";

function intOrString(v: number | string | undefined, dflt: string): string {
  return v === undefined || v === null ? dflt : String(v);
}

/** Renders a Deployment with its old and new ReplicaSets and its events, at `now`. */
export function describeDeployment(d: Deployment, oldRSs: ReplicaSet[], newRSs: ReplicaSet[], events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = d.spec;
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ""}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, "Labels", d.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    const type = spec.strategy?.type ?? "RollingUpdate";
    w.write(LEVEL_0, `StrategyType:\t${type}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate ?? (type === "RollingUpdate" ? {} : undefined);
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable, "25%")} max unavailable, ${intOrString(ru.maxSurge, "25%")} max surge\n`);
    describePodTemplate(spec.template, w);
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
      w.write(LEVEL_1, "----\t------\t------\n");
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
    }
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRSs)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry: finds the Deployment's ReplicaSets and events, then renders. */
export const deploymentDescriber: Describer = (obj, source, settings) => {
  const d = obj as Deployment;
  const { newRS, oldRSs } = replicaSetsOf(source, d);
  return describeDeployment(d, oldRSs, newRS ? [newRS] : [], settings.showEvents ? searchEvents(source, { kind: d.kind, ...d.metadata }) : undefined, source.now);
};
