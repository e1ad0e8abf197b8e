/**
 * `npm run chaos` (issue 6): faults in the middle of load, and what the learners see.
 *
 * Starts the production server as `npm start` does (tests/load/harness.ts) on a loopback
 * port with its embedded PostgreSQL in a temporary DATA_DIR, and CHAOS_LEARNERS guest
 * learners who act every 0.3–0.7 s. Then:
 *
 * 1. Crash: after a few seconds the server's whole process group (start.ts and
 *    the server workers) gets SIGKILL mid-load, and is started again on the same DATA_DIR and
 *    port (same auth secret, so the learners' cookies still work). Checked: every action
 *    a learner saw acknowledged (201) is in PostgreSQL with the same input and output;
 *    every attempt's stored actions replay through the engine (lib/attempts/engine-session)
 *    to exactly the outputs stored, so the state a learner last saw is the state a replay
 *    rebuilds; the attempt view (`GET /api/attempts/<id>`) ends at the last stored action;
 *    and every learner continues (a 201 after the restart, with a higher seq).
 * 2. Database outage: PostgreSQL is stopped (fast shutdown through its pid file) for
 *    CHAOS_PG_DOWN_S seconds while learners act, then started again with its own command
 *    line (`postmaster.opts`). Checked: every answer meanwhile is a 201 or a JSON 503 with
 *    `Retry-After` (no 500, no hang: none slower than CHAOS_MAX_MS), `/api/readyz` says 503,
 *    the server recovers by itself (every learner gets a 201 again without a restart), and
 *    again every acknowledged action is stored.
 *
 * Environment: CHAOS_LEARNERS (30), CHAOS_CRASH_AFTER_S (6), CHAOS_PG_DOWN_S (5),
 * CHAOS_MAX_MS (5000). Exit code 1 when any check fails.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { applyAction, parseStoredAction, startSession, type LiveSession, type StoredAction } from "../../lib/attempts/engine-session";
import {
  catalogueIds,
  crashServer,
  embeddedDatabaseUrl,
  freePort,
  Learner,
  percentile,
  restartPostgres,
  sleep,
  startServer,
  stopPostgres,
  stopServer,
  storedActions,
  waitReady,
  type Answer,
  type Server,
} from "./harness";

const LEARNERS = Number(process.env.CHAOS_LEARNERS ?? 30);
const CRASH_AFTER_S = Number(process.env.CHAOS_CRASH_AFTER_S ?? 6);
const PG_DOWN_S = Number(process.env.CHAOS_PG_DOWN_S ?? 5);
const MAX_MS = Number(process.env.CHAOS_MAX_MS ?? 5_000);

let server: Server | undefined;
let tempDir: string | undefined;
const problems: string[] = [];

function check(ok: boolean, message: string): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${message}`);
  if (!ok) problems.push(message);
}

interface Timed extends Answer {
  at: number;
  learner: number;
}

/** Learners acting in a loop until `stop()`; every answer is kept with its time. */
function runLearners(learners: Learner[]) {
  const answers: Timed[] = [];
  let stopped = false;
  const done = Promise.all(
    learners.map(async (learner, i) => {
      await sleep(Math.random() * 500);
      for (let n = 0; !stopped; n++) {
        const at = performance.now();
        const answer = await learner.act(n % 15 === 14 ? { type: "check" } : { type: "command", line: learner.nextCommand() });
        answers.push({ ...answer, at, learner: i });
        await sleep(answer.status === 0 ? 500 : 300 + Math.random() * 400);
      }
    }),
  );
  return {
    answers,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

/** Every acknowledged action is stored with the input and output the learner saw. */
async function checkAcknowledged(learners: Learner[], databaseUrl: string, when: string) {
  const stored = await storedActions(databaseUrl, learners.map((l) => l.attemptId));
  const byKey = new Map(stored.map((s) => [`${s.attemptId}/${s.seq}`, s]));
  const acked = learners.flatMap((l) => l.acknowledged);
  const missing = acked.filter((a) => !byKey.has(`${a.attemptId}/${a.seq}`));
  const changed = acked.filter((a) => {
    const s = byKey.get(`${a.attemptId}/${a.seq}`);
    return s && (s.type !== a.type || s.input !== a.input || s.output !== a.output);
  });
  check(missing.length === 0 && changed.length === 0, `${when}: all ${acked.length} acknowledged actions stored as seen (${missing.length} missing, ${changed.length} different); ${stored.length - acked.length} stored but never acknowledged (answer lost in the fault)`);
  return stored;
}

/** Replays each attempt's stored actions through the engine and compares every output with the stored one. */
function checkReplay(learners: Learner[], stored: Awaited<ReturnType<typeof storedActions>>) {
  let compared = 0;
  const mismatches: string[] = [];
  const t0 = performance.now();
  for (const learner of learners) {
    const actions = stored.filter((s) => s.attemptId === learner.attemptId);
    let live: LiveSession = startSession(learner.scenarioId, seedOf.get(learner.attemptId) ?? 0);
    for (const action of actions) {
      const step = applyAction(live, parseStoredAction(action as unknown as StoredAction), action.virtualMs);
      live = step.live;
      compared++;
      if (step.outcome.output !== action.output) mismatches.push(`${learner.attemptId} seq ${action.seq}`);
    }
    const last = learner.acknowledged.at(-1);
    const lastStored = actions.find((a) => a.seq === last?.seq);
    if (last && lastStored?.output !== last.output) mismatches.push(`${learner.attemptId}: last seen seq ${last.seq} differs`);
  }
  check(mismatches.length === 0, `replaying ${learners.length} attempts (${compared} actions, ${(performance.now() - t0).toFixed(0)} ms) gives every stored output, the last one each learner saw included${mismatches.length ? `: ${mismatches.slice(0, 3).join("; ")}` : ""}`);
}

const seedOf = new Map<string, number>();

async function loadSeeds(databaseUrl: string, attemptIds: string[]): Promise<void> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ id: string; seed: number }>(`SELECT id, seed FROM "Attempt" WHERE id = ANY($1)`, [attemptIds]);
    for (const r of rows.rows) seedOf.set(r.id, r.seed);
  } finally {
    await client.end();
  }
}

