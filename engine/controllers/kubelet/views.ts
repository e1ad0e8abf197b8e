import type { Container, Pod } from "../../model/types";
import type { Cluster } from "../../runtime/cluster";
import { containerFiles, resolveContainerEnv } from "../../world/container-config";
import { connect, httpRequest, resolveHost, type ConnectError, type HttpResponse, type NetworkOrigin } from "../../world/network";
import { cpuAt, memoryAt } from "../../world/process";
import { expandTemplate } from "../../world/templates";
import { fnv1a32 } from "../../runtime/random";
import { networkContext } from "./runtime-view";
import { KUBELET, type ContainerLog, type ContainerRuntime, type PodRuntime } from "./state";
import { imageSpecFor } from "./sync-container";
import type { ImageSpec } from "../../model/world";

/**
 * What kubectl reads from the node rather than the API: container logs, a container's
 * filesystem and processes (for exec and debug), HTTP through the cluster network (for
 * curl/wget in debug shells), and resource usage (for top). All read the kubelet's state at
 * the cluster's current time.
 */

function podRuntimeOf(cluster: Cluster, pod: Pod): PodRuntime | undefined {
  return pod.metadata.uid ? cluster.controllerState<PodRuntime>(KUBELET, `pod/${pod.metadata.uid}`) : undefined;
}

function allContainers(pod: Pod): Container[] {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers, ...((pod.spec.ephemeralContainers ?? []) as Container[])];
}

/** An error the kubelet/API server answers with (kubectl prints `Error from server (BadRequest): <message>`). */
export interface ViewError {
  status: "BadRequest" | "NotFound";
  message: string;
}

/** Options of `containerLogs`. */
export interface LogOptions {
  previous?: boolean;
}

const MAX_REPEATED_LINES = 5000;

/** Renders one container instance's log stream up to `untilMs`. */
export function renderLog(log: ContainerLog, pod: Pod, untilMs: number, readFile?: (p: string) => string | undefined): string[] {
  const plan = log.plan;
  const end = Math.min(untilMs, log.finishedAtMs ?? Infinity);
  const jitter = (fnv1a32(`${pod.metadata.uid}/${log.startedAtMs}`) % 90) / 1000;
  const base = {
    env: plan.env,
    settings: plan.settings,
    profiles: plan.profiles,
    port: plan.ports[0],
    hostname: pod.metadata.name,
    startupSeconds: plan.startupSeconds + jitter,
    processStartMs: log.startedAtMs,
    readFile,
  };
  const out: { at: number; seq: number; text: string }[] = [];
  let seq = 0;
  for (const l of plan.lines) {
    const atMs = log.startedAtMs + Math.round(l.at * 1000);
    if (atMs > end) continue;
    out.push({ at: atMs, seq: seq++, text: expandTemplate(l.text, { ...base, timeMs: atMs, vars: plan.vars }) });
  }
  if (plan.periodic) {
    const from = log.startedAtMs + plan.periodic.from * 1000;
    const every = plan.periodic.every * 1000;
    if (end >= from) {
      const n = Math.floor((end - from) / every) + 1;
      const first = Math.max(0, n - MAX_REPEATED_LINES);
      for (let i = first; i < n; i++) {
        const atMs = from + i * every;
        out.push({ at: atMs, seq: seq++, text: expandTemplate(plan.periodic.text, { ...base, timeMs: atMs, vars: plan.vars }) });
      }
    }
  }
  for (const e of log.extra) {
    if (e.atMs > untilMs) continue;
    out.push({ at: e.atMs, seq: seq++, text: expandTemplate(e.text, { ...base, timeMs: e.atMs, vars: { ...plan.vars, ...log.extraVars } }) });
  }
  out.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const lines: string[] = [];
  for (const o of out) for (const l of o.text.split("\n")) lines.push(l);
  return lines;
}

/** Why a container has no logs yet, in the words of the kubelet. */
function waitingMessage(cr: ContainerRuntime | undefined): string {
  const reason = cr?.waiting?.reason ?? "ContainerCreating";
  if (reason === "ImagePullBackOff") return "trying and failing to pull image";
  if (reason === "ErrImagePull") return "image can't be pulled";
  return reason;
}

/**
 * The log lines of a container (`kubectl logs`), or the error the API answers. With
 * `previous`, the instance before the current one.
 */
