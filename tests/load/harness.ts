/**
 * What `npm run loadtest` and `npm run chaos` share: the production server started as
 * `npm start` starts it (`lib/server/start.ts`: build check, embedded PostgreSQL in a
 * DATA_DIR, migrations, the server workers) on a loopback port, killed or stopped like a real
 * process; its embedded PostgreSQL found, stopped and restarted through its pid file;
 * and learners that talk HTTP to it the way the browser does (next-auth guest sign-in,
 * JSON actions), remembering every action the server acknowledged.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { findFreePort } from "../../lib/server/free-port";

/** The repository root (the production build is served from here). */
export const root = path.resolve(import.meta.dirname, "../..");
/** Client-side timeout of one request: anything slower counts as a hang. */
export const REQUEST_TIMEOUT_MS = Number(process.env.LOAD_REQUEST_TIMEOUT_MS ?? 15_000);

/** A running production server. */
export interface Server {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  dataDir: string;
  logFile: string;
}

/** Starts `lib/server/start.ts` in its own process group on `port` with `dataDir` (embedded PostgreSQL). */
export function startServer(options: { dataDir: string; logFile: string; port: number; env?: Record<string, string> }): Server {
  const out = fs.openSync(options.logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/server/start.ts")], {
    cwd: root,
    detached: true, // own process group: a crash can take the whole tree at once
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: options.dataDir,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
      NODE_ENV: "production",
      // Thousands of simulated guests share one loopback address.
      GUEST_RATE_LIMIT: "100000",
      ...options.env,
    },
  });
  fs.closeSync(out);
  return { child, baseUrl: `http://127.0.0.1:${options.port}`, port: options.port, dataDir: options.dataDir, logFile: options.logFile };
}

/** A load script's scratch space: a fresh temporary directory, and the server started in it (if any). */
export interface Scratch {
  tempDir: string;
  server?: Server;
}

/**
 * Runs a load script's `main` with a scratch directory that is removed at the end — on success,
 * on failure, and on SIGINT/SIGTERM — after stopping the server started in it.
 */
export function runLoadScript(prefix: string, main: (scratch: Scratch) => Promise<void>): void {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(tempDir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
  const scratch: Scratch = { tempDir };
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= stopServer(scratch.server)
      .catch((e: unknown) => console.error("cleanup:", e))
      .finally(() => fs.rmSync(tempDir, { recursive: true, force: true })));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanup().then(() => process.exit(130)));
  main(scratch)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => cleanup());
}

/** Starts the production server in `scratch` on a free loopback port and waits until it is ready. */
export async function startScratchServer(scratch: Scratch): Promise<Server> {
  const port = await findFreePort();
  const server = startServer({ dataDir: path.join(scratch.tempDir, "data"), logFile: path.join(scratch.tempDir, "server.log"), port });
  scratch.server = server;
  console.log(`Starting the production server on ${server.baseUrl} (DATA_DIR ${server.dataDir})…`);
  console.log(`Ready in ${((await waitReady(server)) / 1000).toFixed(1)} s`);
  return server;
}

/** A free loopback port. */
export const freePort = findFreePort;

/** The last lines of the server's log. */
export function logTail(server: Server, lines = 40): string {
  return fs.existsSync(server.logFile) ? fs.readFileSync(server.logFile, "utf8").split("\n").slice(-lines).join("\n") : "";
}

