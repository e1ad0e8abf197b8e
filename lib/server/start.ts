/**
 * `npm start`: builds the app if the build is missing or older than its sources,
 * starts an embedded PostgreSQL under DATA_DIR when DATABASE_URL is unset, applies
 * migrations, and serves the production build in WEB_CONCURRENCY processes (one per CPU,
 * at most 4, by default), each running lib/server/worker.ts as bundled by the build.
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseEnv } from "../env";
import { migrateDatabase } from "./migrate-database";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./start-embedded-postgres";

const root = process.cwd();
const env = parseEnv();

/** How long the server keeps an idle connection open (Node's default is 5 s). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Sources whose change makes the production build stale. */
const buildInputs = ["app", "lib", "engine", "scenarios", "prisma/schema.prisma", "next.config.js", "package-lock.json", "scripts/build-worker.mjs"];

/** The server worker, bundled by `npm run build` after Next's build (scripts/build-worker.mjs). */
const workerBundle = path.join(root, ".next", "server-worker.mjs");

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  // A build is whole once the worker is bundled too (it is made last).
  const builtAt = fs.existsSync(buildId) && fs.existsSync(workerBundle) ? fs.statSync(buildId).mtimeMs : 0;
  if (builtAt && env.SKIP_BUILD_CHECK === "1") return;
  const changedAt = Math.max(...buildInputs.map((p) => newestMtime(path.join(root, p))));
  if (builtAt > changedAt) return;
  console.log(builtAt ? "Sources changed since the last build: rebuilding." : "No production build yet: building.");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function authSecret(dataDir: string): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function main(): Promise<void> {
  buildIfNeeded();
  const dataDir = path.resolve(root, env.DATA_DIR);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    databaseUrl = embedded.url;
    console.log(`Embedded PostgreSQL on 127.0.0.1:${embedded.port} (data in ${path.join(dataDir, "postgres")})`);
  }
  const migrateOutput = await migrateDatabase({ databaseUrl, root });
  const summary = migrateOutput.split("\n").filter((l) => /migrations? (found|have been|to apply)|successfully applied|└─/.test(l));
  console.log(summary.join("\n"));

  const workers = env.WEB_CONCURRENCY ?? Math.min(os.availableParallelism(), 4);
  // Every worker (lib/server/worker.ts) serves the production build; node:cluster shares the
  // listening socket and hands each new connection to the next worker, so a learner's
  // keep-alive connection stays on one.
  cluster.setupPrimary({
    exec: workerBundle,
    // A larger young generation: under a class's load the server allocates fast, and 32 MB
    // semi-spaces halve the scavenges and their pauses (docs/benchmarks.md, load section).
    // PROFILE_DIR: each worker writes a CPU profile there as it exits (docs/benchmarks.md).
    execArgv: ["--max-semi-space-size=32", ...(env.PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(env.PROFILE_DIR)}`] : [])],
  });
  const workerEnv = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(dataDir),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://${env.HOST}:${env.PORT}`,
    PORT: String(env.PORT),
    HOSTNAME: env.HOST,
    // Idle keep-alive connections live 65 s, longer than a proxy's upstream keep-alive
    // (ingress-nginx: 60 s) and a learner's think time, so a learner's connection (and its
    // process, which holds their session) outlasts the pauses between commands.
    KEEP_ALIVE_TIMEOUT: String(KEEP_ALIVE_TIMEOUT_MS),
  };
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork(workerEnv);
    startedAt.set(worker.id, Date.now());
  };
  for (let i = 0; i < workers; i++) fork();
  if (workers > 1) console.log(`${workers} server processes (WEB_CONCURRENCY)`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    await Promise.all(
      running.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker!.once("exit", () => resolve());
            worker!.process.kill("SIGTERM");
          }),
      ),
    );
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const livedMs = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    // A worker that dies after running a while is replaced (its learners' next commands
    // rebuild their sessions on the others); one that dies at start-up stops everything.
    if (livedMs > 30_000) {
      console.error(`Server process ${worker.process.pid} exited (${signal ?? code}); starting another.`);
      fork();
    } else void stop(code || 1);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
