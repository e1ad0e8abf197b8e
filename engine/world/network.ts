import type { Endpoints, Pod, Service } from "../model/types";
import type { AppListener, World } from "../model/world";
import type { ObjectStore } from "../runtime/store";

/**
 * The in-cluster network: cluster DNS (Service names, pod A records), kube-proxy's Service
 * routing to ready endpoints, and connections to whatever a pod's processes listen on. Pure
 * over the store and a lookup of live listeners that the kubelet provides.
 */

/** A listener that is open right now on a pod's IP. */
export interface LiveListener {
  /** The serving pod; absent for hosts outside the cluster. */
  pod?: Pod;
  container: string;
  listener: AppListener;
  /** A `running` requirement of the app fails: routes answer their `whenUnready` response. */
  unready: boolean;
  /** Reads a file of the serving container (for `{file:…}` bodies). */
  readFile?: (path: string) => string | undefined;
  env?: Record<string, string>;
  settings?: Record<string, string>;
}

/** What the network needs to route a connection. */
export interface NetworkContext {
  store: ObjectStore;
  world: World;
  /** The listener open on `pod` at `port` now, if any. */
  listenerAt(pod: Pod, port: number): LiveListener | undefined;
}

/** Where a connection comes from: a pod (its namespace's DNS search path, its own localhost) or a node. */
export interface NetworkOrigin {
  namespace: string;
  pod?: Pod;
}

/** Why a connection failed. */
export type ConnectError =
  | { kind: "dns"; host: string }
  | { kind: "refused"; host: string; ip: string; port: number }
  | { kind: "timeout"; host: string; ip: string; port: number }
  | { kind: "reset"; host: string; ip: string; port: number };

/** A connection that reached a listener. */
export interface Connection {
  ip: string;
  port: number;
  target: LiveListener;
}

/** The cluster DNS server pods use. */
export const CLUSTER_DNS_IP = "10.96.0.10";

/** What a host name resolves to. */
export type Resolution =
  | { kind: "service"; service: Service; ip: string }
  | { kind: "pod"; pod: Pod; ip: string }
  | { kind: "external"; ip: string; host: string }
  | { kind: "none" };

function podByIP(store: ObjectStore, ip: string): Pod | undefined {
  for (const p of store.list<Pod>("Pod")) if (p.status?.podIP === ip && !isFinished(p)) return p;
  return undefined;
}

/** The ready pod with this hostname and subdomain in `namespace`, if a headless Service of that name exists. */
function podByHostname(store: ObjectStore, namespace: string, hostname: string, subdomain: string): Pod | undefined {
  const svc = store.get<Service>("Service", namespace, subdomain);
  if (!svc || svc.spec.clusterIP !== "None") return undefined;
  for (const p of store.list<Pod>("Pod", namespace)) {
    if (p.spec.hostname !== hostname || p.spec.subdomain !== subdomain || isFinished(p) || !p.status?.podIP) continue;
    if (p.status.conditions?.some((c) => c.type === "Ready" && c.status === "True")) return p;
  }
  return undefined;
}

function isFinished(p: Pod): boolean {
  return p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
}

function serviceByIP(store: ObjectStore, ip: string): Service | undefined {
  for (const s of store.list<Service>("Service")) if (s.spec.clusterIP === ip) return s;
  return undefined;
}

/** A stable documentation-range address for an external host. */
function externalIP(host: string): string {
  let h = 0;
  for (let i = 0; i < host.length; i++) h = (h * 31 + host.charCodeAt(i)) >>> 0;
  return `203.0.113.${(h % 250) + 2}`;
}

