import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { env } from "./env";

function createPool(): pg.Pool {
  // A connection that cannot be opened in 5 s fails (a 503 with Retry-After) instead of
  // holding the request until the transaction's 15 s maxWait.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection that breaks (PostgreSQL restarted) is dropped by the pool; without a
  // listener its 'error' event would end the process.
  pool.on("error", (error) => console.error(JSON.stringify({ level: "warn", msg: "idle database connection lost", error: error.message })));
  return pool;
}

function createClient(pool: pg.Pool): PrismaClient<{ omit: { user: { passwordHash: true } } }> {
  // Password hashes never leave the database unless a query asks for them by name.
  return new PrismaClient({ adapter: new PrismaPg(pool), omit: { user: { passwordHash: true } } });
}

const globalForDb = globalThis as unknown as { crashcoursePool?: pg.Pool; crashcourseDb?: ReturnType<typeof createClient> };

/**
 * The process's PostgreSQL connection pool. Prisma sends its queries through it; the few
 * statements on the command hot path (lib/attempts/record-action.ts) use it directly, as
 * one parameterised SQL statement each, without Prisma's per-query compilation.
 */
export const pool = (globalForDb.crashcoursePool ??= createPool());

/**
 * The one Prisma client of the process (Rust-free: queries are compiled in WebAssembly
 * and sent through `pool`). Kept on globalThis, as the pool is, so that a process holding
 * this module twice (Next.js's bundle, and the fast route's copy: lib/server/fast-route.ts)
 * or reloading it (dev) still opens one pool.
 */
export const db = (globalForDb.crashcourseDb ??= createClient(pool));

/** A transaction client, as handed to `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
