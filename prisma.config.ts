import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

/**
 * Prisma CLI configuration. The schema engine runs as WebAssembly (`engine: "js"`)
 * through the pg driver adapter, so no native engine download is needed.
 */
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // The adapter connects lazily: commands that need no database (generate,
    // `migrate diff --from-empty`) run without DATABASE_URL; the others fail to connect.
    const url = process.env.DATABASE_URL ?? "postgresql://unset@127.0.0.1:1/unset";
    return new PrismaPg({ connectionString: url, idleTimeoutMillis: 50, allowExitOnIdle: true });
  },
});
