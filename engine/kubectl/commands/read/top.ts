/**
 * `kubectl top pod|node`: resource usage as metrics-server reports it. The simulated cluster
 * runs metrics-server; usage comes from a `MetricsSource` the kubelet side provides (see
 * `setMetricsSource`). Without one, kubectl's answer for a cluster without metrics-server.
 */
import { goSort } from "../../printers/go-sort";
import type { Node, Pod } from "../../../model/types";
import { cpuMillis, bytes } from "../../../model/quantity";
import type { Cluster } from "../../../runtime/cluster";
import { fail, ok, type CommandContext, type CommandResult, type CommandSpec, type ParsedArgs } from "../../command";
import { flagBool, flagString } from "../../args";
import { matchesLabelQuery, parseLabelQuery } from "../../../model/labels";
import { tabwrite } from "../../printers/tabwriter";
import { humanDuration } from "../../printers/human-duration";
import { parseTime } from "../../../runtime/clock";
import { fieldMatcher, parseFieldSelector, selectorListError } from "./field-selector";
import { KINDS } from "../../../model/kinds";

/** One container's usage at a point in time. */
export interface ContainerUsage {
  name: string;
  /** CPU in millicores. */
  cpuMillis: number;
  /** Working-set memory in bytes. */
  memoryBytes: number;
}

/** Where `kubectl top` reads usage: per pod, `undefined` while metrics-server has no sample yet. */
export interface MetricsSource {
  podUsage(cluster: Cluster, pod: Pod): ContainerUsage[] | undefined;
}

let metricsSource: MetricsSource | undefined;

/** Wires the usage model (the kubelet's simulated processes) into `kubectl top`. */
export function setMetricsSource(source: MetricsSource | undefined): void {
  metricsSource = source;
}

const METRICS_UNAVAILABLE = "error: Metrics API not available";

function podRows(ctx: CommandContext, pods: Pod[]): { pod: Pod; usage: ContainerUsage[] }[] {
  const out: { pod: Pod; usage: ContainerUsage[] }[] = [];
  for (const pod of pods) {
    const usage = metricsSource!.podUsage(ctx.cluster, pod);
    if (usage) out.push({ pod, usage });
  }
  return out;
}

function sum(usage: ContainerUsage[]): { cpu: number; mem: number } {
  let cpu = 0;
  let mem = 0;
  for (const u of usage) {
    cpu += u.cpuMillis;
    mem += u.memoryBytes;
  }
  return { cpu, mem };
}

const mi = (b: number) => `${Math.trunc(b / (1024 * 1024))}Mi`;

function runTopPod(ctx: CommandContext, args: ParsedArgs): CommandResult {
  if (!metricsSource) return fail(METRICS_UNAVAILABLE);
  const f = args.flags;
  const all = flagBool(f, "all-namespaces");
  const labels = parseLabelQuery(flagString(f, "selector"));
  if (!labels.ok) return fail(labels.error);
  const podKind = KINDS.find((k) => k.kind === "Pod")!;
  const fields = parseFieldSelector(flagString(f, "field-selector"));
  if (!fields.ok) return fail(selectorListError(podKind, flagString(f, "selector"), flagString(f, "field-selector"), fields.error));
  const fm = fieldMatcher(podKind, fields.requirements);
  if (!fm.ok) return fail(selectorListError(podKind, flagString(f, "selector"), flagString(f, "field-selector"), fm.message));
  const sortBy = flagString(f, "sort-by");
  if (sortBy !== "" && sortBy !== "cpu" && sortBy !== "memory") return fail("error: --sort-by accepts only cpu or memory");
  const name = args.positionals[0];
  let pods: Pod[];
  if (name) {
    const pod = ctx.cluster.store.get<Pod>("Pod", ctx.namespace, name);
    if (!pod) return fail(`Error from server (NotFound): pods "${name}" not found`);
    pods = [pod];
  } else {
    pods = ctx.cluster.store.list<Pod>("Pod", all ? undefined : ctx.namespace).filter((p) => matchesLabelQuery(p.metadata.labels, labels.requirements) && fm.matches(p));
  }
  const rows = podRows(ctx, pods);
  if (name && rows.length === 0) {
    const age = humanDuration(ctx.cluster.now() - parseTime(pods[0].metadata.creationTimestamp));
    return fail(`error: Metrics not available for pod ${pods[0].metadata.namespace}/${name}, age: ${age}`);
  }
  if (rows.length === 0) return { stdout: "", stderr: all ? "No resources found\n" : `No resources found in ${ctx.namespace} namespace.\n`, exitCode: 0 };
  // kubectl's `sort.Sort` (Go's unstable sort): pods with equal usage come out as Go leaves them.
  if (sortBy === "cpu") goSort(rows, (a, b) => sum(a.usage).cpu > sum(b.usage).cpu);
  if (sortBy === "memory") goSort(rows, (a, b) => sum(a.usage).mem > sum(b.usage).mem);
  const containers = flagBool(f, "containers");
  let text = "";
  if (!flagBool(f, "no-headers")) text += (all ? "NAMESPACE\t" : "") + (containers ? "POD\tNAME\t" : "NAME\t") + "CPU(cores)\tMEMORY(bytes)\t\n";
  let total = { cpu: 0, mem: 0 };
  for (const r of rows) {
    const prefix = all ? `${r.pod.metadata.namespace}\t` : "";
    if (containers) {
      for (const c of r.usage) text += `${prefix}${r.pod.metadata.name}\t${c.name}\t${c.cpuMillis}m\t${mi(c.memoryBytes)}\t\n`;
    } else {
      const s = sum(r.usage);
      text += `${prefix}${r.pod.metadata.name}\t${s.cpu}m\t${mi(s.mem)}\t\n`;
    }
    const s = sum(r.usage);
    total = { cpu: total.cpu + s.cpu, mem: total.mem + s.mem };
  }
  if (flagBool(f, "sum")) {
    const lead = (all ? "\t" : "") + (containers ? "\t\t" : "\t");
    text += `${lead}________\t________\t\n${lead}${total.cpu}m\t${mi(total.mem)}\t\n`;
  }
  return ok(tabwrite(text));
}

