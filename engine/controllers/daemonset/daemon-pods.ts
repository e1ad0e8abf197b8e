/**
 * What a DaemonSet pod looks like (`daemon/util`): the template with the revision labels, a
 * required node affinity on exactly its node (`matchFields metadata.name`), and the default
 * DaemonSet tolerations; and which nodes should run one (`NodeShouldRunDaemonPod`).
 */
import type { DaemonSet, Node, Pod, Toleration } from "../../model/types";
import { controllerRef } from "../../runtime/controller";
import type { Random } from "../../runtime/random";
import { applyPodCreateDefaults } from "../defaults";
import { podMatchesNodeSelectorAndAffinity } from "../scheduler/node-affinity";
import { tolerationsTolerateTaint } from "../scheduler/taint-toleration";
import { CONTROLLER_REVISION_HASH_LABEL } from "../statefulset/revision";

/** The label with the DaemonSet generation a pod was made from (deprecated, still written). */
export const POD_TEMPLATE_GENERATION_LABEL = "pod-template-generation";

/** The tolerations every DaemonSet pod gets (`AddOrUpdateDaemonPodTolerations`). */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const out: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  ];
  if (hostNetwork) out.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  return out;
}

function addTolerations(existing: Toleration[] | undefined, extra: Toleration[]): Toleration[] {
  const out = [...(existing ?? [])];
  for (const t of extra) {
    const i = out.findIndex((x) => x.key === t.key && x.effect === t.effect);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** The pod of `ds` for `nodeName`, before the API server's defaults (also used to decide eligibility). */
export function daemonPodFor(ds: DaemonSet, nodeName: string, revisionHash: string): Pod {
  const t = ds.spec.template;
  const spec = structuredClone(t.spec);
  const affinity = (spec.affinity ??= {});
  const nodeAffinity = (affinity.nodeAffinity ??= {});
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] }] };
  spec.tolerations = addTolerations(spec.tolerations, daemonPodTolerations(spec.hostNetwork === true));
  const labels = { ...(t.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: revisionHash, [POD_TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1) };
  const metadata: Pod["metadata"] = { name: "", generateName: `${ds.metadata.name}-`, namespace: ds.metadata.namespace, labels, ownerReferences: [controllerRef(ds, "apps/v1")] };
  if (t.metadata?.annotations && Object.keys(t.metadata.annotations).length > 0) metadata.annotations = { ...t.metadata.annotations };
  return { apiVersion: "v1", kind: "Pod", metadata, spec, status: { phase: "Pending" } };
}

/** Names and defaults a DaemonSet pod like the API server would (`<ds>-xxxxx`). */
export function createDaemonPod(ds: DaemonSet, nodeName: string, revisionHash: string, rng: Random, taken: (name: string) => boolean): Pod {
  const pod = daemonPodFor(ds, nodeName, revisionHash);
  const prefix = pod.metadata.generateName!.length > 58 ? pod.metadata.generateName!.slice(0, 58) : pod.metadata.generateName!;
  pod.metadata.generateName = prefix;
  do pod.metadata.name = prefix + rng.chars(5);
  while (taken(pod.metadata.name));
  return applyPodCreateDefaults(pod, rng);
}

/**
 * `NodeShouldRunDaemonPod`: whether a new daemon pod should run on `node`, and whether one
 * already there may keep running (a NoSchedule taint stops new pods, a NoExecute one both).
 */
export function nodeShouldRunDaemonPod(ds: DaemonSet, node: Node, probe: Pod): { shouldRun: boolean; shouldContinueRunning: boolean } {
  if (ds.spec.template.spec.nodeName && ds.spec.template.spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  const selectorProbe = { ...probe, spec: { ...probe.spec, affinity: ds.spec.template.spec.affinity } } as Pod;
  if (!podMatchesNodeSelectorAndAffinity(selectorProbe, node)) return { shouldRun: false, shouldContinueRunning: false };
  let shouldRun = true;
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (tolerationsTolerateTaint(probe.spec.tolerations, taint)) continue;
    if (taint.effect === "NoExecute") return { shouldRun: false, shouldContinueRunning: false };
    shouldRun = false;
  }
  return { shouldRun, shouldContinueRunning: true };
}

/** The node a daemon pod is for: its nodeName, or the node in its `matchFields` affinity. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === "metadata.name" && f.operator === "In" && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}
