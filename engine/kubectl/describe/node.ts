/** `kubectl describe node` (describe.go's `describeNode` and `describeNodeResource`, kubectl v1.32). */
import type { Event, Node, Pod } from "../../model/types";
import { addQuantities, formatQuantity, parseQuantityExact, rfc1123z, scaledValue, timestampSince, type ParsedQuantity } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from "./multiline";
import { podLimits, podRequests } from "./pod-resources";
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from "./prefix-writer";
import { searchEvents, type DescribeSource, type Describer } from "./source";

/** The node's Lease in `kube-node-lease`, as describe shows it. */
export interface NodeLease {
  holderIdentity?: string;
  acquireTime?: string;
  renewTime?: string;
}

const RENEW_INTERVAL_MS = 10_000;

/**
 * The Lease a node's kubelet keeps in `kube-node-lease` (the model has no Lease kind): held by
 * the node, renewed every 10 s while the node is Ready, frozen at the last heartbeat otherwise.
 */
export function nodeLease(node: Node, now: number): NodeLease {
  const ready = node.status?.conditions?.find((c) => c.type === "Ready");
  let renew: string | undefined;
  if (ready?.status === "True") renew = new Date(Math.floor(now / RENEW_INTERVAL_MS) * RENEW_INTERVAL_MS).toISOString().replace(".000Z", ".000000Z");
  else renew = ready?.lastHeartbeatTime;
  return { holderIdentity: node.metadata.name, renewTime: renew };
}

/** Node roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return [...roles].sort();
}

function percent(part: ParsedQuantity | undefined, whole: ParsedQuantity | undefined, scale: number): number {
  const w = scaledValue(whole, scale);
  if (w === 0) return 0;
  return Math.trunc((scaledValue(part, scale) / w) * 100);
}

const STANDARD_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage", "storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage"]);

function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const allocList = node.status?.allocatable && Object.keys(node.status.allocatable).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const cpu = parseQuantityExact(allocList.cpu);
  const mem = parseQuantityExact(allocList.memory);
  const totalReq = new Map<string, ParsedQuantity>();
  const totalLim = new Map<string, ParsedQuantity>();
  for (const pod of pods) {
    const req = podRequests(pod);
    const lim = podLimits(pod);
    for (const [k, v] of req) totalReq.set(k, addQuantities(totalReq.get(k), v)!);
    for (const [k, v] of lim) totalLim.set(k, addQuantities(totalLim.get(k), v)!);
    const cr = req.get("cpu");
    const cl = lim.get("cpu");
    const mr = req.get("memory");
    const ml = lim.get("memory");
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${formatQuantity(cr)} (${percent(cr, cpu, 3)}%)\t${formatQuantity(cl)} (${percent(cl, cpu, 3)}%)\t${formatQuantity(mr)} (${percent(mr, mem, 0)}%)\t${formatQuantity(ml)} (${percent(ml, mem, 0)}%)\t${timestampSince(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const eph = parseQuantityExact(allocList["ephemeral-storage"]);
  const row = (name: string, whole: ParsedQuantity | undefined, scale: number) => {
    const r = totalReq.get(name);
    const l = totalLim.get(name);
    w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${percent(r, whole, scale)}%)\t${formatQuantity(l)} (${percent(l, whole, scale)}%)\n`);
  };
  row("cpu", cpu, 3);
  row("memory", mem, 0);
  row("ephemeral-storage", eph, 0);
  const names = Object.keys(allocList).sort();
  for (const name of names.filter((n) => n.startsWith("hugepages-"))) row(name, parseQuantityExact(allocList[name]), 0);
  for (const name of names.filter((n) => !n.startsWith("hugepages-") && !STANDARD_RESOURCES.has(n) && n !== "pods")) {
    w.write(LEVEL_1, `${name}\t${formatQuantity(totalReq.get(name))}\t${formatQuantity(totalLim.get(name))}\n`);
  }
}

/** Renders a node with its non-terminated pods, lease and events, at `now`. */
export function describeNode(node: Node, pods: Pod[], events: Event[] | undefined, lease: NodeLease | undefined, now: number): string {
  return tabbedString((w) => {
    const status = node.status;
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
    printLabelsMultiline(w, "Labels", node.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", node.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaintsMultiline(w, "Taints", node.spec?.taints);
    w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    if (lease) {
      w.write(LEVEL_0, "Lease:\n");
      w.write(LEVEL_1, `HolderIdentity:\t${lease.holderIdentity ?? "<unset>"}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${lease.acquireTime ? rfc1123z(lease.acquireTime) : "<unset>"}\n`);
      w.write(LEVEL_1, `RenewTime:\t${lease.renewTime ? rfc1123z(lease.renewTime) : "<unset>"}\n`);
    }
    if (status?.conditions && status.conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of status.conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
      }
    }
    w.write(LEVEL_0, "Addresses:\n");
    for (const a of status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printList = (list: Record<string, string>) => {
      for (const k of Object.keys(list).sort()) w.write(LEVEL_0, `  ${k}:\t${formatQuantity(parseQuantityExact(list[k]))}\n`);
    };
    if (status?.capacity && Object.keys(status.capacity).length > 0) {
      w.write(LEVEL_0, "Capacity:\n");
      printList(status.capacity);
    }
    if (status?.allocatable && Object.keys(status.allocatable).length > 0) {
      w.write(LEVEL_0, "Allocatable:\n");
      printList(status.allocatable);
    }
    const info = status?.nodeInfo ?? ({} as Node["status"]["nodeInfo"]);
    w.write(LEVEL_0, "System Info:\n");
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ""}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ""}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ""}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ""}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ""}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ""}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ""}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs && node.spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(",")}\n`);
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
    describeNodeResource(pods, node, w, now);
    if (events) describeEvents(events, w, now);
  });
}

/** Non-terminated pods bound to the node, across namespaces, in API list order. */
export function nodePods(source: DescribeSource, nodeName: string): Pod[] {
  return source.list<Pod>("Pod").filter((p) => p.spec?.nodeName === nodeName && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
}

/** Registry entry: fetches the node's pods, events (by uid, and by name as kubelets report them) and lease. */
export const nodeDescriber: Describer = (obj, source, settings) => {
  const node = obj as Node;
  let events: Event[] | undefined;
  if (settings.showEvents) {
    const ref = { kind: "Node", name: node.metadata.name, namespace: "" };
    events = [...searchEvents(source, { ...ref, uid: node.metadata.uid }), ...searchEvents(source, { ...ref, uid: node.metadata.name })];
  }
  return describeNode(node, nodePods(source, node.metadata.name), events, nodeLease(node, source.now), source.now);
};