export function containerLogs(cluster: Cluster, pod: Pod, containerName: string, opts: LogOptions = {}): { ok: true; lines: string[] } | { ok: false; error: ViewError } {
  const c = allContainers(pod).find((x) => x.name === containerName);
  if (!c) return { ok: false, error: { status: "BadRequest", message: `container ${containerName} is not valid for pod ${pod.metadata.name}` } };
  if (!pod.spec.nodeName) return { ok: false, error: { status: "BadRequest", message: `container "${containerName}" in pod "${pod.metadata.name}" is waiting to start: ContainerCreating` } };
  const pr = podRuntimeOf(cluster, pod);
  const cr = pr?.containers[containerName];
  const now = cluster.now();
  const files = () => {
    const image = cr ? imageOf(cluster, cr) : undefined;
    const fs = containerFiles(cluster.store, pod, c, image, cluster.world.clusterDomain);
    return (p: string) => fs.get(p);
  };
  if (opts.previous) {
    if (!cr?.previousLogs) {
      if (cr?.logs && cr.last && !cr.running && cr.terminated && !cr.previousLogs) {
        // fallthrough: no earlier instance
      }
      return { ok: false, error: { status: "BadRequest", message: `previous terminated container "${containerName}" in pod "${pod.metadata.name}" not found` } };
    }
    return { ok: true, lines: renderLog(cr.previousLogs, pod, now, files()) };
  }
  if (!cr?.logs) {
    if (cr?.terminated?.reason === "StartError") return { ok: true, lines: [] };
    return { ok: false, error: { status: "BadRequest", message: `container "${containerName}" in pod "${pod.metadata.name}" is waiting to start: ${waitingMessage(cr)}` } };
  }
  return { ok: true, lines: renderLog(cr.logs, pod, now, files()) };
}

function imageOf(cluster: Cluster, cr: ContainerRuntime): ImageSpec | undefined {
  return imageSpecFor(cluster.world, cr);
}

/** A process in a container, as `ps` shows it. */
export interface ProcessInfo {
  pid: number;
  user: string;
  command: string;
}

/** A container's filesystem and process table, for exec and debug. */
export interface ContainerFilesystem {
  /** Absolute path → content (image files, mounted ConfigMaps/Secrets, kubelet files). */
  files: Map<string, string>;
  /** Executables: bare names are on PATH, absolute paths are files. */
  binaries: string[];
  /** The environment the main process sees. */
  env: Record<string, string>;
  distroless: boolean;
  user: string;
  workingDir: string;
  processes: ProcessInfo[];
  /** The container is running now (exec needs it). */
  running: boolean;
  /** The container's id (`containerd://…` without the scheme), for exec error messages. */
  containerID?: string;
}

/** The filesystem, environment and processes of a container, or undefined when it never started. */
export function containerFilesystem(cluster: Cluster, pod: Pod, containerName: string): ContainerFilesystem | undefined {
  const c = allContainers(pod).find((x) => x.name === containerName);
  const pr = podRuntimeOf(cluster, pod);
  const cr = pr?.containers[containerName];
  if (!c || !cr) return undefined;
  const image = imageOf(cluster, cr);
  const files = containerFiles(cluster.store, pod, c, image, cluster.world.clusterDomain);
  const plan = cr.running?.plan ?? cr.logs?.plan;
  let env = plan?.env;
  if (!env) {
    const r = resolveContainerEnv(cluster.store, pod, c, image);
    env = r.ok ? Object.fromEntries(r.env.map((e) => [e.name, e.value])) : {};
  }
  const user = image?.user ?? "root";
  const processes: ProcessInfo[] = [];
  if (cr.running) {
    processes.push({ pid: 1, user, command: cr.running.plan.argv.join(" ") });
    if (plan?.appId === "nginx") {
      processes.push({ pid: 29, user: "nginx", command: "nginx: worker process" }, { pid: 30, user: "nginx", command: "nginx: worker process" });
      processes[0].command = "nginx: master process nginx -g daemon off;";
    }
  }
  return {
    files,
    binaries: image?.binaries ?? [],
    env,
    distroless: image?.distroless ?? false,
    user,
    workingDir: c.workingDir ?? image?.workingDir ?? "/",
    processes,
    running: cr.running !== undefined,
    containerID: cr.running?.id,
  };
}

