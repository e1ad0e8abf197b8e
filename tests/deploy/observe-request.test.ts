import { describe, expect, it } from "vitest";
import { createServiceMetrics, renderMetrics } from "@/lib/observability/metrics";
import { observeRequest } from "@/lib/observability/observe-request";
import { formatRequestLog } from "@/lib/observability/request-log";

const ATTEMPT = "/api/attempts/cm3k9x0ab0001xyz12345abcd/actions";

describe("observeRequest", () => {
  it("logs one JSON line with method, path, status, latency and request id, and echoes the id", async () => {
    const lines: string[] = [];
    const metrics = createServiceMetrics();
    const request = new Request(`http://localhost${ATTEMPT}?token=secret`, { method: "POST", headers: { "x-request-id": "abc-123" } });
    const response = await observeRequest(request, async () => Response.json({ ok: true }, { status: 201 }), {
      metrics,
      write: (line) => lines.push(line),
    });

    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe("abc-123");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "info", msg: "request", method: "POST", path: ATTEMPT, status: 201, requestId: "abc-123" });
    expect(typeof entry.latencyMs).toBe("number");
    expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(lines[0]).not.toContain("secret");
    expect(renderMetrics(metrics)).toContain(
      'crashcourse_http_request_duration_seconds_count{method="POST",route="/api/attempts/[id]/actions",status="201"} 1',
    );
  });

  it("makes up a request id when the incoming one is missing or unsafe", async () => {
    const lines: string[] = [];
    const request = new Request("http://localhost/api/attempts", { headers: { "x-request-id": "bad id\twith junk" } });
    const response = await observeRequest(request, async () => new Response(null, { status: 204 }), {
      metrics: createServiceMetrics(),
      write: (line) => lines.push(line),
    });
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(lines[0]).requestId).toBe(id);
  });

  it("counts a handler that throws as a 500 and rethrows", async () => {
    const lines: string[] = [];
    const metrics = createServiceMetrics();
    const failing = observeRequest(new Request("http://localhost/api/signup", { method: "POST" }), async () => {
      throw new Error("boom");
    }, { metrics, write: (line) => lines.push(line) });
    await expect(failing).rejects.toThrow("boom");
    expect(JSON.parse(lines[0])).toMatchObject({ level: "error", status: 500 });
    expect(renderMetrics(metrics)).toContain('crashcourse_errors_total{kind="http_5xx"} 1');
  });

  it("keeps a redirect's immutable headers and still logs", async () => {
    const lines: string[] = [];
    const response = await observeRequest(new Request("http://localhost/api/x"), async () => Response.redirect("http://localhost/", 303), {
      metrics: createServiceMetrics(),
      write: (line) => lines.push(line),
    });
    expect(response.status).toBe(303);
    expect(JSON.parse(lines[0])).toMatchObject({ status: 303, level: "info" });
  });
});

describe("formatRequestLog", () => {
  it("is stable for a fixed time and levels by status", () => {
    const at = new Date("2026-11-26T15:00:00.000Z");
    expect(formatRequestLog({ method: "get", path: "/api/x?y=1", status: 404, latencyMs: 3.14159, requestId: "r1" }, at, 4242)).toBe(
      '{"time":"2026-11-26T15:00:00.000Z","level":"warn","pid":4242,"msg":"request","method":"GET","path":"/api/x","status":404,"latencyMs":3.1,"requestId":"r1"}',
    );
  });
});

describe("observeRequest route labels", () => {
  it("labels by the route's params, awaited the way Next.js passes them", async () => {
    const metrics = createServiceMetrics();
    await observeRequest(new Request("http://localhost/api/attempts/nope/actions", { method: "POST" }), async () => new Response(null, { status: 404 }), {
      metrics,
      params: Promise.resolve({ id: "nope" }),
      write: () => undefined,
    });
    expect(renderMetrics(metrics)).toContain('route="/api/attempts/[id]/actions",status="404"');
  });
});
