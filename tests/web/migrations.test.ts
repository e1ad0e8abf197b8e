import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createScratchDatabase, describeSchema } from "./helpers/scratch-database";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
const migrationNames = fs
  .readdirSync(migrationsDir)
  .filter((name) => fs.statSync(path.join(migrationsDir, name)).isDirectory())
  .sort();

describe("prisma migrations", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("are named <timestamp>_<name> and each holds a migration.sql", () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    for (const name of migrationNames) {
      expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(fs.existsSync(path.join(migrationsDir, name, "migration.sql"))).toBe(true);
    }
  });

  it("were all applied at setup and recorded in _prisma_migrations", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
  });

  it("produce exactly the schema that schema.prisma describes", async () => {
    // The database the migrations built, against one built straight from schema.prisma.
    const fromSchema = await createScratchDatabase();
    cleanups.push(fromSchema.drop);
    // Asynchronous, so the test worker keeps answering the runner while the CLI works.
    const { stdout: script } = await promisify(execFile)(
      process.execPath,
      [
        path.join(root, "prisma", "cli.mjs"),
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        path.join(root, "prisma", "schema.prisma"),
        "--script",
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: fromSchema.url }, encoding: "utf8" },
    );
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(script);
    await client.end();

    const migrated = await describeSchema(inject("databaseUrl"));
    const expected = await describeSchema(fromSchema.url);
    expect(migrated.columns.length).toBeGreaterThan(0);
    expect(migrated).toEqual(expected);
  });
});