function summarize(answers: Timed[]): string {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} × ${s === 0 ? "no answer" : s}`).join(", ");
}

async function main(): Promise<void> {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "crashcourse-chaos-"));
  fs.chmodSync(tempDir, 0o755);
  const dataDir = path.join(tempDir, "data");
  const logFile = path.join(tempDir, "server.log");
  const port = await freePort();
  server = startServer({ dataDir, logFile, port });
  console.log(`Starting the production server on ${server.baseUrl} (DATA_DIR ${dataDir})…`);
  await waitReady(server);
  const databaseUrl = embeddedDatabaseUrl(server);
  const scenarios = catalogueIds();
  const learners = Array.from({ length: LEARNERS }, () => new Learner(server!.baseUrl));
  for (let i = 0; i < learners.length; i += 10) await Promise.all(learners.slice(i, i + 10).map((l, j) => l.setUp(scenarios[(i + j) % scenarios.length])));
  await loadSeeds(databaseUrl, learners.map((l) => l.attemptId));

  // ---- 1. SIGKILL mid-load, restart on the same DATA_DIR ----
  console.log(`\n1. ${LEARNERS} learners; SIGKILL of the server after ${CRASH_AFTER_S} s, then a restart`);
  let run = runLearners(learners);
  await sleep(CRASH_AFTER_S * 1000);
  const beforeCrash = learners.map((l) => l.acknowledged.at(-1)?.seq ?? 0);
  const crashAt = performance.now();
  await crashServer(server);
  console.log(`  killed after ${run.answers.length} answers; restarting…`);
  server = startServer({ dataDir, logFile, port });
  const restartMs = await waitReady(server, 120_000);
  const restartedAt = performance.now();
  console.log(`  ready again ${(restartMs / 1000).toFixed(1)} s after the restart (${((restartedAt - crashAt) / 1000).toFixed(1)} s after the kill)`);
  // Learners continue: wait (up to 60 s) until each has an acknowledged action sent after the restart.
  const continueDeadline = performance.now() + 60_000;
  while (performance.now() < continueDeadline && new Set(run.answers.filter((a) => a.at >= restartedAt && a.status === 201).map((a) => a.learner)).size < learners.length) await sleep(200);
  await run.stop();
  const crashDb = embeddedDatabaseUrl(server);
  console.log(`  answers: ${summarize(run.answers)}`);
  const stored = await checkAcknowledged(learners, crashDb, "after the crash");
  checkReplay(learners, stored);
  const continued = learners.filter((l, i) => (l.acknowledged.at(-1)?.seq ?? 0) > beforeCrash[i]).length;
  check(continued === learners.length, `${continued} of ${learners.length} learners continued after the restart (a 201 with a higher seq)`);
  let viewsOk = 0;
  for (const learner of learners) {
    // One retry: a keep-alive connection the client pooled before the crash may be closed under it.
    const res = await learner.request("GET", `/api/attempts/${learner.attemptId}`).catch(() => learner.request("GET", `/api/attempts/${learner.attemptId}`));
    const view = (await res.json()) as { history?: { seq: number }[] };
    const lastStored = stored.filter((s) => s.attemptId === learner.attemptId).at(-1)?.seq;
    if (res.status === 200 && view.history?.at(-1)?.seq === lastStored) viewsOk++;
  }
  check(viewsOk === learners.length, `${viewsOk} of ${learners.length} attempt views end at the last stored action`);
  const wrongDuringCrash = run.answers.filter((a) => a.status !== 201 && a.status !== 0 && a.status !== 503);
  check(wrongDuringCrash.length === 0, `no answer other than 201, 503 or a refused connection around the crash (${wrongDuringCrash.length}${wrongDuringCrash[0] ? `: ${wrongDuringCrash[0].status} ${wrongDuringCrash[0].error}` : ""})`);

  // ---- 2. PostgreSQL down for a few seconds ----
  console.log(`\n2. PostgreSQL stopped for ${PG_DOWN_S} s under the same learners`);
  run = runLearners(learners);
  await sleep(3_000);
  const readyProbe: number[] = [];
  const downAt = performance.now();
  await stopPostgres(dataDir);
  const stoppedAt = performance.now();
  console.log(`  stopped in ${(stoppedAt - downAt).toFixed(0)} ms`);
  const probeUntil = stoppedAt + PG_DOWN_S * 1000;
  while (performance.now() < probeUntil) {
    const res = await fetch(`${server.baseUrl}/api/readyz`, { signal: AbortSignal.timeout(MAX_MS) }).catch(() => undefined);
    readyProbe.push(res?.status ?? 0);
    await res?.body?.cancel();
    await sleep(500);
  }
  await restartPostgres(dataDir, crashDb);
  const backAt = performance.now();
  console.log(`  PostgreSQL back after ${((backAt - downAt) / 1000).toFixed(1)} s`);
  // Recovery: every learner has a 201 sent after PostgreSQL is back.
  const recoverDeadline = backAt + 30_000;
  while (performance.now() < recoverDeadline && new Set(run.answers.filter((a) => a.at >= backAt && a.status === 201).map((a) => a.learner)).size < learners.length) await sleep(200);
  await sleep(1_000);
  await run.stop();
  const during = run.answers.filter((a) => a.at >= downAt && a.at < backAt);
  const after = run.answers.filter((a) => a.at >= backAt);
  console.log(`  answers while down: ${summarize(during)}; after: ${summarize(after)}`);
  const bad = during.filter((a) => a.status !== 201 && !(a.status === 503 && a.retryAfter && a.body?.error?.code === "unavailable"));
  check(bad.length === 0, `while PostgreSQL was down every answer was a 201 or a JSON 503 with Retry-After (${during.filter((a) => a.status === 503).length} × 503; ${bad.length} others${bad[0] ? `, e.g. ${bad[0].status} ${bad[0].error?.slice(0, 120)}` : ""})`);
  const slow = [...during].sort((a, b) => b.ms - a.ms)[0];
  check(!slow || slow.ms < MAX_MS, `no request hung: slowest answer while down ${slow ? slow.ms.toFixed(0) : 0} ms (limit ${MAX_MS} ms)`);
  check(readyProbe.length > 0 && readyProbe.every((s) => s === 503), `/api/readyz answered 503 while down (${readyProbe.join(", ")})`);
  const firstBack = after.filter((a) => a.status === 201).map((a) => a.at + a.ms - backAt).sort((a, b) => a - b);
  const recovered = new Set(after.filter((a) => a.status === 201).map((a) => a.learner)).size;
  check(recovered === learners.length, `the server recovered by itself: ${recovered} of ${learners.length} learners acknowledged again, the first ${firstBack.length ? (firstBack[0] / 1000).toFixed(1) : "–"} s after PostgreSQL was back`);
  const afterErrors = after.filter((a) => a.status !== 201 && a.at > backAt + 5_000);
  check(afterErrors.length === 0, `no errors from 5 s after PostgreSQL was back (${afterErrors.length})`);
  const sortedAfter = after.filter((a) => a.status === 201).map((a) => a.ms).sort((a, b) => a - b);
  console.log(`  round trip after recovery: median ${percentile(sortedAfter, 50).toFixed(1)} ms, p99 ${percentile(sortedAfter, 99).toFixed(1)} ms`);
  await checkAcknowledged(learners, crashDb, "after the outage");

  console.log(problems.length ? `\n${problems.length} check(s) failed.` : "\nAll chaos checks passed.");
  if (problems.length) process.exitCode = 1;
}

let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= stopServer(server)
    .catch((e: unknown) => console.error("cleanup:", e))
    .finally(() => {
      if (tempDir && !process.env.CHAOS_KEEP) fs.rmSync(tempDir, { recursive: true, force: true });
    }));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanup().then(() => process.exit(130)));

main()
  .catch((error: unknown) => {
    console.error(error);
    if (server) console.error(fs.readFileSync(server.logFile, "utf8").split("\n").slice(-30).join("\n"));
    process.exitCode = 1;
  })
  .finally(() => cleanup());
