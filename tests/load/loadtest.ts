/**
 * `npm run loadtest` (issue 6): a class arriving at once, measured.
 *
 * Starts the production server as `npm start` does (tests/load/harness.ts: build check,
 * embedded PostgreSQL in a fresh temporary DATA_DIR, migrations, the server workers) on a
 * loopback port, then steps the number of simulated learners up through LOAD_LEVELS
 * (50, 100, 200, 300). A learner signs in as a guest ("Try it now"), starts an attempt
 * (scenarios spread over the catalogue), and then, for LOAD_LEVEL_S seconds per level,
 * acts every ~2 s (think time uniform in LOAD_THINK_MS, "1500-2500"): kubectl commands
 * (get pods, describe pod, get events, logs, get deploy -o wide), a `check` every ~12th
 * action and a `hint` every ~20th. New learners join at each level; the earlier ones keep going.
 *
 * Per level it reports the command round trip (sent → whole answer read) median, p90,
 * p99 and max, the errors by status, the load average, and counts the Action rows in
 * PostgreSQL against the actions the clients saw acknowledged (201): they must be
 * equal (nothing lost, nothing doubled); a request the client abandoned (no answer within
 * LOAD_REQUEST_TIMEOUT_MS, 15 s) may still have been stored by the server, and is reported as such. The framework's floor is measured in the same
 * run: a probe requests `GET /api/floor` (a constant answer, no session or database)
 * every 100 ms throughout each level, so the command's cost is given as a multiple of
 * the floor under the same load.
 *
 * Environment: LOAD_LEVELS ("50,100,200,300"), LOAD_LEVEL_S (40), LOAD_THINK_MS
 * ("1500-2500"), LOAD_WRITE_DOCS ("1": update docs/benchmarks.md between the load
 * markers; LOAD_DOCS_FILE names another file), LOAD_SERVER_LOG (copy the server's log, with its
 * JSON request lines, to this file). SKIP_BUILD_CHECK=1 serves the existing build.
 * Exit code 1 when an acknowledged action is missing, or there are more rows than requests sent.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  buildInfo,
  catalogueIds,
  checkWrongMethods,
  embeddedDatabaseUrl,
  Learner,
  percentile,
  REQUEST_TIMEOUT_MS,
  root,
  runLoadScript,
  type Scratch,
  type Server,
  sleep,
  startScratchServer,
  storedActions,
  withDeadline,
  writeDocsSection,
} from "./harness";

const LEVELS = (process.env.LOAD_LEVELS ?? "50,100,200,300").split(",").map(Number);
const LEVEL_S = Number(process.env.LOAD_LEVEL_S ?? 40);
const [THINK_MIN, THINK_MAX] = (process.env.LOAD_THINK_MS ?? "1500-2500").split("-").map(Number);
const WRITE_DOCS = (process.env.LOAD_WRITE_DOCS ?? "1") === "1";
const DOCS_FILE = process.env.LOAD_DOCS_FILE ?? path.join(root, "docs", "benchmarks.md");
const FLOOR_EVERY_MS = 100;

interface LevelResult {
  learners: number;
  seconds: number;
  commands: number[];
  actions: { command: number; check: number; hint: number };
  errors: Map<number, number>;
  floor: number[];
  floorErrors: number;
  acknowledged: number;
  recorded: number;
  /** Actions whose answer never came (client timeout), so far: the server may still have stored them. */
  abandoned: number;
  loadBefore: number[];
  loadAfter: number[];
  /** Wall clock of the level, epoch ms (to find its lines in the server's request log). */
  fromMs: number;
  toMs: number;
  /** The server's own latency of the level's actions (its request log: handler start to answer). */
  server: number[];
}

let server: Server | undefined;