/** Waits until /api/readyz answers 200 (the server listens and its database answers). */
export async function waitReady(server: Server, timeoutMs = 900_000): Promise<number> {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited with ${server.child.exitCode}:\n${logTail(server)}`);
    try {
      const res = await fetch(`${server.baseUrl}/api/readyz`, { signal: AbortSignal.timeout(5_000) });
      await res.body?.cancel();
      if (res.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`server not ready after ${timeoutMs / 1000} s:\n${logTail(server)}`);
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * `work`, or a rejection once `ms` have passed. fetch's own AbortSignal.timeout is not
 * enough: under heavy load Node 20's fetch can leave a promise pending forever after an
 * abort (seen once with 300 learners), which would stall a whole load level.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what = "request"): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether a process exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await sleep(50);
  }
  return !alive(pid);
}

/** SIGKILL to the server's whole process group (start.ts and its server workers), like a crash. PostgreSQL, daemonised, survives. */
export async function crashServer(server: Server): Promise<void> {
  const pid = server.child.pid!;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
  await waitGone(pid, 10_000);
}

/** The embedded PostgreSQL's postmaster pid (from its pid file), or undefined. */
export function postgresPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

/** Stops the embedded PostgreSQL (fast shutdown: SIGINT to the postmaster) and waits for it to exit. */
export async function stopPostgres(dataDir: string): Promise<void> {
  const pid = postgresPid(dataDir);
  if (!pid) return;
  process.kill(pid, "SIGINT");
  if (!(await waitGone(pid, 30_000))) throw new Error(`PostgreSQL ${pid} did not stop`);
}

/**
 * Starts the embedded PostgreSQL again with exactly the command line it last ran with
 * (its `postmaster.opts`), as the owner of its data directory, detached. Waits until it accepts connections.
 */
export async function restartPostgres(dataDir: string, databaseUrl: string): Promise<void> {
  const pgData = path.join(dataDir, "postgres");
  const opts = fs.readFileSync(path.join(pgData, "postmaster.opts"), "utf8").trim();
  const args = [...opts.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  const [binary, ...rest] = args;
  const { uid, gid } = fs.statSync(pgData);
  const child = spawn(binary, rest, { detached: true, stdio: "ignore", uid, gid });
  child.unref();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(200);
    }
  }
  throw new Error("PostgreSQL did not come back");
}

/** The embedded database's URL: its port from start.ts's log line, its password from DATA_DIR. */
export function embeddedDatabaseUrl(server: Server): string {
  const matches = [...fs.readFileSync(server.logFile, "utf8").matchAll(/Embedded PostgreSQL on 127\.0\.0\.1:(\d+)/g)];
  const port = matches.at(-1)?.[1];
  if (!port) throw new Error("could not find the embedded PostgreSQL port in the server log");
  const { password } = JSON.parse(fs.readFileSync(path.join(server.dataDir, "postgres.credentials.json"), "utf8")) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/crashcourse`;
}

/** SIGTERM to start.ts (it stops its server workers and PostgreSQL), then force what is left, PostgreSQL included. */
export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  const pid = server.child.pid;
  if (pid && server.child.exitCode === null && server.child.signalCode === null) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
    if (!(await waitGone(pid, 30_000))) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  await stopPostgres(server.dataDir).catch(() => undefined);
}

/** One answer as a learner saw it. */
export interface Answer {
  ms: number;
  /** HTTP status; 0 when no answer came (refused, reset, or timed out). */
  status: number;
  body?: { seq?: number; output?: string; exitCode?: number; error?: { code: string; message: string } };
  retryAfter?: string | null;
  error?: string;
}

/** An action the server acknowledged (201): what the learner saw. */
export interface Acknowledged {
  attemptId: string;
  seq: number;
  type: string;
  input: string;
  output: string;
}

/**
 * One HTTP request over `agent` (node:http), answered as a fetch Response once the whole
 * body is read. The load scripts use it instead of the global fetch so that each learner,
 * like a browser, keeps its own keep-alive connection (the global fetch pools connections
 * across every learner of the process).
 */
export function httpRequest(
  agent: http.Agent,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers: init.body === undefined ? init.headers : { ...init.headers, "content-length": String(Buffer.byteLength(init.body)) }, agent, timeout: init.timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const headers = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        const status = res.statusCode ?? 0;
        const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
        resolve(new Response(body, { status, statusText: res.statusMessage, headers }));
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${init.method} ${url}: no answer within ${init.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(init.body);
  });
}

