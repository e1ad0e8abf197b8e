/**
 * HTTP benchmark (issue 4): one terminal command's round trip through the production
 * server — HTTP, session cookie, JSON parse, rate limit, engine, Postgres transaction —
 * under 50 concurrent learners.
 *
 * `npm run bench:http`: starts the production server the way `npm start` does
 * (`lib/server/start.ts`: build check, embedded PostgreSQL in a fresh temporary DATA_DIR,
 * migrations, `next start`) on a free loopback port, waits for /api/readyz, creates
 * LEARNERS guest sessions ("Try it now": next-auth's guest provider), starts one attempt
 * each (scenarios spread over the catalogue), then every learner sends kubectl commands
 * (get pods, describe pod, get events, logs, get deploy -o wide) in a loop with a think
 * time, for DURATION_S seconds or MAX_PER_LEARNER commands. Each round trip is timed
 * from the request being sent to the response body being read. Afterwards the Action
 * rows in PostgreSQL are counted and compared with the commands the server acknowledged
 * (201). The server is stopped and the temporary directory removed, also on failure.
 *
 * Environment: BENCH_LEARNERS (50), BENCH_DURATION_S (60), BENCH_MAX_PER_LEARNER (200),
 * BENCH_THINK_MS ("500-1500"), BENCH_WRITE_DOCS ("1": update docs/benchmarks.md between the
 * http-bench markers). SKIP_BUILD_CHECK=1 serves whatever build exists (as for `npm start`).
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { findFreePort } from "../../lib/server/free-port";

const root = path.resolve(import.meta.dirname, "../..");
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const MAX_PER_LEARNER = Number(process.env.BENCH_MAX_PER_LEARNER ?? 200);
const [THINK_MIN, THINK_MAX] = (process.env.BENCH_THINK_MS ?? "500-1500").split("-").map(Number);
const WRITE_DOCS = (process.env.BENCH_WRITE_DOCS ?? "1") === "1";
const REQUEST_TIMEOUT_MS = 30_000;

// ---------- server lifecycle ----------

interface Server {
  child: ChildProcess;
  baseUrl: string;
  dataDir: string;
  logFile: string;
  databaseUrl?: string;
}

let server: Server | undefined;
let tempDir: string | undefined;

function logTail(lines = 40): string {
  if (!server || !fs.existsSync(server.logFile)) return "";
  return fs.readFileSync(server.logFile, "utf8").split("\n").slice(-lines).join("\n");
}

async function startServer(): Promise<Server> {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "crashcourse-http-bench-"));
  fs.chmodSync(tempDir, 0o755); // the embedded PostgreSQL may run as another user when we are root
  const dataDir = path.join(tempDir, "data");
  const logFile = path.join(tempDir, "server.log");
  const port = await findFreePort();
  const out = fs.openSync(logFile, "a");
  // The same entry point as `npm start` (package.json: `tsx lib/server/start.ts`).
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/server/start.ts")], {
    cwd: root,
    detached: true, // own process group: on failure the whole tree can be signalled
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NODE_ENV: "production",
    },
  });
  fs.closeSync(out);
  server = { child, baseUrl: `http://127.0.0.1:${port}`, dataDir, logFile };
  return server;
}

async function waitReady(s: Server, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`server exited with ${s.child.exitCode}:\n${logTail()}`);
    try {
      const res = await fetch(`${s.baseUrl}/api/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      await res.body?.cancel();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not ready after ${timeoutMs / 1000} s:\n${logTail()}`);
}

/** The embedded database's URL: its port from start.ts's log line, its password from DATA_DIR. */
function embeddedDatabaseUrl(s: Server): string {
  const match = /Embedded PostgreSQL on 127\.0\.0\.1:(\d+)/.exec(fs.readFileSync(s.logFile, "utf8"));
  if (!match) throw new Error("could not find the embedded PostgreSQL port in the server log");
  const { password } = JSON.parse(fs.readFileSync(path.join(s.dataDir, "postgres.credentials.json"), "utf8")) as { password: string };
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${match[1]}/crashcourse`;
}

function alive(pid: number): boolean {
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
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/** SIGTERM to start.ts (it stops `next start` and PostgreSQL), then force whatever is left. */
async function stopServer(): Promise<void> {
  const s = server;
  server = undefined;
  if (s?.child.pid && s.child.exitCode === null && s.child.signalCode === null) {
    const pid = s.child.pid;
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
    if (!(await waitGone(pid, 30_000))) {
      try {
        process.kill(-pid, "SIGKILL"); // its process group: next start included
      } catch {
        // already gone
      }
    }
  }
  // PostgreSQL daemonises out of the process group: stop it through its pid file if it survived.
  const pidFile = s && path.join(s.dataDir, "postgres", "postmaster.pid");
  if (pidFile && fs.existsSync(pidFile)) {
    const pgPid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (Number.isInteger(pgPid) && pgPid > 0 && alive(pgPid)) {
      try {
        process.kill(pgPid, "SIGINT");
      } catch {
        // gone
      }
      await waitGone(pgPid, 20_000);
    }
  }
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

// ---------- a learner over HTTP ----------

class Learner {
  private readonly cookies = new Map<string, string>();
  attemptId = "";
  scenarioId = "";
  pods: { namespace: string; name: string }[] = [];
  namespaces: string[] = ["default"];

  constructor(private readonly baseUrl: string) {}

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(method: string, url: string, body?: { json?: unknown; form?: Record<string, string> }): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    let payload: string | undefined;
    if (body?.json !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body.json);
    } else if (body?.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(body.form).toString();
    }
    const res = await fetch(`${this.baseUrl}${url}`, { method, headers, body: payload, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    this.keep(res);
    return res;
  }

  /** "Try it now": next-auth's guest credentials provider, as the button's signIn("guest") does it. */
  async startGuest(): Promise<void> {
    const csrf = await this.request("GET", "/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await this.request("POST", "/api/auth/callback/guest", { form: { csrfToken, json: "true", callbackUrl: `${this.baseUrl}/scenarios` } });
    await res.text();
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`guest sign-in failed: ${res.status}`);
  }

  async startAttempt(scenarioId: string): Promise<void> {
    const res = await this.request("POST", "/api/attempts", { json: { scenarioId, mode: "new" } });
    const body = (await res.json()) as { id?: string };
    if (res.status !== 201 || !body.id) throw new Error(`POST /api/attempts ${res.status}: ${JSON.stringify(body)}`);
    this.attemptId = body.id;
    this.scenarioId = scenarioId;
  }

  /** One command: the time from sending the request to having read the whole response body. */
  async command(line: string): Promise<{ ms: number; status: number; exitCode?: number; output?: string; error?: string }> {
    const t0 = performance.now();
    try {
      const res = await this.request("POST", `/api/attempts/${this.attemptId}/actions`, { json: { type: "command", line } });
      const text = await res.text();
      const ms = performance.now() - t0;
      if (res.status !== 201) return { ms, status: res.status, error: text.slice(0, 200) };
      const body = JSON.parse(text) as { output: string; exitCode: number };
      return { ms, status: res.status, exitCode: body.exitCode, output: body.output };
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
}

// ---------- measurement ----------

interface Sample {
  ms: number;
  status: number;
  command: string;
}

/** The command without its pod name and namespace, to group the figures. */
function commandLabel(line: string): string {
  const bare = line.replace(/ -n \S+/, "");
  if (bare.startsWith("kubectl describe pod ")) return "kubectl describe pod <pod>";
  if (bare.startsWith("kubectl logs ")) return "kubectl logs <pod>";
  return bare;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The server's own latency histogram for the actions route (201s): total seconds and count, from /api/metrics. */
async function serverActionTiming(baseUrl: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${baseUrl}/api/metrics`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })).text();
  const pick = (suffix: string) =>
    text
      .split("\n")
      .filter((l) => l.startsWith(`crashcourse_http_request_duration_seconds_${suffix}{`) && l.includes('route="/api/attempts/[id]/actions"') && l.includes('status="201"') && l.includes('method="POST"'))
      .reduce((total, l) => total + Number(l.trim().split(/\s+/).at(-1)), 0);
  return { sum: pick("sum"), count: pick("count") };
}