function runTopNode(ctx: CommandContext, args: ParsedArgs): CommandResult {
  if (!metricsSource) return fail(METRICS_UNAVAILABLE);
  const f = args.flags;
  const labels = parseLabelQuery(flagString(f, "selector"));
  if (!labels.ok) return fail(labels.error);
  const name = args.positionals[0];
  let nodes: Node[];
  if (name) {
    const node = ctx.cluster.store.get<Node>("Node", undefined, name);
    if (!node) return fail(`Error from server (NotFound): nodes "${name}" not found`);
    nodes = [node];
  } else nodes = ctx.cluster.store.list<Node>("Node").filter((n) => matchesLabelQuery(n.metadata.labels, labels.requirements));
  if (nodes.length === 0) return { stdout: "", stderr: "No resources found\n", exitCode: 0 };
  const pods = ctx.cluster.store.list<Pod>("Pod");
  const showCapacity = flagBool(f, "show-capacity");
  const rows = nodes.map((node) => {
    let cpu = 0;
    let mem = 0;
    for (const p of pods) {
      if (p.spec?.nodeName !== node.metadata.name) continue;
      const u = metricsSource!.podUsage(ctx.cluster, p);
      if (!u) continue;
      const s = sum(u);
      cpu += s.cpu;
      mem += s.mem;
    }
    const basis = showCapacity ? node.status?.capacity : node.status?.allocatable;
    const cpuTotal = cpuMillis(basis?.cpu);
    const memTotal = bytes(basis?.memory);
    return { node, cpu, mem, cpuPct: cpuTotal ? Math.trunc((cpu / cpuTotal) * 100) : 0, memPct: memTotal ? Math.trunc((mem / memTotal) * 100) : 0 };
  });
  const sortBy = flagString(f, "sort-by");
  if (sortBy === "cpu") goSort(rows, (a, b) => a.cpu > b.cpu);
  if (sortBy === "memory") goSort(rows, (a, b) => a.mem > b.mem);
  let text = flagBool(f, "no-headers") ? "" : "NAME\tCPU(cores)\tCPU%\tMEMORY(bytes)\tMEMORY%\t\n";
  for (const r of rows) text += `${r.node.metadata.name}\t${r.cpu}m\t${r.cpuPct}%\t${mi(r.mem)}\t${r.memPct}%\t\n`;
  return ok(tabwrite(text));
}

/** `kubectl top pod` and `kubectl top node`. */
export const topCommands: CommandSpec[] = [
  {
    path: ["top", "pod"],
    aliases: ["pods", "po"],
    short: "Display resource (CPU/memory) usage of pods",
    usage: "kubectl top pod [NAME | -l label] [options]",
    flags: [
      { name: "all-namespaces", short: "A", type: "bool", default: false },
      { name: "containers", type: "bool", default: false },
      { name: "field-selector", type: "string", default: "" },
      { name: "no-headers", type: "bool", default: false },
      { name: "selector", short: "l", type: "string", default: "" },
      { name: "sort-by", type: "string", default: "" },
      { name: "sum", type: "bool", default: false },
      { name: "use-protocol-buffers", type: "bool", default: true },
    ],
    run: runTopPod,
  },
  {
    path: ["top", "node"],
    aliases: ["nodes", "no"],
    short: "Display resource (CPU/memory) usage of nodes",
    usage: "kubectl top node [NAME | -l label] [options]",
    flags: [
      { name: "no-headers", type: "bool", default: false },
      { name: "selector", short: "l", type: "string", default: "" },
      { name: "show-capacity", type: "bool", default: false },
      { name: "sort-by", type: "string", default: "" },
      { name: "use-protocol-buffers", type: "bool", default: true },
    ],
    run: runTopNode,
  },
];
