import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { env } from "./env";

function createClient(): PrismaClient<{ omit: { user: { passwordHash: true } } }> {
  // A connection that cannot be opened in 5 s fails (a 503 with Retry-After) instead of
  // holding the request until the transaction's 15 s maxWait.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
  // Password hashes never leave the database unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForDb = globalThis as unknown as { crashcourseDb?: ReturnType<typeof createClient> };

/**
 * The one Prisma client of the process (Rust-free: queries are compiled in WebAssembly
 * and sent through `pg`). Cached on globalThis so dev reloads don't open new pools.
 */
export const db = globalForDb.crashcourseDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.crashcourseDb = db;

/** A transaction client, as handed to `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
