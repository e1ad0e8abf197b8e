/**
 * Network clients a container runs (busybox `nslookup`, `wget`, `nc`, and `curl`), answering
 * from the cluster network model: cluster DNS, kube-proxy routing to ready endpoints, and the
 * applications listening in the target pods. The same code answers a command typed in a
 * shell (`kubectl exec`, `debug`, `run -it`) and a container's main process (`kubectl run x
 * --image=busybox -- wget -qO- web`, then `kubectl logs x`).
 */
import type { Pod } from "../model/types";
import type { ImageSpec } from "../model/world";
import { containerFiles } from "./container-config";
import { CLUSTER_DNS_IP, connect, httpRequest, parseUrl, resolveHost, type Connection, type ConnectError, type NetworkContext } from "./network";
import { expandTemplate } from "./templates";

/** What a client printed and how it exited. */
export interface ClientResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Where a client runs: the cluster network as of `now`, from `pod`. */
export interface ClientContext {
  network: NetworkContext;
  pod: Pod;
  /** Virtual now, ms since the epoch. */
  now: number;
  /** The image spec of an image reference, to read files a serving container's templates name. */
  imageSpec(image: string): ImageSpec | undefined;
}

/** The network clients by program name. */
export const NET_CLIENTS: Readonly<Record<string, (ctx: ClientContext, args: string[]) => ClientResult>> = {
  nslookup: (ctx, args) => nslookup(ctx, args),
  wget: (ctx, args) => wget(ctx, args),
  curl: (ctx, args) => curl(ctx, args),
  nc: (ctx, args) => nc(ctx, args),
};

const STATUS_TEXT: Record<number, string> = {
  200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently", 302: "Found", 304: "Not Modified",
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
  409: "Conflict", 429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};

function statusLine(status: number): string {
  return `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ""}`.trimEnd();
}

function origin(client: ClientContext) {
  return { namespace: client.pod.metadata.namespace ?? "default", pod: client.pod };
}

/** The body an application answered, its templates (`{file:…}`, `{hostname}`, `{path}`) expanded in the serving container. */
function answerBody(client: ClientContext, conn: Connection, body: string, path: string): string {
  if (!body.includes("{")) return body;
  const target = conn.target;
  let readFile = target.readFile;
  if (!readFile && target.pod) {
    const c = target.pod.spec.containers.find((x) => x.name === target.container);
    const files = c ? containerFiles(client.network.store, target.pod, c, client.imageSpec(c.image), client.network.world.clusterDomain) : new Map<string, string>();
    readFile = (p) => files.get(p);
  }
  return expandTemplate(body, { timeMs: client.now, env: target.env, settings: target.settings, hostname: target.pod?.metadata.name, port: conn.port, vars: { path }, readFile });
}

/** The address a client connects to: the Service's cluster IP when the name is a Service (kube-proxy rewrites it after). */
function dialedIP(client: ClientContext, host: string, conn: Connection): string {
  const r = resolveHost(client.network, origin(client), host);
  return r.kind === "none" ? conn.ip : r.ip;
}

/** busybox `nslookup NAME`: the cluster DNS server, then the answer or NXDOMAIN for each search name. */
export function nslookup(client: ClientContext, args: string[]): ClientResult {
  const name = args.find((a) => !a.startsWith("-"));
  if (!name) return { stdout: "", stderr: "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n", code: 1 };
  const header = `Server:\t\t${CLUSTER_DNS_IP}\nAddress:\t${CLUSTER_DNS_IP}:53\n\n`;
  const r = resolveHost(client.network, origin(client), name);
  const domain = client.network.world.clusterDomain;
  const ns = client.pod.metadata.namespace ?? "default";
  if (r.kind === "none") {
    const tries = name.includes(".") && name.split(".").length >= 5 ? [name] : [`${name}.${ns}.svc.${domain}`, `${name}.svc.${domain}`, `${name}.${domain}`, name];
    return { stdout: header + tries.map((t) => `** server can't find ${t}: NXDOMAIN\n\n`).join(""), stderr: "", code: 1 };
  }
  let fqdn = name;
  if (r.kind === "service") fqdn = `${r.service.metadata.name}.${r.service.metadata.namespace}.svc.${domain}`;
  return { stdout: `${header}Name:\t${fqdn}\nAddress: ${r.ip}\n\n`, stderr: "", code: 0 };
}

