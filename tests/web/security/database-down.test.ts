import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/http/errors";
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import { findFreePort } from "@/lib/server/free-port";

/**
 * A lost database is a 503 with `Retry-After`, never a 500: checked with the real errors
 * Prisma (through the same pg driver adapter as lib/db.ts) and pg raise when nothing
 * listens, and when the server terminates the connection. (`npm run chaos` stops the
 * real server under load.)
 */
async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("database unavailable", () => {
  it("maps Prisma's error for an unreachable server to a JSON 503 with Retry-After", async () => {
    const port = await findFreePort();
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://u:p@127.0.0.1:${port}/db`, connectionTimeoutMillis: 2_000 }) });
    const error = await errorOf(() => client.user.findFirst());
    await client.$disconnect().catch(() => undefined);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const original = console.error;
    console.error = () => undefined;
    const response = errorResponse(error);
    console.error = original;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_S));
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).toMatch(/database is unreachable/i);
  });

  it("recognises a connection the server terminated (57P01) and pg's refused socket", async () => {
    const conn = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await conn.connect();
    const { rows } = await conn.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    conn.on("error", () => undefined);
    await killer.query("SELECT pg_terminate_backend($1)", [rows[0].pid]);
    await killer.end();
    const terminated = await errorOf(() => conn.query("SELECT 1"));
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    const refused = await errorOf(async () => {
      const c = new pg.Client({ connectionString: `postgresql://u:p@127.0.0.1:${await findFreePort()}/db` });
      await c.connect();
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });

  it("does not mistake a query error for an outage", async () => {
    const conn = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await conn.connect();
    const syntax = await errorOf(() => conn.query("SELEC nonsense"));
    const missing = await errorOf(() => conn.query('SELECT * FROM "NoSuchTable"'));
    await conn.end();
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    expect(isDatabaseUnavailable(missing)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Something else"))).toBe(false);
  });
});
