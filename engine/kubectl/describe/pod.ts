/** `kubectl describe pod` (describe.go's `describePod`, kubectl v1.32). */
import type { Event, Pod } from "../../model/types";
import { controllerOf } from "../../runtime/controller";
import { describeContainers, podEnvResolver } from "./containers";
import { rfc1123z, timestampSince } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from "./prefix-writer";
import { podQOS } from "./qos";
import { searchEvents, type Describer } from "./source";
import { describeVolumes } from "./volumes";

/** `Kind/name` of the object's controller, or "". */
export function controlledBy(obj: { metadata: Pod["metadata"] }): string {
  const ref = controllerOf(obj as Pod);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

function describePodIPs(pod: Pod, w: PrefixWriter): void {
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, "IPs:\t<none>\n");
    return;
  }
  w.write(LEVEL_0, "IPs:\n");
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

/** Renders a pod and its events (undefined: `--show-events=false`) as `kubectl describe pod` does at `now`. */
export function describePod(pod: Pod, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = pod.spec ?? { containers: [] };
    const status = pod.status ?? { phase: "Pending" };
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ""}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    const priorityClassName = spec.priorityClassName as string | undefined;
    if (priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${priorityClassName}\n`);
    const runtimeClassName = spec.runtimeClassName as string | undefined;
    if (runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, "Labels", pod.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", pod.metadata.annotations);
    if (pod.metadata.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(pod.metadata.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${(pod.metadata.deletionGracePeriodSeconds as number | undefined) ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = (spec.securityContext as { seccompProfile?: { type: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
    describePodIPs(pod, w);
    const owner = controlledBy(pod);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    const nominated = (status as { nominatedNodeName?: string }).nominatedNodeName;
    if (nominated) w.write(LEVEL_0, `NominatedNodeName:\t${nominated}\n`);
    const resolve = podEnvResolver(pod);
    if (spec.initContainers && spec.initContainers.length > 0) describeContainers("Init Containers", spec.initContainers, status.initContainerStatuses, resolve, w, "");
    describeContainers("Containers", spec.containers ?? [], status.containerStatuses, resolve, w, "");
    if (spec.ephemeralContainers && spec.ephemeralContainers.length > 0) {
      describeContainers("Ephemeral Containers", spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, w, "");
    }
    const gates = spec.readinessGates as { conditionType: string }[] | undefined;
    if (gates && gates.length > 0) {
      w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
      for (const g of gates) {
        const c = status.conditions?.find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : "<none>"} \n`);
      }
    }
    if (status.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, "");
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
    printTolerationsMultiline(w, "Tolerations", spec.tolerations);
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry: fetches the pod's events (by name, namespace and uid, without kind) and renders. */
export const podDescriber: Describer = (obj, source, settings) =>
  describePod(obj as Pod, settings.showEvents ? searchEvents(source, obj.metadata, false) : undefined, source.now);