/** A simulated learner talking HTTP to the server like the browser app does. */
export class Learner {
  private readonly cookies = new Map<string, string>();
  /** This learner's own keep-alive connection, as a browser tab has. */
  // An idle connection is dropped by the client before the server's 65 s keep-alive timeout
  // (lib/server/start.ts) could close it under a request being sent.
  private readonly agent = new http.Agent({ keepAlive: true, timeout: 60_000 });
  attemptId = "";
  scenarioId = "";
  pods: { namespace: string; name: string }[] = [];
  namespaces: string[] = ["default"];
  /** Every action the server acknowledged, in order. */
  readonly acknowledged: Acknowledged[] = [];

  constructor(public baseUrl: string) {}

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  /** One request with this learner's cookies, same-origin headers as a browser sends them, and the client timeout. */
  async request(method: string, url: string, body?: { json?: unknown; form?: Record<string, string> }): Promise<Response> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      origin: this.baseUrl,
      "sec-fetch-site": "same-origin",
    };
    let payload: string | undefined;
    if (body?.json !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.json);
    } else if (body?.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(body.form).toString();
    }
    const res = await httpRequest(this.agent, `${this.baseUrl}${url}`, { method, headers, body: payload, timeoutMs: REQUEST_TIMEOUT_MS });
    this.keep(res);
    return res;
  }

  /** "Try it now": next-auth's guest provider, as the button's signIn("guest") does it. */
  async startGuest(): Promise<void> {
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await this.request("POST", "/api/auth/callback/guest", { form: { csrfToken, json: "true", callbackUrl: `${this.baseUrl}/scenarios` } });
    await res.text();
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`guest sign-in failed: ${res.status}`);
  }

  /** Starts a new attempt on `scenarioId`. */
  async startAttempt(scenarioId: string): Promise<void> {
    const res = await this.request("POST", "/api/attempts", { json: { scenarioId, mode: "new" } });
    const body = (await res.json()) as { id?: string };
    if (res.status !== 201 || !body.id) throw new Error(`POST /api/attempts ${res.status}: ${JSON.stringify(body)}`);
    this.attemptId = body.id;
    this.scenarioId = scenarioId;
  }

  /** One action, timed from sending the request to having read the whole answer; a 201 is remembered as acknowledged. */
  async act(action: { type: string; line?: string }): Promise<Answer> {
    const t0 = performance.now();
    try {
      const { res, text } = await withDeadline(
        (async () => {
          const r = await this.request("POST", `/api/attempts/${this.attemptId}/actions`, { json: action });
          return { res: r, text: await r.text() };
        })(),
        REQUEST_TIMEOUT_MS + 1_000,
      );
      const ms = performance.now() - t0;
      let body: Answer["body"];
      try {
        body = JSON.parse(text) as Answer["body"];
      } catch {
        body = undefined;
      }
      if (res.status === 201 && body?.seq !== undefined) {
        this.acknowledged.push({ attemptId: this.attemptId, seq: body.seq, type: action.type, input: action.line ?? "", output: body.output ?? "" });
      }
      return { ms, status: res.status, body, retryAfter: res.headers.get("retry-after"), error: res.status === 201 ? undefined : text.slice(0, 200) };
    } catch (error) {
      return { ms: performance.now() - t0, status: 0, error: String(error) };
    }
  }

  /** Remembers the scenario's pods (not kube-system's) from `kubectl get pods -A`. */
  learnPods(output: string): void {
    const rows = output.split("\n").slice(1).map((l) => l.trim().split(/\s+/)).filter((r) => r.length >= 2 && r[0] !== "kube-system");
    if (rows.length === 0) return;
    this.pods = rows.map(([namespace, name]) => ({ namespace, name }));
    this.namespaces = [...new Set(this.pods.map((p) => p.namespace))];
  }

  /** A realistic mix: get pods, describe pod X, get events, logs X, get deploy -o wide. */
  nextCommand(): string {
    const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
    const pod = this.pods.length ? pick(this.pods) : undefined;
    const ns = (n: string) => (n === "default" ? "" : ` -n ${n}`);
    const r = Math.random();
    if (r < 0.3 || !pod) return `kubectl get pods${ns(pod?.namespace ?? pick(this.namespaces))}`;
    if (r < 0.5) return `kubectl describe pod ${pod.name}${ns(pod.namespace)}`;
    if (r < 0.7) return `kubectl get events${ns(pod.namespace)}`;
    if (r < 0.85) return `kubectl logs ${pod.name}${ns(pod.namespace)}`;
    return `kubectl get deploy -o wide${ns(pod.namespace)}`;
  }

  /** Signs in as a guest, starts an attempt and learns its pods (the first `kubectl get pods -A` is acknowledged like any command). */
  async setUp(scenarioId: string): Promise<void> {
    await this.startGuest();
    await this.startAttempt(scenarioId);
    const first = await this.act({ type: "command", line: "kubectl get pods -A" });
    if (first.status !== 201) throw new Error(`first command failed: ${first.status} ${first.error}`);
    this.learnPods(first.body?.output ?? "");
  }
}

