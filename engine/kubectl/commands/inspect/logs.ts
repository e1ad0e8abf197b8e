/**
 * `kubectl logs`: resolves the pod (or a workload's first pod), the container, checks the
 * container's state as the kubelet does (the API server answers 400 for a container that is
 * waiting), then prints the lines the runtime kept, filtered by `--since`, `--tail`,
 * `--limit-bytes`, with `--timestamps` and `--prefix`.
 */
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import type { ContainerStatus, Pod } from "../../../model/types";
import { matchesLabelQuery, parseLabelQuery } from "../../../model/labels";
import { parseTime } from "../../../runtime/clock";
import { defaultContainer, findContainer, resolvePodTarget } from "./pod-target";
import { inspectRuntime, type ContainerLogLine } from "./runtime-hooks";

const USAGE = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n";

function statusOf(pod: Pod, name: string): ContainerStatus | undefined {
  const s = pod.status ?? ({} as Pod["status"]);
  return s.containerStatuses?.find((c) => c.name === name) ?? s.initContainerStatuses?.find((c) => c.name === name) ?? s.ephemeralContainerStatuses?.find((c) => c.name === name);
}

/**
 * The kubelet's `validateContainerLogStatus`: which instance's log can be read, or the
 * BadRequest message when none can.
 */
export function logAvailability(pod: Pod, container: string, previous: boolean): { ok: true; previous: boolean } | { ok: false; message: string } {
  const podName = pod.metadata.name;
  const st = statusOf(pod, container);
  if (!st) return { ok: false, message: `container "${container}" in pod "${podName}" is not available` };
  const last = st.lastState?.terminated;
  const { running, terminated, waiting } = st.state ?? {};
  if (previous) {
    if (!last || !(last.containerID ?? st.containerID)) return { ok: false, message: `previous terminated container "${container}" in pod "${podName}" not found` };
    return { ok: true, previous: true };
  }
  if (running) return { ok: true, previous: false };
  if (terminated) {
    if (terminated.containerID || st.containerID) return { ok: true, previous: false };
    if (last) return { ok: true, previous: true };
    return { ok: false, message: `container "${container}" in pod "${podName}" is terminated` };
  }
  if (last) return { ok: true, previous: true };
  if (waiting) {
    if (waiting.reason === "ErrImagePull") return { ok: false, message: `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled` };
    if (waiting.reason === "ImagePullBackOff") return { ok: false, message: `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image` };
    return { ok: false, message: `container "${container}" in pod "${podName}" is waiting to start: ${waiting.reason ?? ""}` };
  }
  return { ok: false, message: `container "${container}" in pod "${podName}" is waiting to start - no logs yet` };
}

/** Go's RFC3339Nano for a ms timestamp (`2026-03-02T09:14:05.123Z`, trailing zeros trimmed). */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d*?)0*Z$/, (_m, d: string) => (d ? `.${d}Z` : "Z"));
}

interface LogOptions {
  previous: boolean;
  tail: number;
  timestamps: boolean;
  sinceMs?: number;
  sinceTime?: number;
  limitBytes: number;
  prefix: boolean;
}

function renderLines(lines: ContainerLogLine[], opts: LogOptions, now: number, prefix: string): string {
  let selected = lines;
  if (opts.sinceMs !== undefined) selected = selected.filter((l) => l.timeMs === undefined || l.timeMs >= now - opts.sinceMs!);
  if (opts.sinceTime !== undefined) selected = selected.filter((l) => l.timeMs === undefined || l.timeMs >= opts.sinceTime!);
  if (opts.tail >= 0) selected = opts.tail === 0 ? [] : selected.slice(-opts.tail);
  let out = "";
  for (const l of selected) out += `${prefix}${opts.timestamps ? rfc3339Nano(l.timeMs ?? now) + " " : ""}${l.text}\n`;
  if (opts.limitBytes > 0 && out.length > opts.limitBytes) out = out.slice(0, opts.limitBytes);
  return out;
}

function containerLog(ctx: CommandContext, pod: Pod, container: string, opts: LogOptions, prefixed: boolean): { out: string; error?: string } {
  const avail = logAvailability(pod, container, opts.previous);
  if (!avail.ok) return { out: "", error: `Error from server (BadRequest): ${avail.message}` };
  if (!pod.spec.nodeName) return { out: "" };
  const lines = inspectRuntime().containerLogs(ctx.cluster, { pod, container, previous: avail.previous });
  const prefix = prefixed ? `[pod/${pod.metadata.name}/${container}] ` : "";
  return { out: renderLines(lines, opts, ctx.cluster.now(), prefix) };
}

