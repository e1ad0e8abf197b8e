/**
 * Web benchmarks (issue 5): with the demo class seeded (300 learners × 30 assignments,
 * ~500,000 actions), how long the class dashboard's server work takes (target < 200 ms)
 * and how long one attempt's replay takes to load (target < 100 ms).
 *
 * `npm run bench:web`: starts an embedded PostgreSQL in a temp dir (or uses
 * BENCH_DATABASE_URL), migrates, seeds with scripts/seed-demo-data.ts, then times the
 * service functions the routes call, JSON serialisation included. Prints medians and
 * writes them to docs/benchmarks.md between the web-bench markers.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrateDatabase } from "../../lib/server/migrate-database";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/server/start-embedded-postgres";
import { seedDemoData } from "../../scripts/seed-demo-data";

const root = path.resolve(import.meta.dirname, "../..");
const RUNS = 30;

function stats(xs: number[]): { median: number; p90: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p90: s[Math.min(s.length - 1, Math.floor(s.length * 0.9))] };
}

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<{ median: number; p90: number }> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: connection pool, query compilation, JIT
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  let tempDir: string | undefined;
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "crashcourse-bench-"));
    fs.chmodSync(tempDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "postgres"), database: "crashcourse_bench" });
    databaseUrl = embedded.url;
  }
  try {
    await migrateDatabase({ databaseUrl, root });
    console.log("Seeding the demo class…");
    const seeded = await seedDemoData({ databaseUrl, log: (l) => console.log(l) });
    console.log(`Seeded ${seeded.actions} actions, ${seeded.attempts} attempts in ${(seeded.ms / 1000).toFixed(1)} s`);

    // lib/db reads DATABASE_URL when first imported.
    process.env.DATABASE_URL = databaseUrl;
    const { db } = await import("../../lib/db");
    const { getClassDashboard } = await import("../../lib/classes/get-class-dashboard");
    const { getClassAttemptReplay } = await import("../../lib/classes/get-class-attempt-replay");
    const { exportClassResults } = await import("../../lib/classes/export-class-results");
    const user = await db.user.findUniqueOrThrow({ where: { email: seeded.instructorEmail }, select: { id: true, email: true, name: true, role: true, isGuest: true } });
    const replayActions = await db.action.count({ where: { attemptId: seeded.sampleAttemptId } });

    const dashboard = await time(async () => JSON.stringify(await getClassDashboard({ user, classId: seeded.classId })));
    const replay = await time(async () => JSON.stringify(await getClassAttemptReplay({ user, classId: seeded.classId, attemptId: seeded.sampleAttemptId })), 50);
    const csv = await time(async () => (await exportClassResults({ user, classId: seeded.classId })).csv.length, 10);
    await db.$disconnect();

    const rows = [
      ["class dashboard (matrix 300 × 30 + per-scenario statistics)", dashboard, 200],
      [`one attempt's replay (${replayActions} actions)`, replay, 100],
      ["CSV export (9,000 rows)", csv, null],
    ] as const;
    for (const [name, s, target] of rows) console.log(`${name}: median ${s.median.toFixed(1)} ms, p90 ${s.p90.toFixed(1)} ms${target ? ` (target < ${target} ms)` : ""}`);

    const section = [
      "<!-- web-bench:start -->",
      "## Web: class dashboard and replay (`npm run bench:web`)",
      "",
      `Data: \`scripts/seed-demo-data.ts\` (what \`npm run seed:demo\` runs): ${seeded.learners} learners × ${seeded.assignments} assigned scenarios, ` +
        `${seeded.attempts.toLocaleString("en")} attempts, ${seeded.actions.toLocaleString("en")} actions, seeded in ${(seeded.ms / 1000).toFixed(0)} s ` +
        "(multi-row `INSERT … SELECT FROM unnest(…)` batches through `pg`). Embedded PostgreSQL 18, same machine. " +
        "Timed: the service function each route calls, plus `JSON.stringify` of its answer; 3 warm-up runs, then " +
        `${RUNS} runs (replay: 50, CSV: 10).`,
      "",
      "| what | median | p90 | target |",
      "|---|---|---|---|",
      ...rows.map(([name, s, target]) => `| ${name} | ${s.median.toFixed(1)} ms | ${s.p90.toFixed(1)} ms | ${target ? `< ${target} ms` : "—"} |`),
      "",
      `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} when done), Node ${process.version}.`,
      "",
      "The dashboard reads per-attempt aggregates kept on the Attempt row by `recordAction` (command, hint and check",
      "counts; the non-fixes and the commands before a solve, recomputed from the actions at each check), never the",
      "actions themselves; the replay is one indexed read of the attempt's actions (`Action(attemptId, seq)`).",
      "<!-- web-bench:end -->",
    ].join("\n");
    const file = path.join(root, "docs", "benchmarks.md");
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
    const marked = /<!-- web-bench:start -->[\s\S]*?<!-- web-bench:end -->/;
    fs.writeFileSync(file, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
    console.log(`Wrote ${path.relative(root, file)}`);
  } finally {
    await embedded?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