function catalogueIds(): string[] {
  return fs
    .readdirSync(path.join(root, "scenarios"))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => /^id:\s*(\S+)/m.exec(fs.readFileSync(path.join(root, "scenarios", f), "utf8"))?.[1])
    .filter((id): id is string => Boolean(id))
    .sort();
}

function buildInfo(): string {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no build";
  const builtAt = fs.statSync(buildId).mtimeMs;
  // The same staleness test as lib/server/start.ts.
  const newest = (entry: string): number => {
    if (!fs.existsSync(entry)) return 0;
    const stat = fs.statSync(entry);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return fs.readdirSync(entry).reduce((m, c) => (c === "node_modules" || c.startsWith(".") ? m : Math.max(m, newest(path.join(entry, c)))), stat.mtimeMs);
  };
  const changedAt = Math.max(...["app", "lib", "engine", "scenarios", "prisma/schema.prisma", "next.config.js", "package-lock.json"].map((p) => newest(path.join(root, p))));
  const stale = changedAt > builtAt ? " (older than some sources: served as built, `SKIP_BUILD_CHECK=1`)" : " (current)";
  return `production build of ${new Date(builtAt).toISOString().slice(0, 16).replace("T", " ")} UTC${stale}`;
}

async function main(): Promise<void> {
  const s = await startServer();
  console.log(`Starting the production server on ${s.baseUrl} (DATA_DIR ${s.dataDir})…`);
  const readyStart = performance.now();
  await waitReady(s);
  console.log(`Ready in ${((performance.now() - readyStart) / 1000).toFixed(1)} s`);
  s.databaseUrl = embeddedDatabaseUrl(s);

  const scenarios = catalogueIds();
  const learners = Array.from({ length: LEARNERS }, () => new Learner(s.baseUrl));
  // Set-up, 10 at a time: guest session, attempt, a first `kubectl get pods -A` to learn the pods (not timed).
  let setupActions = 0;
  for (let i = 0; i < learners.length; i += 10) {
    await Promise.all(
      learners.slice(i, i + 10).map(async (learner, j) => {
        await learner.startGuest();
        await learner.startAttempt(scenarios[(i + j) % scenarios.length]);
        const first = await learner.command("kubectl get pods -A");
        if (first.status !== 201) throw new Error(`first command failed: ${first.status} ${first.error}`);
        setupActions++;
        learner.learnPods(first.output ?? "");
      }),
    );
  }
  console.log(`${learners.length} guest learners on ${Math.min(learners.length, scenarios.length)} scenarios; running for ${DURATION_S} s…`);

  const samples: Sample[] = [];
  const serverBefore = await serverActionTiming(s.baseUrl);
  const loadBefore = os.loadavg();
  const endAt = performance.now() + DURATION_S * 1000;
  const runStart = performance.now();
  await Promise.all(
    learners.map(async (learner) => {
      await new Promise((r) => setTimeout(r, Math.random() * THINK_MAX)); // stagger the start
      for (let n = 0; n < MAX_PER_LEARNER && performance.now() < endAt; n++) {
        const line = learner.nextCommand();
        const result = await learner.command(line);
        samples.push({ ms: result.ms, status: result.status, command: commandLabel(line) });
        if (result.status !== 201 && samples.filter((x) => x.status !== 201).length <= 5) console.log(`  error ${result.status}: ${result.error}`);
        await new Promise((r) => setTimeout(r, THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN)));
      }
    }),
  );
  const runSeconds = (performance.now() - runStart) / 1000;
  const serverAfter = await serverActionTiming(s.baseUrl);
  const serverCount = serverAfter.count - serverBefore.count;
  const serverMeanMs = serverCount > 0 ? ((serverAfter.sum - serverBefore.sum) / serverCount) * 1000 : NaN;
  const uptime = execFileSync("uptime", { encoding: "utf8" }).trim();

  const ok = samples.filter((x) => x.status === 201);
  const sorted = ok.map((x) => x.ms).sort((a, b) => a - b);
  const errors = samples.length - ok.length;
  const byStatus = new Map<number, number>();
  for (const x of samples) if (x.status !== 201) byStatus.set(x.status, (byStatus.get(x.status) ?? 0) + 1);
  const perCommand = new Map<string, number[]>();
  for (const x of ok) perCommand.set(x.command, [...(perCommand.get(x.command) ?? []), x.ms]);

  // Every acknowledged command is a row: count them in the server's database.
  const client = new pg.Client({ connectionString: s.databaseUrl });
  await client.connect();
  let recorded: number;
  let attemptsWithRows: number;
  try {
    const ids = learners.map((l) => l.attemptId);
    const rows = await client.query<{ n: string; attempts: string }>(
      `SELECT count(*) AS n, count(DISTINCT "attemptId") AS attempts FROM "Action" WHERE "attemptId" = ANY($1) AND type = 'command'`,
      [ids],
    );
    recorded = Number(rows.rows[0].n);
    attemptsWithRows = Number(rows.rows[0].attempts);
  } finally {
    await client.end();
  }
  const acknowledged = ok.length + setupActions;
  const median = percentile(sorted, 50);
  const clientMeanMs = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  const p99 = percentile(sorted, 99);

  console.log(`commands: ${samples.length} in ${runSeconds.toFixed(1)} s (${(samples.length / runSeconds).toFixed(1)}/s), errors: ${errors}${errors ? ` ${JSON.stringify(Object.fromEntries(byStatus))}` : ""}`);
  console.log(`round trip: median ${median.toFixed(1)} ms, p90 ${percentile(sorted, 90).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`);
  for (const [command, xs] of perCommand) {
    const c = [...xs].sort((a, b) => a - b);
    console.log(`  ${command}: ${c.length}, median ${percentile(c, 50).toFixed(1)} ms, p99 ${percentile(c, 99).toFixed(1)} ms`);
  }
  console.log(`acknowledged (201) ${acknowledged} (incl. ${setupActions} set-up), recorded Action rows ${recorded} on ${attemptsWithRows} attempts: ${acknowledged === recorded ? "equal" : "DIFFERENT"}`);
  console.log(`mean: client round trip ${clientMeanMs.toFixed(1)} ms; server-side handler ${serverMeanMs.toFixed(1)} ms over ${serverCount} requests (/api/metrics)`);
  console.log(uptime);

  if (WRITE_DOCS) {
    const section = [
      "<!-- http-bench:start -->",
      "## HTTP: one command's round trip under 50 learners (`npm run bench:http`)",
      "",
      `Command: \`tsx tests/bench/http-bench.ts\`. It starts the production server through \`lib/server/start.ts\` (what \`npm start\` runs: ` +
        "build check, embedded PostgreSQL 18 in a fresh temporary `DATA_DIR`, migrations, `next start`) on a free loopback port, " +
        `creates ${LEARNERS} guest sessions ("Try it now", next-auth's guest provider) with an attempt each, spread over the ` +
        `${scenarios.length} scenarios, and lets them all send \`POST /api/attempts/<id>/actions\` concurrently for ${DURATION_S} s ` +
        `(at most ${MAX_PER_LEARNER} commands each), thinking ${THINK_MIN}–${THINK_MAX} ms between commands. The mix: ` +
        "`kubectl get pods` 30 %, `describe pod <pod>` 20 %, `get events` 20 %, `logs <pod>` 15 %, `get deploy -o wide` 15 %, " +
        "on the scenario's own pods and namespaces. A round trip is timed in the client from sending the request to having read the " +
        "whole response body: HTTP, session cookie, JSON parse, rate limit, the engine, and the Postgres transaction that stores the " +
        "action before the answer. Client and server share the machine. The request rate is set by the think time " +
        "(50 learners × one command per ~1 s), so this measures latency at a realistic class load, not the server's saturation point.",
      "",
      "| what | value |",
      "|---|---|",
      `| commands timed | ${samples.length.toLocaleString("en")} in ${runSeconds.toFixed(0)} s (${(samples.length / runSeconds).toFixed(1)} per second) |`,
      `| errors | ${errors}${errors ? ` (${[...byStatus].map(([k, v]) => `${k === 0 ? "no answer" : `HTTP ${k}`}: ${v}`).join(", ")})` : ""} |`,
      `| round trip, median | **${median.toFixed(1)} ms** |`,
      `| round trip, p90 | ${percentile(sorted, 90).toFixed(1)} ms |`,
      `| round trip, p99 | **${p99.toFixed(1)} ms** |`,
      `| round trip, max | ${sorted.at(-1)?.toFixed(1)} ms |`,
      `| round trip, mean (client) vs the server's own timing of the route (mean, \`/api/metrics\` histogram, ${serverCount.toLocaleString("en")} requests) | ${clientMeanMs.toFixed(1)} ms vs ${serverMeanMs.toFixed(1)} ms |`,
      `| acknowledged (201) vs Action rows in PostgreSQL | ${acknowledged.toLocaleString("en")} vs ${recorded.toLocaleString("en")} (${acknowledged === recorded ? "equal" : "**different**"}; ${setupActions} set-up \`get pods -A\` included) |`,
      "",
      "| command | count | median | p99 |",
      "|---|---|---|---|",
      ...[...perCommand].sort((a, b) => b[1].length - a[1].length).map(([command, xs]) => {
        const c = [...xs].sort((a, b) => a - b);
        return `| \`${command}\` | ${c.length} | ${percentile(c, 50).toFixed(1)} ms | ${percentile(c, 99).toFixed(1)} ms |`;
      }),
      "",
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}, ` +
        `${buildInfo()}. **Shared machine**: load average ${loadBefore.map((x) => x.toFixed(2)).join(", ")} before the run, ` +
        `\`uptime\` after it: \`${uptime}\`.`,
      "<!-- http-bench:end -->",
    ].join("\n");
    const file = path.join(root, "docs", "benchmarks.md");
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
    const marked = /<!-- http-bench:start -->[\s\S]*?<!-- http-bench:end -->/;
    fs.writeFileSync(file, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
    console.log(`Wrote ${path.relative(root, file)}`);
  }
  if (acknowledged !== recorded) process.exitCode = 1;
}

let cleaning: Promise<void> | undefined;
const cleanup = () => (cleaning ??= stopServer().catch((e: unknown) => console.error("cleanup:", e)));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
