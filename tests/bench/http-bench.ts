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
 * Server lifecycle and learners are the load test's (`tests/load/harness.ts`).
 *
 * Environment: BENCH_LEARNERS (50), BENCH_DURATION_S (60), BENCH_MAX_PER_LEARNER (200),
 * BENCH_THINK_MS ("500-1500"), BENCH_WRITE_DOCS ("1": update docs/benchmarks.md between the
 * http-bench markers). SKIP_BUILD_CHECK=1 serves whatever build exists (as for `npm start`).
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import {
  buildInfo,
  catalogueIds,
  embeddedDatabaseUrl,
  Learner,
  percentile,
  runLoadScript,
  type Scratch,
  sleep,
  startScratchServer,
  writeDocsSection,
} from "../load/harness";

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 60);
const MAX_PER_LEARNER = Number(process.env.BENCH_MAX_PER_LEARNER ?? 200);
const [THINK_MIN, THINK_MAX] = (process.env.BENCH_THINK_MS ?? "500-1500").split("-").map(Number);
const WRITE_DOCS = (process.env.BENCH_WRITE_DOCS ?? "1") === "1";


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

/** The server's own latency histogram for the actions route (201s): total seconds and count, from /api/metrics. */
async function serverActionTiming(baseUrl: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${baseUrl}/api/metrics`, { signal: AbortSignal.timeout(30_000) })).text();
  const pick = (suffix: string) =>
    text
      .split("\n")
      .filter((l) => l.startsWith(`crashcourse_http_request_duration_seconds_${suffix}{`) && l.includes('route="/api/attempts/[id]/actions"') && l.includes('status="201"') && l.includes('method="POST"'))
      .reduce((total, l) => total + Number(l.trim().split(/\s+/).at(-1)), 0);
  return { sum: pick("sum"), count: pick("count") };
}

async function main(scratch: Scratch): Promise<void> {
  const server = await startScratchServer(scratch);
  const baseUrl = server.baseUrl;

  const scenarios = catalogueIds();
  const learners = Array.from({ length: LEARNERS }, () => new Learner(baseUrl));
  // Set-up, 10 at a time: guest session, attempt, a first `kubectl get pods -A` to learn the pods (not timed).
  for (let i = 0; i < learners.length; i += 10) {
    await Promise.all(learners.slice(i, i + 10).map((learner, j) => learner.setUp(scenarios[(i + j) % scenarios.length])));
  }
  const setupActions = learners.length;
  console.log(`${learners.length} guest learners on ${Math.min(learners.length, scenarios.length)} scenarios; running for ${DURATION_S} s…`);

  const samples: Sample[] = [];
  const serverBefore = await serverActionTiming(baseUrl);
  const loadBefore = os.loadavg();
  const endAt = performance.now() + DURATION_S * 1000;
  const runStart = performance.now();
  await Promise.all(
    learners.map(async (learner) => {
      await sleep(Math.random() * THINK_MAX); // stagger the start
      for (let n = 0; n < MAX_PER_LEARNER && performance.now() < endAt; n++) {
        const line = learner.nextCommand();
        const result = await learner.act({ type: "command", line });
        samples.push({ ms: result.ms, status: result.status, command: commandLabel(line) });
        if (result.status !== 201 && samples.filter((x) => x.status !== 201).length <= 5) console.log(`  error ${result.status}: ${result.error}`);
        await sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
      }
    }),
  );
  const runSeconds = (performance.now() - runStart) / 1000;
  const serverAfter = await serverActionTiming(baseUrl);
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
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(server) });
  await client.connect();
  let recorded: number;
  let attemptsWithRows: number;
  try {
    const rows = await client.query<{ n: string; attempts: string }>(
      `SELECT count(*) AS n, count(DISTINCT "attemptId") AS attempts FROM "Action" WHERE "attemptId" = ANY($1) AND type = 'command'`,
      [learners.map((l) => l.attemptId)],
    );
    recorded = Number(rows.rows[0].n);
    attemptsWithRows = Number(rows.rows[0].attempts);
  } finally {
    await client.end();
  }
  const acknowledged = learners.reduce((n, l) => n + l.acknowledged.length, 0);
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
      "## HTTP: one command's round trip under 50 learners (`npm run bench:http`)",
      "",
      `Command: \`tsx tests/bench/http-bench.ts\`. It starts the production server through \`lib/server/start.ts\` (what \`npm start\` runs: ` +
        "build check, embedded PostgreSQL 18 in a fresh temporary `DATA_DIR`, migrations, `next start`) on a free loopback port, " +
        `creates ${LEARNERS} guest sessions ("Try it now", next-auth's guest provider) with an attempt each, spread over the ` +
        `${scenarios.length} scenarios, and lets them all send \`POST /api/attempts/<id>/actions\` concurrently for ${DURATION_S} s ` +
        `(at most ${MAX_PER_LEARNER} commands each), thinking ${THINK_MIN}–${THINK_MAX} ms between commands. The mix: ` +
        "`kubectl get pods` 30 %, `describe pod <pod>` 20 %, `get events` 20 %, `logs <pod>` 15 %, `get deploy -o wide` 15 %, " +
        "on the scenario's own pods and namespaces. A round trip is timed in the client from sending the request to having read the " +
        "whole response body: HTTP, session cookie, JSON parse, rate limit, the engine, and the Postgres statement that stores the " +
        "action before the answer. Client and server share the machine. The request rate is set by the think time " +
        `(${LEARNERS} learners × one command per ~1 s), so this measures latency at a realistic class load, not the server's saturation point.`,
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
        `${buildInfo()}. Load average ${loadBefore.map((x) => x.toFixed(2)).join(", ")} before the run, ` +
        `\`uptime\` after it: \`${uptime}\`.`,
    ].join("\n");
    writeDocsSection("http-bench", section);
    console.log("Wrote docs/benchmarks.md");
  }
  if (acknowledged !== recorded) process.exitCode = 1;
}

runLoadScript("crashcourse-bench-", main);
