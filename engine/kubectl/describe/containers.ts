/**
 * The Containers / Init Containers / Ephemeral Containers sections, shared by pods and pod
 * templates (describe.go's `describeContainers` and its helpers).
 */
import type { Container, ContainerPort, ContainerState, ContainerStatus, EnvVar, Pod, Probe, ResourceRequirements } from "../../model/types";
import { canonicalQuantity, parseQuantityExact, rfc1123z, scaledValue } from "./formats";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from "./prefix-writer";

/** Resolves a `fieldRef` env var to its value (pods only; templates pass undefined). */
export type EnvVarResolver = (e: EnvVar) => string;

function portString(ports: ContainerPort[] | undefined, host: boolean): string {
  return (ports ?? [])
    .map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? "TCP"}`)
    .join(", ");
}

function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return Object.keys(m ?? {}).sort();
}

/** `describeResources`: Limits then Requests, resource names sorted, quantities canonical. */
export function describeResources(resources: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  const limits = sortedKeys(resources.limits);
  if (limits.length > 0) w.write(level, "Limits:\n");
  for (const k of limits) w.write(level + 1, `${k}:\t${canonicalQuantity(resources.limits![k])}\n`);
  const requests = sortedKeys(resources.requests);
  if (requests.length > 0) w.write(level, "Requests:\n");
  for (const k of requests) w.write(level + 1, `${k}:\t${canonicalQuantity(resources.requests![k])}\n`);
}

function portText(port: number | string | undefined): string {
  return port === undefined ? "" : String(port);
}

/** `DescribeProbe` (fields the API server defaults are shown with their defaults when unset): `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  // Unset fields show the API server's defaults (timeout 1s, period 10s, 1 success, 3 failures).
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? "HTTP").toLowerCase();
    const port = portText(p.httpGet.port);
    const hostName = p.httpGet.host ?? "";
    const host = port.length > 0 ? (hostName.includes(":") ? `[${hostName}]:${port}` : `${hostName}:${port}`) : hostName;
    let path = p.httpGet.path ?? "";
    if (path !== "" && !path.startsWith("/") && host !== "") path = "/" + path;
    return `http-get ${scheme ? scheme + ":" : ""}${host !== "" || scheme !== "" ? "//" : ""}${host}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${(p.tcpSocket as { host?: string }).host ?? ""}:${portText(p.tcpSocket.port)} ${attrs}`;
  const grpc = (p as { grpc?: { port: number; service?: string } }).grpc;
  if (grpc) return `grpc <pod>:${grpc.port} ${grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

function resourceFieldValue(container: Container, ref: { resource: string; divisor?: string }): string {
  const [kind, name] = ref.resource.split(".");
  const list = kind === "limits" ? container.resources?.limits : kind === "requests" ? container.resources?.requests : undefined;
  if (!list || !name) return "";
  const q = parseQuantityExact(list[name]);
  const divisor = parseQuantityExact(ref.divisor ?? "1") ?? parseQuantityExact("1")!;
  if (name === "cpu") {
    const m = scaledValue(q, 3);
    const d = scaledValue(divisor, 3) || 1;
    return String(Math.ceil(m / d));
  }
  const v = scaledValue(q, 0);
  const d = scaledValue(divisor, 0) || 1;
  return String(Math.ceil(v / d));
}

function describeEnvVars(container: Container, resolve: EnvVarResolver | undefined, w: PrefixWriter): void {
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? "").split("\n").forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    if (from.fieldRef) {
      w.write(LEVEL_3, `${e.name}:\t${resolve ? resolve(e) : ""} (${from.fieldRef.apiVersion ?? ""}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      let v = resourceFieldValue(container, from.resourceFieldRef as { resource: string; divisor?: string });
      const r = from.resourceFieldRef.resource;
      if (v === "0" && (r === "limits.cpu" || r === "limits.memory")) v = "node allocatable";
      w.write(LEVEL_3, `${e.name}:\t${v} (${r})\n`);
    } else if (from.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${from.secretKeyRef.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`);
    }
  }
}

function describeEnvFrom(container: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, "Environment Variables from:\n");
  for (const e of container.envFrom ?? []) {
    let from = "";
    let name = "";
    let optional = false;
    if (e.configMapRef) {
      from = "ConfigMap";
      name = e.configMapRef.name;
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = "Secret";
      name = e.secretRef.name;
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeMounts(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? "ro" : "rw"];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
  const devices = (container as { volumeDevices?: { devicePath: string; name: string }[] }).volumeDevices;
  if (devices && devices.length > 0) {
    w.write(LEVEL_2, "Devices:\n");
    for (const d of [...devices].sort((a, b) => (a.devicePath < b.devicePath ? -1 : 1))) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}

/**
 * `describeContainers`: the label line (`Containers:`), then per container its ids, image,
 * ports, command, state, resources, probes, environment and mounts. `space` is "  " inside a
 * pod template.
 */
export function describeContainers(label: string, containers: Container[], statuses: ContainerStatus[] | undefined, resolve: EnvVarResolver | undefined, w: PrefixWriter, space: string): void {
  const byName = new Map<string, ContainerStatus>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(LEVEL_1, `${space ? " " : ""}${c.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
    w.write(LEVEL_2, `Image:\t${c.image ?? ""}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ""}\n`);
    const ports = portString(c.ports, false);
    w.write(LEVEL_2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    const hostPorts = portString(c.ports, true);
    w.write(LEVEL_2, hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`);
    const seccomp = (c.securityContext as { seccompProfile?: { type: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === "Localhost") w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
    }
    if (c.command && c.command.length > 0) {
      w.write(LEVEL_2, "Command:\n");
      for (const part of c.command) for (const s of part.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if (c.args && c.args.length > 0) {
      w.write(LEVEL_2, "Args:\n");
      for (const part of c.args) for (const s of part.split("\n")) w.write(LEVEL_3, `${s}\n`);
    }
    if (status) {
      describeStatus("State", status.state, w);
      if (status.lastState?.terminated) describeStatus("Last State", status.lastState, w);
      w.write(LEVEL_2, `Ready:\t${status.ready ? "True" : "False"}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(c.resources ?? {}, w, LEVEL_2);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if (c.envFrom && c.envFrom.length > 0) describeEnvFrom(c, w);
    describeEnvVars(c, resolve, w);
    describeMounts(c, w);
  }
}

/**
 * `EnvValueRetriever`: the value of a `fieldRef` as describe resolves it. Only the field labels
 * the Pod conversion accepts and `ExtractFieldPathAsString` reads give a value.
 */
export function podEnvResolver(pod: Pod): EnvVarResolver {
  return (e) => {
    const path = e.valueFrom?.fieldRef?.fieldPath;
    if (path === "metadata.name") return pod.metadata.name;
    if (path === "metadata.namespace") return pod.metadata.namespace ?? "";
    return "";
  };
}
