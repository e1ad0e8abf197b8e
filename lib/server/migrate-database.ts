import { spawn } from "node:child_process";
import path from "node:path";

/** Options for {@link migrateDatabase}. */
export interface MigrateDatabaseOptions {
  databaseUrl: string;
  /** The project root (holding prisma/); the current directory by default. */
  root?: string;
}

/**
 * Applies the pending versioned migrations of prisma/migrations with
 * `prisma migrate deploy`, which records each one in `_prisma_migrations`.
 * Resolves with the CLI's output; rejects with it when the CLI fails.
 */
export async function migrateDatabase(options: MigrateDatabaseOptions): Promise<string> {
  const root = options.root ?? process.cwd();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "prisma", "cli.mjs"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: options.databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`)),
    );
  });
}