/** A dotted IPv4 address. */
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/** Resolves a host name or IP as a pod's resolver would (search path `<ns>.svc.<domain> svc.<domain> <domain>`). */
export function resolveHost(net: NetworkContext, from: NetworkOrigin, rawHost: string): Resolution {
  const { store, world } = net;
  const host = rawHost.replace(/\.$/, "").toLowerCase();
  const domain = world.clusterDomain;
  if (IPV4.test(host)) {
    if (host.startsWith("127.") && from.pod) return { kind: "pod", pod: from.pod, ip: host };
    const svc = serviceByIP(store, host);
    if (svc) return { kind: "service", service: svc, ip: host };
    const pod = podByIP(store, host);
    if (pod) return { kind: "pod", pod, ip: host };
    return { kind: "none" };
  }
  if (host === "localhost") return from.pod ? { kind: "pod", pod: from.pod, ip: "127.0.0.1" } : { kind: "none" };
  if (from.pod && host === from.pod.metadata.name.toLowerCase()) return { kind: "pod", pod: from.pod, ip: from.pod.status?.podIP ?? "127.0.0.1" };
  const candidates: string[] = [];
  const labels = host.split(".");
  if (host.endsWith(`.${domain}`)) candidates.push(host);
  else {
    if (labels.length < 5) candidates.push(`${host}.${from.namespace}.svc.${domain}`, `${host}.svc.${domain}`, `${host}.${domain}`);
    candidates.push(host);
  }
  for (const fqdn of candidates) {
    if (!fqdn.endsWith(`.${domain}`)) continue;
    const parts = fqdn.slice(0, -domain.length - 1).split(".");
    if (parts.length === 3 && parts[2] === "svc") {
      const svc = store.get<Service>("Service", parts[1], parts[0]);
      if (!svc) continue;
      if (svc.spec.type === "ExternalName") {
        const ext = (svc.spec as { externalName?: string }).externalName;
        if (ext) return resolveHost(net, from, ext);
        continue;
      }
      if (svc.spec.clusterIP === "None") {
        const backend = serviceBackends(net, svc, undefined)[0];
        if (backend) return { kind: "pod", pod: backend.pod, ip: backend.pod.status?.podIP ?? "" };
        continue;
      }
      if (svc.spec.clusterIP) return { kind: "service", service: svc, ip: svc.spec.clusterIP };
    }
    if (parts.length === 4 && parts[3] === "svc") {
      // A StatefulSet pod's own record: `<hostname>.<subdomain>.<ns>.svc.<domain>`, published
      // for ready pods whose subdomain names a headless Service in their namespace.
      const pod = podByHostname(store, parts[2], parts[0], parts[1]);
      if (pod) return { kind: "pod", pod, ip: pod.status.podIP! };
      continue;
    }
    if (parts.length === 3 && parts[2] === "pod") {
      const ip = parts[0].replace(/-/g, ".");
      const pod = podByIP(store, ip);
      if (pod && pod.metadata.namespace === parts[1]) return { kind: "pod", pod, ip };
    }
  }
  const ext = world.externalHosts?.[host];
  if (ext) return { kind: "external", ip: externalIP(host), host };
  return { kind: "none" };
}

/** A ready backend of a Service and the port its traffic goes to. */
export interface ServiceBackend {
  pod: Pod;
  port: number;
}

/** Ready backends of a Service for one of its ports (by the Endpoints object, or the selector when none exists yet). */
export function serviceBackends(net: NetworkContext, svc: Service, servicePort: number | undefined): ServiceBackend[] {
  const { store } = net;
  const ns = svc.metadata.namespace ?? "default";
  const sp = servicePort === undefined ? svc.spec.ports?.[0] : svc.spec.ports?.find((p) => p.port === servicePort);
  if (servicePort !== undefined && !sp) return [];
  const ep = store.get<Endpoints>("Endpoints", ns, svc.metadata.name);
  const out: ServiceBackend[] = [];
  if (ep) {
    for (const subset of ep.subsets ?? []) {
      const port = subset.ports?.find((p) => (p.name ?? "") === (sp?.name ?? "")) ?? (subset.ports?.length === 1 ? subset.ports[0] : undefined);
      for (const a of subset.addresses ?? []) {
        const pod = a.targetRef ? store.get<Pod>("Pod", a.targetRef.namespace, a.targetRef.name) : podByIP(store, a.ip);
        if (pod && port) out.push({ pod, port: port.port });
      }
    }
    return out;
  }
  const selector = svc.spec.selector;
  if (!selector || Object.keys(selector).length === 0) return out;
  for (const pod of store.list<Pod>("Pod", ns)) {
    const labels = pod.metadata.labels ?? {};
    if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) continue;
    if (pod.metadata.deletionTimestamp || !pod.status?.podIP) continue;
    if (!pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True")) continue;
    const port = targetPortOf(pod, sp?.targetPort ?? sp?.port);
    if (port !== undefined) out.push({ pod, port });
  }
  return out;
}