function hostPort(host: string, port: number, scheme: string): string {
  const dflt = scheme === "https" ? 443 : 80;
  return port === dflt ? host : `${host}:${port}`;
}

/** busybox `wget [-q] [-O FILE] [-S] [--spider] [-T SEC] URL`. */
export function wget(client: ClientContext, args: string[]): ClientResult {
  let quiet = false;
  let timeoutGiven = false;
  let output: string | undefined;
  let spider = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-q" || a === "--quiet") quiet = true;
    else if (a === "--spider") spider = true;
    else if (a === "-O" || a === "--output-document") output = args[++i];
    else if (a.startsWith("-O")) output = a.slice(2);
    else if (/^-q+O$/.test(a)) {
      quiet = true;
      output = args[++i];
    } else if (/^-q+O./.test(a)) {
      quiet = true;
      output = a.slice(a.indexOf("O") + 1);
    } else if (a === "-T" || /^-T\d+$/.test(a)) {
      timeoutGiven = true;
      if (a === "-T") i++;
    } else if (a === "-t" || a === "--header" || a === "-U") i++;
    else if (a.startsWith("-")) continue;
    else url = a;
  }
  if (!url) return { stdout: "", stderr: "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n", code: 1 };
  const full = url.includes("://") ? url : `http://${url}`;
  const u = parseUrl(full);
  if (!u) return { stdout: "", stderr: `wget: bad address '${url}'\n`, code: 1 };
  const hp = hostPort(u.host, u.port, u.scheme);
  const r = httpRequest(client.network, origin(client), full);
  let stderr = "";
  if (!r.ok) return { stdout: "", stderr: wgetError(r.error, hp, timeoutGiven), code: 1 };
  if (!quiet) stderr += `Connecting to ${hp} (${dialedIP(client, u.host, r.conn)}:${u.port})\n`;
  if (r.response.status >= 400) return { stdout: "", stderr: stderr + `wget: server returned error: ${statusLine(r.response.status)}\n`, code: 1 };
  if (spider) return { stdout: "", stderr: stderr + (quiet ? "" : "remote file exists\n"), code: 0 };
  const toStdout = output === "-";
  const file = output ?? (u.path.replace(/\/$/, "").split("/").pop() || "index.html");
  if (!quiet) stderr += toStdout ? "writing to stdout\n" : `saving to '${file}'\n`;
  const body = answerBody(client, r.conn, r.response.body, u.path);
  if (!quiet) {
    const name = toStdout ? "-" : file;
    stderr += `${name.padEnd(20)} 100% |********************************| ${String(body.length).padStart(5)}  0:00:00 ETA\n`;
    stderr += toStdout ? "written to stdout\n" : `'${file}' saved\n`;
  }
  return { stdout: toStdout ? body : "", stderr, code: 0 };
}

/**
 * busybox wget's words for a failed connection. A connection nobody answers fails after the
 * kernel's SYN retries (about two minutes) as `connect()`'s error, unless `-T SEC` is given,
 * whose alarm ends the wait first.
 */
function wgetError(e: ConnectError, hp: string, timeoutGiven: boolean): string {
  switch (e.kind) {
    case "dns":
      return `wget: bad address '${hp}'\n`;
    case "refused":
      return `wget: can't connect to remote host (${e.ip}): Connection refused\n`;
    case "timeout":
      return timeoutGiven ? "wget: download timed out\n" : `wget: can't connect to remote host (${e.ip}): Connection timed out\n`;
    case "reset":
      return "wget: error getting response: Connection reset by peer\n";
  }
}

