/**
 * `npm start`: builds the app if the build is missing or older than its sources,
 * starts an embedded PostgreSQL under DATA_DIR when DATABASE_URL is unset, applies
 * migrations, and serves the production build with `next start`.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "../env";
import { migrateDatabase } from "./migrate-database";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./start-embedded-postgres";

const root = process.cwd();
const env = parseEnv();

/** Sources whose change makes the production build stale. */
const buildInputs = ["app", "lib", "engine", "scenarios", "prisma/schema.prisma", "next.config.js", "package-lock.json"];

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
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
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

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  // A larger young generation: under a class's load the server allocates fast, and 32 MB
  // semi-spaces halve the scavenges and their pauses (docs/benchmarks.md, load section).
  const server = spawn(process.execPath, ["--max-semi-space-size=32", nextBin, "start", "-p", String(env.PORT), "-H", env.HOST], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: authSecret(dataDir),
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://${env.HOST}:${env.PORT}`,
    },
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) server.kill("SIGTERM");
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