/** Runs `kubectl logs`. */
export function runLogs(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const f = args.flags;
  const selector = typeof f.selector === "string" ? f.selector : "";
  let container = typeof f.container === "string" ? f.container : "";
  const pos = args.positionals;
  if (pos.length === 0 && !selector) return { stdout: "", stderr: USAGE, exitCode: 1 };
  if (pos.length > 0 && selector) return { stdout: "", stderr: "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n", exitCode: 1 };
  if (pos.length === 2) {
    if (container) return { stdout: "", stderr: "error: only one of -c or an inline [CONTAINER] arg is allowed\nSee 'kubectl logs -h' for help and examples\n", exitCode: 1 };
    container = pos[1];
  }
  if (pos.length > 2) return { stdout: "", stderr: USAGE, exitCode: 1 };
  const tailGiven = typeof f.tail === "number" ? f.tail : -1;
  const sinceTimeText = typeof f["since-time"] === "string" ? f["since-time"] : "";
  const opts: LogOptions = {
    previous: f.previous === true,
    tail: selector && tailGiven === -1 ? 10 : tailGiven,
    timestamps: f.timestamps === true,
    sinceMs: typeof f.since === "number" && f.since > 0 ? f.since : undefined,
    sinceTime: sinceTimeText ? parseTime(sinceTimeText) : undefined,
    limitBytes: typeof f["limit-bytes"] === "number" ? f["limit-bytes"] : 0,
    prefix: f.prefix === true,
  };
  if (opts.sinceMs !== undefined && sinceTimeText) return { stdout: "", stderr: "error: at most one of `sinceTime` or `sinceSeconds` may be specified\nSee 'kubectl logs -h' for help and examples\n", exitCode: 1 };
  const allContainers = f["all-containers"] === true;
  if (allContainers && container) return { stdout: "", stderr: "error: --all-containers=true should not be specified with container name " + container + "\nSee 'kubectl logs -h' for help and examples\n", exitCode: 1 };
  const store = ctx.cluster.store;
  let pods: Pod[];
  let stderr = "";
  if (selector) {
    const q = parseLabelQuery(selector);
    if (!q.ok) return { stdout: "", stderr: q.error + "\n", exitCode: 1 };
    pods = store.list<Pod>("Pod", ctx.namespace).filter((p) => matchesLabelQuery(p.metadata.labels, q.requirements));
    if (pods.length === 0) return { stdout: "", stderr: `No resources found in ${ctx.namespace} namespace.\n`, exitCode: 0 };
    const max = typeof f["max-log-requests"] === "number" ? f["max-log-requests"] : 5;
    if (pods.length > max && f.follow === true) {
      return { stdout: "", stderr: `error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit\n`, exitCode: 1 };
    }
  } else {
    const target = resolvePodTarget(store, ctx.namespace, pos[0]);
    if (!target.ok) return { stdout: "", stderr: target.error + "\n", exitCode: 1 };
    if (target.podCount > 1) stderr += `Found ${target.podCount} pods, using pod/${target.pod.metadata.name}\n`;
    pods = [target.pod];
  }
  let stdout = "";
  const prefixed = opts.prefix;
  for (const pod of pods) {
    let names: string[];
    if (allContainers) names = [...(pod.spec.initContainers ?? []), ...pod.spec.containers, ...(pod.spec.ephemeralContainers ?? [])].map((c) => c.name);
    else {
      const chosen = defaultContainer(pod, container);
      stderr += chosen.notice;
      if (!findContainer(pod, chosen.name)) return { stdout, stderr: stderr + `error: container ${chosen.name} is not valid for pod ${pod.metadata.name}\n`, exitCode: 1 };
      names = [chosen.name];
    }
    for (const name of names) {
      const r = containerLog(ctx, pod, name, opts, prefixed);
      stdout += r.out;
      if (r.error) {
        if (f["ignore-errors"] === true && pods.length > 1) continue;
        return { stdout, stderr: stderr + r.error + "\n", exitCode: 1 };
      }
    }
  }
  return { stdout, stderr, exitCode: 0 };
}

/** The `logs` command, flags as kubectl v1.32 declares them. */
export const logsCommand: CommandSpec = {
  path: ["logs"],
  short: "Print the logs for a container in a pod",
  usage: "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]",
  flags: [
    { name: "container", short: "c", type: "string", default: "", description: "Print the logs of this container" },
    { name: "previous", short: "p", type: "bool", default: false, description: "If true, print the logs for the previous instance of the container in a pod if it exists." },
    { name: "follow", short: "f", type: "bool", default: false, description: "Specify if the logs should be streamed." },
    { name: "tail", type: "int", default: -1, description: "Lines of recent log file to display." },
    { name: "timestamps", type: "bool", default: false, description: "Include timestamps on each line in the log output" },
    { name: "all-containers", type: "bool", default: false, description: "Get all containers' logs in the pod(s)." },
    { name: "selector", short: "l", type: "string", default: "", description: "Selector (label query) to filter on." },
    { name: "since", type: "duration", default: 0, description: "Only return logs newer than a relative duration like 5s, 2m, or 3h." },
    { name: "since-time", type: "string", default: "", description: "Only return logs after a specific date (RFC3339)." },
    { name: "prefix", type: "bool", default: false, description: "Prefix each log line with the log source (pod name and container name)" },
    { name: "limit-bytes", type: "int", default: 0, description: "Maximum bytes of logs to return." },
    { name: "max-log-requests", type: "int", default: 5, description: "Specify maximum number of concurrent logs to follow when using by a selector." },
    { name: "pod-running-timeout", type: "duration", default: 20000, description: "The length of time to wait until at least one pod is running" },
    { name: "ignore-errors", type: "bool", default: false, description: "If watching / following pod logs, allow for any errors that occur to be non-fatal" },
    { name: "insecure-skip-tls-verify-backend", type: "bool", default: false, description: "Skip verifying the identity of the kubelet that logs are requested from." },
    { name: "all-pods", type: "bool", default: false, description: "Get logs from all pod(s)." },
  ],
  run: runLogs,
};
