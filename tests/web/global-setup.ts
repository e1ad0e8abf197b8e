import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../lib/server/migrate-database";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/server/start-embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A URL to the same server's maintenance database, for tests that create scratch databases. */
    adminUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
let database: EmbeddedDatabase | undefined;
let tempDir: string | undefined;

/**
 * Starts a real PostgreSQL for the web tests: embedded, on a free loopback port,
 * with its data in a temporary folder that is removed afterwards. Then generates
 * the Prisma client and applies the migrations exactly as `npm start` does.
 */
export async function setup(project: TestProject): Promise<void> {
  execFileSync(process.execPath, [path.join(root, "prisma", "cli.mjs"), "generate"], { cwd: root, stdio: "pipe" });

  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "crashcourse-test-"));
  fs.chmodSync(tempDir, 0o755); // PostgreSQL runs as its own user when we are root
  database = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "postgres"), database: "crashcourse_test" });
  const url = new URL(database.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`Refusing to run tests against a non-local database (${url.hostname})`);
  }
  await migrateDatabase({ databaseUrl: database.url, root });

  const adminUrl = new URL(database.url);
  adminUrl.pathname = "/postgres";
  project.provide("databaseUrl", database.url);
  project.provide("adminUrl", adminUrl.toString());
}

/** Stops the test database and removes its files. */
export async function teardown(): Promise<void> {
  await database?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
}
