/**
 * `npm run seed:demo`: fills the database with the demo class (see seed-demo-data.ts).
 * Uses DATABASE_URL, else the embedded PostgreSQL under DATA_DIR that `npm start` uses
 * (run it while the server is stopped), applying the migrations first.
 */
import path from "node:path";
import { parseEnv } from "../lib/env";
import { migrateDatabase } from "../lib/server/migrate-database";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../lib/server/start-embedded-postgres";
import { seedDemoData } from "./seed-demo-data";

async function main(): Promise<void> {
  const env = parseEnv();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(path.resolve(env.DATA_DIR), "postgres") });
    databaseUrl = embedded.url;
  }
  try {
    await migrateDatabase({ databaseUrl });
    const result = await seedDemoData({ databaseUrl, log: (line) => console.log(line) });
    console.log(
      `Seeded in ${(result.ms / 1000).toFixed(1)} s: ${result.learners} learners, ${result.assignments} assignments, ` +
        `${result.attempts} attempts, ${result.actions} actions.\n` +
        `Sign in as ${result.instructorEmail} / ${result.instructorPassword}, then open Teaching → the demo class (join code ${result.joinCode}).`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
