import { createHash } from "node:crypto";
import { pool } from "../db";

/** Hits older than this are deleted whatever their window (every limit's window is shorter). */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** How often one process sweeps the whole table for buckets nobody uses any more. */
const SWEEP_EVERY_MS = 10 * 60 * 1000;
let lastSweepMs = 0;

/**
 * A sliding-window counter per key, kept in PostgreSQL (`RateLimitHit`), so every server
 * process and every replica counts together: brute force spread over processes gets no
 * more tries than against one. Same semantics as the in-memory {@link RateLimiter}
 * (lib/http/rate-limit.ts), which stays for the per-command limit (one row per command
 * would cost more than the limit saves). A bucket's hits are counted under a transaction
 * advisory lock, so concurrent requests cannot both take the last slot.
 */
export class SharedRateLimiter {
  /**
   * @param name the limit's name, prefixed to every key (one table holds every limit)
   * @param limit hits allowed per window
   * @param windowMs the sliding window
   */
  constructor(
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records one hit for `key` at `now` unless over the limit; returns ms to wait when over it, else 0. */
  async take(key: string, now: number = Date.now()): Promise<number> {
    return this.locked(key, now, async (query, bucket, waitMs) => {
      if (waitMs > 0) return waitMs;
      await query(`INSERT INTO "RateLimitHit" (bucket, "atMs") VALUES ($1, $2)`, [bucket, now]);
      return 0;
    });
  }

  /** Ms to wait before `key` may be hit again (0: allowed), without recording anything. */
  async retryAfterMs(key: string, now: number = Date.now()): Promise<number> {
    const { rows } = await pool.query<{ n: number; first: string | null }>(WINDOW_SQL, [this.bucket(key), now - this.windowMs, this.limit]);
    return this.waitMs(rows[0], now);
  }

  /** Records one hit for `key` even when over the limit (failures are counted, never refused). */
  async record(key: string, now: number = Date.now()): Promise<void> {
    await this.locked(key, now, async (query, bucket) => {
      await query(`INSERT INTO "RateLimitHit" (bucket, "atMs") VALUES ($1, $2)`, [bucket, now]);
      return 0;
    });
  }

  /** Forgets every hit of `key`. */
  async clear(key: string): Promise<void> {
    await pool.query(`DELETE FROM "RateLimitHit" WHERE bucket = $1`, [this.bucket(key)]);
  }

  /** The limit's name and a digest of the key: any key fits (NUL bytes too), and no email is stored. */
  private bucket(key: string): string {
    return `${this.name}:${createHash("sha256").update(key).digest("base64url")}`;
  }

  private waitMs(row: { n: number; first: string | null } | undefined, now: number): number {
    if (!row || row.n < this.limit || row.first === null) return 0;
    return Math.max(0, Number(row.first) + this.windowMs - now);
  }

  /**
   * Runs `work` in a transaction holding the bucket's advisory lock, after deleting the
   * bucket's hits that left the window and reading the wait the rest imposes.
   */
  private async locked(
    key: string,
    now: number,
    work: (query: (sql: string, params: unknown[]) => Promise<unknown>, bucket: string, waitMs: number) => Promise<number>,
  ): Promise<number> {
    const bucket = this.bucket(key);
    const client = await pool.connect();
    let broken: unknown;
    try {
      await client.query("BEGIN");
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [bucket]);
      await client.query(`DELETE FROM "RateLimitHit" WHERE bucket = $1 AND "atMs" <= $2`, [bucket, now - this.windowMs]);
      const { rows } = await client.query<{ n: number; first: string | null }>(WINDOW_SQL, [bucket, now - this.windowMs, this.limit]);
      const result = await work((sql, params) => client.query(sql, params), bucket, this.waitMs(rows[0], now));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      broken = error;
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
      sweep(now);
    }
  }
}

/** The bucket's newest `limit` hits inside the window: how many, and the oldest of them. */
const WINDOW_SQL = `
  SELECT count(*)::int AS n, min("atMs")::text AS first
  FROM (SELECT "atMs" FROM "RateLimitHit" WHERE bucket = $1 AND "atMs" > $2 ORDER BY "atMs" DESC LIMIT $3) AS recent`;

/** Now and then, deletes hits of every bucket older than a day (buckets nobody comes back to). */
function sweep(now: number): void {
  if (now - lastSweepMs < SWEEP_EVERY_MS) return;
  lastSweepMs = now;
  pool.query(`DELETE FROM "RateLimitHit" WHERE "atMs" < $1`, [now - KEEP_MS]).catch(() => undefined);
}