/** Resolves a Service targetPort (number or container port name) on a pod. */
export function targetPortOf(pod: Pod, target: number | string | undefined): number | undefined {
  if (target === undefined) return undefined;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

/** Opens a TCP connection to `host:port` from `from`. */
export function connect(net: NetworkContext, from: NetworkOrigin, host: string, port: number): { ok: true; conn: Connection } | { ok: false; error: ConnectError } {
  const r = resolveHost(net, from, host);
  switch (r.kind) {
    case "none":
      // An address no pod or Service has: nothing answers the SYN (a name that resolves to nothing is a DNS failure).
      if (IPV4.test(host)) return { ok: false, error: { kind: "timeout", host, ip: host, port } };
      return { ok: false, error: { kind: "dns", host } };
    case "external": {
      const ext = net.world.externalHosts?.[r.host];
      if (!ext?.reachable) return { ok: false, error: { kind: "timeout", host, ip: r.ip, port } };
      const listener: AppListener = { port, protocol: "http", notFound: { status: ext.status ?? 200, body: ext.body ?? "" } };
      return { ok: true, conn: { ip: r.ip, port, target: { container: "", listener, unready: false } } };
    }
    case "pod":
      return connectPod(net, r.pod, r.ip, host, port);
    case "service": {
      const sp = r.service.spec.ports?.find((p) => p.port === port);
      if (!sp) return { ok: false, error: { kind: "timeout", host, ip: r.ip, port } };
      const backends = serviceBackends(net, r.service, port);
      if (backends.length === 0) return { ok: false, error: { kind: "refused", host, ip: r.ip, port } };
      const b = backends[0];
      const c = connectPod(net, b.pod, b.pod.status?.podIP ?? "", host, b.port);
      if (!c.ok && c.error.kind !== "dns") return { ok: false, error: { ...c.error, ip: r.ip, port } };
      return c;
    }
  }
}

function connectPod(net: NetworkContext, pod: Pod, ip: string, host: string, port: number): { ok: true; conn: Connection } | { ok: false; error: ConnectError } {
  if (!pod.status?.podIP && !ip.startsWith("127.")) return { ok: false, error: { kind: "timeout", host, ip, port } };
  const l = net.listenerAt(pod, port);
  if (!l) return { ok: false, error: { kind: "refused", host, ip, port } };
  return { ok: true, conn: { ip, port, target: l } };
}

/** An HTTP answer. */
export interface HttpResponse {
  status: number;
  body: string;
  contentType?: string;
}

/** Splits an URL into scheme, host, port and path (default ports by scheme). */
export function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)(?::(\d+))?([^?#]*)?/i.exec(url.trim());
  if (!m) return undefined;
  const scheme = m[1].toLowerCase();
  const defaults: Record<string, number> = { http: 80, https: 443, redis: 6379, postgres: 5432, postgresql: 5432, mysql: 3306, amqp: 5672, mongodb: 27017, tcp: 0 };
  const port = m[3] ? Number(m[3]) : defaults[scheme] ?? 0;
  return { scheme, host: m[2], port, path: m[4] || "/" };
}

/** Sends an HTTP GET and returns the listener's answer, or the connection error. */
export function httpRequest(net: NetworkContext, from: NetworkOrigin, url: string): { ok: true; response: HttpResponse; conn: Connection } | { ok: false; error: ConnectError } {
  const u = parseUrl(url);
  if (!u) return { ok: false, error: { kind: "dns", host: url } };
  const c = connect(net, from, u.host, u.port);
  if (!c.ok) return c;
  const l = c.conn.target.listener;
  if (l.protocol === "tcp") return { ok: false, error: { kind: "reset", host: u.host, ip: c.conn.ip, port: u.port } };
  const route = l.routes?.[u.path] ?? l.routes?.[u.path.replace(/\/$/, "")];
  if (route) {
    const r = c.conn.target.unready && route.whenUnready ? { ...route, ...route.whenUnready } : route;
    return { ok: true, conn: c.conn, response: { status: r.status, body: r.body ?? "", contentType: route.contentType } };
  }
  const nf = l.notFound ?? { status: 404, body: "" };
  return { ok: true, conn: c.conn, response: { status: nf.status, body: nf.body ?? "" } };
}

/** Checks that a URL answers: HTTP needs any response, other schemes a listening port. */
export function reachable(net: NetworkContext, from: NetworkOrigin, url: string): { ok: true } | { ok: false; error: ConnectError } {
  const u = parseUrl(url);
  if (!u) return { ok: false, error: { kind: "dns", host: url } };
  if (u.scheme === "http" || u.scheme === "https") {
    const r = httpRequest(net, from, url);
    return r.ok ? { ok: true } : r;
  }
  const c = connect(net, from, u.host, u.port);
  return c.ok ? { ok: true } : c;
}

/** How a language runtime words a connection error: the exception line and its message. */
export function describeConnectError(runtime: string | undefined, e: ConnectError): { error: string; message: string } {
  const target = e.kind === "dns" ? e.host : `${e.ip}:${e.port}`;
  switch (runtime) {
    case "java":
      if (e.kind === "dns") return { error: `java.net.UnknownHostException: ${e.host}`, message: e.host };
      if (e.kind === "refused") return { error: "java.net.ConnectException: Connection refused", message: "Connection refused" };
      if (e.kind === "timeout") return { error: "java.net.SocketTimeoutException: Connect timed out", message: "Connect timed out" };
      return { error: "java.net.SocketException: Connection reset", message: "Connection reset" };
    case "node":
      if (e.kind === "dns") return { error: `Error: getaddrinfo ENOTFOUND ${e.host}`, message: `getaddrinfo ENOTFOUND ${e.host}` };
      if (e.kind === "refused") return { error: `Error: connect ECONNREFUSED ${target}`, message: `connect ECONNREFUSED ${target}` };
      if (e.kind === "timeout") return { error: `Error: connect ETIMEDOUT ${target}`, message: `connect ETIMEDOUT ${target}` };
      return { error: "Error: read ECONNRESET", message: "read ECONNRESET" };
    case "python": {
      const hp = e.kind === "dns" ? e.host : `${e.host}:${e.port}`;
      if (e.kind === "dns") return { error: "socket.gaierror: [Errno -2] Name or service not known", message: `Error -2 connecting to ${hp}. Name or service not known.` };
      if (e.kind === "refused") return { error: "ConnectionRefusedError: [Errno 111] Connection refused", message: `Error 111 connecting to ${hp}. Connection refused.` };
      if (e.kind === "timeout") return { error: "TimeoutError: timed out", message: `Timeout connecting to ${hp}.` };
      return { error: "ConnectionResetError: [Errno 104] Connection reset by peer", message: `Error 104 while writing to socket. Connection reset by peer.` };
    }
    default:
      return { error: goDialError(e), message: goDialError(e) };
  }
}

/** Go's `net.Dial` error text, as the kubelet's probes and Go programs print it. */
export function goDialError(e: ConnectError): string {
  switch (e.kind) {
    case "dns":
      return `dial tcp: lookup ${e.host} on ${CLUSTER_DNS_IP}:53: no such host`;
    case "refused":
      return `dial tcp ${e.ip}:${e.port}: connect: connection refused`;
    case "timeout":
      return `dial tcp ${e.ip}:${e.port}: i/o timeout`;
    case "reset":
      return `read tcp ${e.ip}:${e.port}: read: connection reset by peer`;
  }
}