async function floorProbe(baseUrl: string, until: () => boolean): Promise<{ samples: number[]; errors: number }> {
  const samples: number[] = [];
  let errors = 0;
  while (!until()) {
    const t0 = performance.now();
    try {
      const ok = await withDeadline(
        (async () => {
          const res = await fetch(`${baseUrl}/api/floor`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          await res.text();
          return res.ok;
        })(),
        REQUEST_TIMEOUT_MS + 1_000,
      );
      if (ok) samples.push(performance.now() - t0);
      else errors++;
    } catch {
      errors++;
    }
    await sleep(Math.max(0, FLOOR_EVERY_MS - (performance.now() - t0)));
  }
  return { samples, errors };
}

async function runLevel(learners: Learner[], level: number): Promise<LevelResult> {
  const result: LevelResult = {
    learners: level,
    seconds: 0,
    commands: [],
    actions: { command: 0, check: 0, hint: 0 },
    errors: new Map(),
    floor: [],
    floorErrors: 0,
    acknowledged: 0,
    recorded: 0,
    abandoned: 0,
    loadBefore: os.loadavg(),
    loadAfter: [],
    fromMs: Date.now(),
    toMs: 0,
    server: [],
  };
  const started = performance.now();
  const endAt = started + LEVEL_S * 1000;
  const over = () => performance.now() >= endAt;
  const probe = floorProbe(server!.baseUrl, over);
  let shown = 0;
  await Promise.all(
    learners.map(async (learner, i) => {
      await sleep(Math.random() * THINK_MAX); // arrivals spread over one think time
      for (let n = i; !over(); n++) {
        const type = n % 12 === 11 ? "check" : n % 20 === 19 ? "hint" : "command";
        const answer = await learner.act(type === "command" ? { type, line: learner.nextCommand() } : { type });
        result.actions[type]++;
        if (answer.status === 201) {
          if (type === "command") result.commands.push(answer.ms);
        } else {
          result.errors.set(answer.status, (result.errors.get(answer.status) ?? 0) + 1);
          if (shown++ < 5) console.log(`  ${type}: ${answer.status || "no answer"} after ${answer.ms.toFixed(0)} ms ${answer.error ?? ""}`);
        }
        await sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
      }
    }),
  );
  const floor = await probe;
  result.seconds = (performance.now() - started) / 1000;
  result.floor = floor.samples;
  result.floorErrors = floor.errors;
  result.loadAfter = os.loadavg();
  result.toMs = Date.now();
  result.server = serverActionLatencies(server!.logFile, result.fromMs, result.toMs);
  return result;
}

/**
 * The latencies the server itself logged (lib/observability/request-log.ts: from the route
 * handler's start to its answer) for the actions answered 201 between `fromMs` and `toMs`.
 * The difference to the client's round trip is time spent before and after the handler:
 * waiting for the event loop, Next.js's request and response handling, the network, the client.
 */
function serverActionLatencies(logFile: string, fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  for (const line of fs.readFileSync(logFile, "utf8").split("\n")) {
    if (!line.startsWith("{") || !line.includes('/actions"')) continue;
    try {
      const entry = JSON.parse(line) as { time?: string; method?: string; path?: string; status?: number; latencyMs?: number };
      const at = Date.parse(entry.time ?? "");
      if (entry.method === "POST" && entry.status === 201 && entry.path?.endsWith("/actions") && at >= fromMs && at <= toMs && typeof entry.latencyMs === "number") out.push(entry.latencyMs);
    } catch {
      // not a request line
    }
  }
  return out.sort((a, b) => a - b);
}

/** How many server processes answered requests (the distinct pids of the request log). */
function serverProcesses(logFile: string): number {
  const pids = new Set<number>();
  for (const line of fs.readFileSync(logFile, "utf8").split("\n")) {
    const m = /^\{"time":"[^"]*","level":"\w+","pid":(\d+),/.exec(line);
    if (m) pids.add(Number(m[1]));
  }
  return pids.size;
}

function fmt(ms: number): string {
  return Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : "–";
}

async function main(scratch: Scratch): Promise<void> {
  const started = await startScratchServer(scratch);
  server = started;
  const databaseUrl = embeddedDatabaseUrl(server);
  // Wrong methods over real HTTP (the in-process fuzz in tests/web/fuzz cannot reach Next's router).
  const wrongMethods = await checkWrongMethods(server.baseUrl);
  console.log(wrongMethods.length ? `Wrong methods not answered 405: ${wrongMethods.join(", ")}` : "Every API route answers 405 to the methods it does not export.");
  const scenarios = catalogueIds();
  const learners: Learner[] = [];
  const results: LevelResult[] = [];
  let failed = false;
  let abandonedSoFar = 0;

  for (const level of LEVELS) {
    const joining = Array.from({ length: level - learners.length }, () => new Learner(server!.baseUrl));
    const setupStart = performance.now();
    for (let i = 0; i < joining.length; i += 10) {
      await Promise.all(joining.slice(i, i + 10).map((l, j) => l.setUp(scenarios[(learners.length + i + j) % scenarios.length])));
    }
    learners.push(...joining);
    console.log(`\n${level} learners (${joining.length} joined in ${((performance.now() - setupStart) / 1000).toFixed(1)} s); ${LEVEL_S} s…`);
    const result = await runLevel(learners, level);
    const stored = await storedActions(databaseUrl, learners.map((l) => l.attemptId));
    result.acknowledged = learners.reduce((n, l) => n + l.acknowledged.length, 0);
    result.recorded = stored.length;
    const storedKeys = new Set(stored.map((s) => `${s.attemptId}/${s.seq}`));
    const missing = learners.flatMap((l) => l.acknowledged).filter((a) => !storedKeys.has(`${a.attemptId}/${a.seq}`)).length;
    abandonedSoFar += result.errors.get(0) ?? 0;
    result.abandoned = abandonedSoFar;
    // Nothing lost (every acknowledged action stored), nothing doubled (at most one row per request sent).
    if (missing > 0 || result.recorded < result.acknowledged || result.recorded > result.acknowledged + abandonedSoFar) failed = true;
    results.push(result);
    const sorted = [...result.commands].sort((a, b) => a - b);
    const floor = [...result.floor].sort((a, b) => a - b);
    const errors = [...result.errors.values()].reduce((a, b) => a + b, 0);
    console.log(
      `  commands ${sorted.length} (${(result.actions.command / result.seconds).toFixed(1)}/s, + ${result.actions.check} checks, ${result.actions.hint} hints): ` +
        `median ${fmt(percentile(sorted, 50))} ms, p90 ${fmt(percentile(sorted, 90))} ms, p99 ${fmt(percentile(sorted, 99))} ms, max ${fmt(sorted.at(-1) ?? NaN)} ms; errors ${errors}`,
    );
    console.log(`  server-side (handler) time of the level's actions: median ${fmt(percentile(result.server, 50))} ms, p99 ${fmt(percentile(result.server, 99))} ms (${result.server.length} logged)`);
    console.log(`  floor /api/floor: median ${fmt(percentile(floor, 50))} ms, p99 ${fmt(percentile(floor, 99))} ms (${floor.length} probes, ${result.floorErrors} errors)`);
    console.log(`  acknowledged ${result.acknowledged} vs Action rows ${result.recorded} (${missing} acknowledged missing, ${abandonedSoFar} requests abandoned by clients so far); load ${result.loadAfter.map((x) => x.toFixed(2)).join(" ")}`);
  }
  const uptime = execFileSync("uptime", { encoding: "utf8" }).trim();
  console.log(`\n${uptime}`);

  if (WRITE_DOCS) {
    const rows = results.map((r) => {
      const sorted = [...r.commands].sort((a, b) => a - b);
      const floor = [...r.floor].sort((a, b) => a - b);
      const errors = [...r.errors].map(([status, n]) => `${n} × ${status === 0 ? "no answer" : status}`).join(", ") || "0";
      const ratio = (p: number) => (percentile(sorted, p) / percentile(floor, p)).toFixed(1);
      return (
        `| ${r.learners} | ${(r.actions.command / r.seconds).toFixed(0)} cmd/s (and ${r.actions.check + r.actions.hint} checks and hints in the level) | ` +
        `**${fmt(percentile(sorted, 50))}** / ${fmt(percentile(sorted, 90))} / **${fmt(percentile(sorted, 99))}** / ${fmt(sorted.at(-1) ?? NaN)} | ` +
        `${fmt(percentile(r.server, 50))} / ${fmt(percentile(r.server, 99))} | ` +
        `${fmt(percentile(floor, 50))} / ${fmt(percentile(floor, 99))} | ${ratio(50)}× / ${ratio(99)}× | ${errors} | ` +
        `${r.acknowledged.toLocaleString("en")} / ${r.recorded.toLocaleString("en")}${r.acknowledged === r.recorded ? " (equal)" : r.recorded > r.acknowledged && r.recorded <= r.acknowledged + r.abandoned ? ` (+${r.recorded - r.acknowledged} stored for requests the client had abandoned after ${REQUEST_TIMEOUT_MS / 1000} s; none lost)` : " **different**"} | ` +
        `${r.loadBefore[0].toFixed(2)} → ${r.loadAfter[0].toFixed(2)} |`
      );
    });
    const section = [
      "## Load: a class arriving at once (`npm run loadtest`)",
      "",
      `Command: \`npm run loadtest\` (\`tsx tests/load/loadtest.ts\`, levels ${LEVELS.join(" → ")}, ${LEVEL_S} s each). It starts the production ` +
        "server through `lib/server/start.ts` (embedded PostgreSQL 18 in a fresh temporary `DATA_DIR`, migrations, the server worker `lib/server/worker.ts` in " +
        `${serverProcesses(server!.logFile)} processes, \`WEB_CONCURRENCY\`'s default here) on a loopback ` +
        "port. Each simulated learner, like a browser, keeps its own keep-alive connection, signs in as a guest, starts an attempt (scenarios spread over the catalogue) and then acts every " +
        `${THINK_MIN / 1000}–${THINK_MAX / 1000} s: kubectl commands (get pods, describe pod, get events, logs, get deploy -o wide), a \`check\` every ~12th ` +
        "action, a `hint` every ~20th. Learners join at each level and the earlier ones keep going. A round trip is timed in the client, from " +
        "sending `POST /api/attempts/<id>/actions` to having read the whole answer (session, JSON, engine, and the PostgreSQL transaction that " +
        "stores the action before the answer). The floor is `GET /api/floor` (a constant, no session, no database, served by Next.js) probed every 100 ms during " +
        "the same level, so it bears the same load. Server time is what the server logged for the same actions (route handler start to " +
        "answer: session, JSON, engine, PostgreSQL); the rest of a round trip is waiting for the event loop, the HTTP " +
        "plumbing, and the client. Rows are the `Action` rows of the learners' attempts, counted in PostgreSQL after each level, " +
        "against every action a client saw acknowledged (201), set-up commands included.",
      "",
      "| learners | rate | command round trip ms: median / p90 / p99 / max | server time ms: median / p99 | floor ms: median / p99 | command ÷ floor (median / p99) | errors | acknowledged / rows | load avg (1 min) |",
      "|---|---|---|---|---|---|---|---|---|",
      ...rows,
      "",
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), ` +
        `Node ${process.version}, ${buildInfo()}; client and server on the same machine. \`uptime\` after the run: \`${uptime}\`.`,
    ].join("\n");
    writeDocsSection("load", section, DOCS_FILE);
    console.log(`Wrote ${path.relative(process.cwd(), DOCS_FILE)}`);
  }
  if (process.env.LOAD_SERVER_LOG) fs.copyFileSync(server.logFile, process.env.LOAD_SERVER_LOG);
  if (wrongMethods.length) failed = true;
  if (failed) {
    console.error("An acknowledged action is missing, or more rows than requests were stored.");
    process.exitCode = 1;
  }
}

runLoadScript("crashcourse-loadtest-", main);