/** Where a request comes from: a pod (by object) or a namespace (a node or the learner's debug pod). */
export type RequestOrigin = { pod: Pod } | { namespace: string };

function origin(from: RequestOrigin): NetworkOrigin {
  return "pod" in from ? { namespace: from.pod.metadata.namespace ?? "default", pod: from.pod } : { namespace: from.namespace };
}

/** An HTTP GET through the cluster network at the current time: the answer, or the connection error. */
export function httpGet(cluster: Cluster, from: RequestOrigin, url: string): { ok: true; response: HttpResponse; ip: string; port: number } | { ok: false; error: ConnectError } {
  const lookup = (uid: string) => cluster.controllerState<PodRuntime>(KUBELET, `pod/${uid}`);
  const net = networkContext(cluster.store, cluster.world, lookup, cluster.now());
  const r = httpRequest(net, origin(from), url);
  if (!r.ok) return r;
  const l = r.conn.target;
  const body = expandTemplate(r.response.body, { timeMs: cluster.now(), env: l.env, settings: l.settings, vars: { path: new URL(url.replace(/^[a-z]+:\/\//i, "http://")).pathname }, readFile: l.pod ? fileReader(cluster, l.pod, l.container) : undefined });
  return { ok: true, response: { ...r.response, body }, ip: r.conn.ip, port: r.conn.port };
}

function fileReader(cluster: Cluster, pod: Pod, container: string): (p: string) => string | undefined {
  return (p) => containerFilesystem(cluster, pod, container)?.files.get(p);
}

/** A TCP connection attempt (for `nc -z`, `telnet`). */
export function tcpConnect(cluster: Cluster, from: RequestOrigin, host: string, port: number): { ok: true; ip: string } | { ok: false; error: ConnectError } {
  const lookup = (uid: string) => cluster.controllerState<PodRuntime>(KUBELET, `pod/${uid}`);
  const net = networkContext(cluster.store, cluster.world, lookup, cluster.now());
  const r = connect(net, origin(from), host, port);
  return r.ok ? { ok: true, ip: r.conn.ip } : r;
}

/** A DNS lookup as `nslookup` in a pod does it: the name that answered and its address, or undefined (NXDOMAIN). */
export function dnsLookup(cluster: Cluster, from: RequestOrigin, host: string): { name: string; address: string } | undefined {
  const lookup = (uid: string) => cluster.controllerState<PodRuntime>(KUBELET, `pod/${uid}`);
  const net = networkContext(cluster.store, cluster.world, lookup, cluster.now());
  const r = resolveHost(net, origin(from), host);
  const domain = cluster.world.clusterDomain;
  switch (r.kind) {
    case "service":
      return { name: `${r.service.metadata.name}.${r.service.metadata.namespace}.svc.${domain}`, address: r.ip };
    case "pod":
      return { name: host.includes(".") ? host : `${r.ip.replace(/\./g, "-")}.${r.pod.metadata.namespace}.pod.${domain}`, address: r.ip };
    case "external":
      return { name: host, address: r.ip };
    default:
      return undefined;
  }
}

/** CPU and memory of one container now. */
export interface ContainerUsage {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

/** Resource usage of a pod's running containers (`kubectl top`), or undefined when none runs. */
export function resourceUsage(cluster: Cluster, pod: Pod): { containers: ContainerUsage[]; sinceMs: number } | undefined {
  const pr = podRuntimeOf(cluster, pod);
  if (!pr) return undefined;
  const now = cluster.now();
  const containers: ContainerUsage[] = [];
  let since = Infinity;
  for (const c of pod.spec.containers) {
    const r = pr.containers[c.name]?.running;
    if (!r) continue;
    const t = (now - r.startedAtMs) / 1000;
    since = Math.min(since, r.startedAtMs);
    // Small deterministic variation so numbers look measured.
    const wobble = 1 + ((fnv1a32(`${r.id}/${Math.floor(now / 15000)}`) % 11) - 5) / 100;
    containers.push({ name: c.name, cpuMillis: Math.max(0, Math.round(cpuAt(r.plan, t) * wobble)), memoryBytes: Math.round(memoryAt(r.plan, t) * wobble) });
  }
  return containers.length ? { containers, sinceMs: since } : undefined;
}