/** `curl [-sSfiIv] [-o FILE] [-m SEC] URL`. */
export function curl(client: ClientContext, args: string[]): ClientResult {
  let silent = false;
  let showErrors = false;
  let fail = false;
  let include = false;
  let head = false;
  let verbose = false;
  let output: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--output" || a === "-m" || a === "--max-time" || a === "--connect-timeout" || a === "-H" || a === "-X" || a === "-d" || a === "-w") {
      if (a === "-o" || a === "--output") output = args[i + 1];
      i++;
    } else if (a === "--silent") silent = true;
    else if (a === "--fail") fail = true;
    else if (a === "--include") include = true;
    else if (a === "--head") head = true;
    else if (a === "--verbose") verbose = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === "s") silent = true;
        else if (c === "S") showErrors = true;
        else if (c === "f") fail = true;
        else if (c === "i") include = true;
        else if (c === "I") head = true;
        else if (c === "v") verbose = true;
        else if (c === "L" || c === "k") continue;
      }
    } else if (!a.startsWith("-")) url = a;
  }
  if (!url) return { stdout: "", stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", code: 2 };
  const full = url.includes("://") ? url : `http://${url}`;
  const u = parseUrl(full);
  const quietErr = silent && !showErrors;
  if (!u) return { stdout: "", stderr: quietErr ? "" : `curl: (3) URL rejected: Bad hostname\n`, code: 3 };
  const r = httpRequest(client.network, origin(client), full);
  if (!r.ok) {
    const e = r.error;
    let msg: string;
    let code: number;
    if (e.kind === "dns") [msg, code] = [`curl: (6) Could not resolve host: ${u.host}`, 6];
    else if (e.kind === "refused") [msg, code] = [`curl: (7) Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server`, 7];
    else if (e.kind === "timeout") [msg, code] = [`curl: (28) Failed to connect to ${u.host} port ${u.port} after 130000 ms: Couldn't connect to server`, 28];
    else [msg, code] = ["curl: (56) Recv failure: Connection reset by peer", 56];
    const trace = verbose ? `* Host ${u.host}:${u.port} was resolved.\n*   Trying ${e.kind === "dns" ? u.host : e.ip}:${u.port}...\n` : "";
    return { stdout: "", stderr: trace + (quietErr ? "" : msg + "\n"), code };
  }
  const status = r.response.status;
  if (fail && status >= 400) return { stdout: "", stderr: quietErr ? "" : `curl: (22) The requested URL returned error: ${status}\n`, code: 22 };
  const body = answerBody(client, r.conn, r.response.body, u.path);
  const headers = `${statusLine(status)}\r\nContent-Type: ${r.response.contentType ?? "text/plain"}\r\nContent-Length: ${body.length}\r\n\r\n`;
  let stdout = head ? headers : (include ? headers : "") + body;
  const ip = dialedIP(client, u.host, r.conn);
  const stderr = verbose ? `*   Trying ${ip}:${u.port}...\n* Connected to ${u.host} (${ip}) port ${u.port}\n> GET ${u.path} HTTP/1.1\n> Host: ${hostPort(u.host, u.port, u.scheme)}\n> User-Agent: curl/8.5.0\n> Accept: */*\n> \n< ${statusLine(status)}\n< \n` : "";
  if (output && output !== "-") stdout = "";
  return { stdout, stderr, code: 0 };
}

/** busybox `nc -z[v] HOST PORT`: whether something listens there. */
export function nc(client: ClientContext, args: string[]): ClientResult {
  const verbose = args.some((a) => /^-[a-z]*v/.test(a));
  const rest = args.filter((a) => !a.startsWith("-"));
  if (rest.length < 2) return { stdout: "", stderr: "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n", code: 1 };
  const [host, portText] = rest;
  const port = Number(portText);
  const c = connect(client.network, origin(client), host, port);
  if (!c.ok) {
    if (c.error.kind === "dns") return { stdout: "", stderr: `nc: bad address '${host}'\n`, code: 1 };
    const ip = c.error.ip;
    if (c.error.kind === "timeout") return { stdout: "", stderr: `nc: ${host} (${ip}:${port}): Connection timed out\n`, code: 1 };
    return { stdout: "", stderr: `nc: ${host} (${ip}:${port}): Connection refused\n`, code: 1 };
  }
  return { stdout: "", stderr: verbose ? `${host} (${dialedIP(client, host, c.conn)}:${port}) open\n` : "", code: 0 };
}
