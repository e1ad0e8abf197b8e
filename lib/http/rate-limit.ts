/** A sliding-window counter per key, held in this process's memory. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records one hit for `key` at `now`; returns ms to wait when over the limit, else 0. */
  take(key: string, now: number = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return recent[0] + this.windowMs - now;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return 0;
  }

  /** Ms to wait before `key` may be hit again (0: allowed), without recording anything. */
  retryAfterMs(key: string, now: number = Date.now()): number {
    const recent = this.recent(key, now);
    return recent.length >= this.limit ? recent[0] + this.windowMs - now : 0;
  }

  /** Records one hit for `key` even when over the limit (failures are counted, never refused). */
  record(key: string, now: number = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    // Only the newest `limit` hits matter for the window.
    this.hits.set(key, recent.length > this.limit ? recent.slice(-this.limit) : recent);
    if (this.hits.size > 10_000) this.prune(now);
  }

  /** Forgets every hit of `key`. */
  clear(key: string): void {
    this.hits.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((t) => t <= now - this.windowMs)) this.hits.delete(key);
    }
  }
}

/** A 429 answer's `Retry-After` value: whole seconds, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
