import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Nothing listens on port 1: the database is unreachable, as when PostgreSQL is down.
// Set before any import of lib/env.ts, which parses the environment once.
const unreachable = "postgresql://crashcourse:unused@127.0.0.1:1/crashcourse";

describe("probe and metrics routes", () => {
  let restore: string | undefined;
  beforeAll(() => {
    restore = process.env.DATABASE_URL;
    process.env.DATABASE_URL = unreachable;
  });
  afterAll(() => {
    if (restore === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = restore;
  });

  it("/api/healthz says the process is alive without touching the database", async () => {
    const { GET } = await import("@/app/api/healthz/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/api/readyz answers 503 while the database is unreachable", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { GET } = await import("@/app/api/readyz/route");
    const response = await GET();
    quiet.mockRestore();
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
  }, 20_000);

  it("/api/metrics serves the Prometheus text format", async () => {
    const { observeCommand } = await import("@/lib/observability/metrics");
    observeCommand({ exitCode: 0 });
    const { GET } = await import("@/app/api/metrics/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("# TYPE crashcourse_http_request_duration_seconds histogram");
    expect(text).toContain("# TYPE crashcourse_commands_total counter");
    expect(text).toMatch(/^crashcourse_commands_total\{outcome="ok"\} [1-9]\d*$/m);
  });
});
