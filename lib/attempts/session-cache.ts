import { env } from "../env";
import type { LiveSession } from "./engine-session";

/** What the command hot path needs to know of the attempt, as of `seq` (lib/attempts/record-action.ts). */
export interface AttemptSnapshot {
  userId: string;
  startedAt: Date;
  lastVirtualMs: number;
}

/** A cached session and the seq of the last action applied to it. */
export interface CachedSession {
  live: LiveSession;
  seq: number;
  /** Set by writers: lets the next command be stored with one conditional statement. */
  attempt?: AttemptSnapshot;
}

/**
 * An LRU cache of live engine sessions, keyed by attempt id. It only ever holds
 * sessions equal to a replay of committed actions up to `seq`: writers `take` an
 * entry out before mutating it and `put` it back after their transaction commits.
 * Readers check `seq` against the database and replay on a mismatch.
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();

  constructor(private readonly capacity: number) {}

  /** Removes and returns the entry (the caller owns it until it puts it back). */
  take(attemptId: string): CachedSession | undefined {
    const entry = this.entries.get(attemptId);
    this.entries.delete(attemptId);
    return entry;
  }

  /** Returns the entry without removing it; callers must not mutate its session. */
  peek(attemptId: string): CachedSession | undefined {
    const entry = this.entries.get(attemptId);
    if (entry) {
      this.entries.delete(attemptId);
      this.entries.set(attemptId, entry);
    }
    return entry;
  }

  /** Stores the entry unless a newer one is already there; evicts the least recently used. */
  put(attemptId: string, entry: CachedSession): void {
    const existing = this.entries.get(attemptId);
    if (existing && existing.seq > entry.seq) return;
    this.entries.delete(attemptId);
    this.entries.set(attemptId, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets every entry (tests use this to force replays). */
  clear(): void {
    this.entries.clear();
  }
}

const globalForCache = globalThis as unknown as { crashcourseSessions?: SessionCache };

/** The process-wide session cache. */
export const sessionCache = (globalForCache.crashcourseSessions ??= new SessionCache(env.SESSION_CACHE_SIZE));