/** Which build was served: the commit checked out and when `.next` was built. */
export function buildInfo(): string {
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const buildId = path.join(root, ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? new Date(fs.statSync(buildId).mtimeMs).toISOString().slice(0, 16).replace("T", " ") : "none";
  return `commit ${commit}, production build of ${builtAt} UTC`;
}

/** The catalogue's scenario ids, read from scenarios/*.yaml. */
export function catalogueIds(): string[] {
  return fs
    .readdirSync(path.join(root, "scenarios"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => /^id:\s*(\S+)/m.exec(fs.readFileSync(path.join(root, "scenarios", f), "utf8"))?.[1])
    .filter((id): id is string => Boolean(id))
    .sort();
}

/** The p-th percentile of an ascending array (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Rows of the Action table for the given attempts: (attemptId, seq, type, input, output). */
export async function storedActions(databaseUrl: string, attemptIds: string[]): Promise<{ attemptId: string; seq: number; type: string; input: string; output: string; virtualMs: number }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ attemptId: string; seq: number; type: string; input: string; output: string; virtualMs: number }>(
      `SELECT "attemptId", seq, type::text AS type, input, output, "virtualMs" FROM "Action" WHERE "attemptId" = ANY($1) ORDER BY "attemptId", seq`,
      [attemptIds],
    );
    return rows.rows;
  } finally {
    await client.end();
  }
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in docs/benchmarks.md (or appends it). */
export function writeDocsSection(name: string, section: string, file = path.join(root, "docs", "benchmarks.md")): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  const block = `<!-- ${name}:start -->\n${section}\n<!-- ${name}:end -->`;
  fs.writeFileSync(file, marked.test(current) ? current.replace(marked, block) : `${current.trimEnd()}\n\n${block}\n`);
}

/** HTTP methods a route module may export. */
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every app/api route file: its URL (dynamic segments filled with `fill`) and the methods it exports (read from the source). */
export function apiRoutes(fill = "c000000000000000000000000"): { pattern: string; url: string; methods: string[] }[] {
  const out: { pattern: string; url: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const pattern = "/" + path.relative(path.join(root, "app"), dir).split(path.sep).join("/");
        const source = fs.readFileSync(full, "utf8");
        const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b|as\\s+${m}\\b`).test(source));
        out.push({ pattern, url: pattern.replace(/\[\.\.\.[^\]]+\]/g, "session").replace(/\[[^\]]+\]/g, fill), methods });
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/**
 * Over real HTTP, every method a route does not export: Next.js must answer 405 (HEAD is
 * served by GET, OPTIONS by Next itself), never a 5xx. Returns the unexpected answers.
 */
export async function checkWrongMethods(baseUrl: string): Promise<string[]> {
  const problems: string[] = [];
  for (const route of apiRoutes()) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => !route.methods.includes(m))) {
      const res = await withDeadline(fetch(`${baseUrl}${route.url}`, { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}", redirect: "manual" }), REQUEST_TIMEOUT_MS);
      await res.body?.cancel();
      if (res.status !== 405) problems.push(`${method} ${route.pattern}: ${res.status}`);
    }
  }
  return problems;
}
