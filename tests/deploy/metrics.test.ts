import { describe, expect, it } from "vitest";
import {
  createServiceMetrics,
  LATENCY_BUCKETS_SECONDS,
  observeAttemptStarted,
  observeCommand,
  recordError,
  recordRequest,
  renderMetrics,
} from "@/lib/observability/metrics";
import { escapeLabelValue, formatValue, MetricsRegistry } from "@/lib/observability/metrics-registry";
import { routeLabel } from "@/lib/observability/route-label";

/** Checks every line against the text exposition grammar and returns the samples by series. */
function parseExposition(text: string): Map<string, number> {
  expect(text.endsWith("\n")).toBe(true);
  const samples = new Map<string, number>();
  const typed = new Map<string, string>();
  for (const line of text.slice(0, -1).split("\n")) {
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$/.exec(line);
    if (help) continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      expect(typed.has(type[1]), `TYPE twice for ${type[1]}`).toBe(false);
      typed.set(type[1], type[2]);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*\})? (\S+)$/.exec(line);
    expect(sample, `not a sample line: ${line}`).not.toBeNull();
    const [, name, labels = "", value] = sample!;
    const family = [...typed.keys()].find((f) => name === f || (typed.get(f) === "histogram" && /^_(bucket|sum|count)$/.test(name.slice(f.length)) && name.startsWith(f)));
    expect(family, `sample ${name} before its TYPE`).toBeDefined();
    const number = value === "+Inf" ? Infinity : Number(value);
    expect(Number.isNaN(number) && value !== "NaN", `bad value in ${line}`).toBe(false);
    samples.set(name + labels, number);
  }
  return samples;
}

describe("Prometheus exposition", () => {
  it("renders a histogram with HELP, TYPE, cumulative _bucket{le}, +Inf, _sum and _count", () => {
    const registry = new MetricsRegistry();
    const h = registry.histogram({ name: "t_seconds", help: "Test.", labelNames: ["route"], buckets: [0.1, 1] });
    h.observe({ route: "/a" }, 0.05);
    h.observe({ route: "/a" }, 0.5);
    h.observe({ route: "/a" }, 3);
    expect(registry.render()).toBe(
      [
        "# HELP t_seconds Test.",
        "# TYPE t_seconds histogram",
        't_seconds_bucket{route="/a",le="0.1"} 1',
        't_seconds_bucket{route="/a",le="1"} 2',
        't_seconds_bucket{route="/a",le="+Inf"} 3',
        't_seconds_sum{route="/a"} 3.55',
        't_seconds_count{route="/a"} 3',
        "",
      ].join("\n"),
    );
  });

  it("renders counters without labels and with escaped label values", () => {
    const registry = new MetricsRegistry();
    registry.counter({ name: "plain_total", help: "Plain." }).inc();
    registry.counter<"kind">({ name: "odd_total", help: "Back\\slash\nnewline.", labelNames: ["kind"] }).inc({ kind: 'a"b\\c\nd' }, 2);
    const text = registry.render();
    expect(text).toContain("# TYPE plain_total counter\nplain_total 1\n");
    expect(text).toContain("# HELP odd_total Back\\\\slash\\nnewline.\n");
    expect(text).toContain('odd_total{kind="a\\"b\\\\c\\nd"} 2\n');
    parseExposition(text);
  });

  it("formats special values and escapes as the format requires", () => {
    expect(formatValue(Infinity)).toBe("+Inf");
    expect(formatValue(-Infinity)).toBe("-Inf");
    expect(formatValue(NaN)).toBe("NaN");
    expect(formatValue(0.25)).toBe("0.25");
    expect(escapeLabelValue('x"\\\n')).toBe('x\\"\\\\\\n');
  });

  it("rejects invalid names, decreasing counters and unsorted buckets", () => {
    const registry = new MetricsRegistry();
    expect(() => registry.counter({ name: "bad-name", help: "x" })).toThrow(/metric name/);
    expect(() => registry.counter({ name: "ok_total", help: "x", labelNames: ["le"] })).toThrow(/label name/);
    expect(() => registry.histogram({ name: "h", help: "x", buckets: [1, 0.5] })).toThrow(/ascending/);
    const c = registry.counter({ name: "c_total", help: "x" });
    expect(() => c.inc(undefined, -1)).toThrow(/only goes up/);
    expect(() => registry.counter({ name: "c_total", help: "x" })).toThrow(/already registered/);
  });

  it("folds label sets past the series cap into `other`", () => {
    const registry = new MetricsRegistry();
    const c = registry.counter<"route">({ name: "capped_total", help: "x", labelNames: ["route"], maxSeries: 2 });
    c.inc({ route: "/a" });
    c.inc({ route: "/b" });
    c.inc({ route: "/c" });
    c.inc({ route: "/d" });
    expect(c.get({ route: "/other" })).toBe(0);
    expect(registry.render()).toContain('capped_total{route="other"} 2');
  });
});

describe("service metrics", () => {
  it("records requests, commands, attempts and errors and renders valid exposition", () => {
    const metrics = createServiceMetrics();
    recordRequest({ method: "post", route: "/api/attempts/[id]/actions", status: 201, durationMs: 42 }, metrics);
    recordRequest({ method: "GET", route: "/api/attempts/[id]", status: 500, durationMs: 12_000 }, metrics);
    observeCommand({ exitCode: 0 }, metrics);
    observeCommand({ exitCode: 1 }, metrics);
    observeCommand({ exitCode: 0 }, metrics);
    observeAttemptStarted({ scenarioId: "crashloop-missing-env" }, metrics);
    recordError("engine", metrics);

    const samples = parseExposition(renderMetrics(metrics));
    const route = 'method="POST",route="/api/attempts/[id]/actions",status="201"';
    expect(samples.get(`crashcourse_http_request_duration_seconds_bucket{${route},le="0.025"}`)).toBe(0);
    expect(samples.get(`crashcourse_http_request_duration_seconds_bucket{${route},le="0.05"}`)).toBe(1);
    expect(samples.get(`crashcourse_http_request_duration_seconds_bucket{${route},le="+Inf"}`)).toBe(1);
    expect(samples.get(`crashcourse_http_request_duration_seconds_sum{${route}}`)).toBeCloseTo(0.042);
    expect(samples.get(`crashcourse_http_request_duration_seconds_count{${route}}`)).toBe(1);
    const slow = 'method="GET",route="/api/attempts/[id]",status="500"';
    expect(samples.get(`crashcourse_http_request_duration_seconds_bucket{${slow},le="10"}`)).toBe(0);
    expect(samples.get(`crashcourse_http_request_duration_seconds_bucket{${slow},le="+Inf"}`)).toBe(1);
    expect(samples.get('crashcourse_commands_total{outcome="ok"}')).toBe(2);
    expect(samples.get('crashcourse_commands_total{outcome="error"}')).toBe(1);
    expect(samples.get('crashcourse_attempts_started_total{scenario="crashloop-missing-env"}')).toBe(1);
    expect(samples.get('crashcourse_errors_total{kind="http_5xx"}')).toBe(1);
    expect(samples.get('crashcourse_errors_total{kind="engine"}')).toBe(1);
    expect(samples.get("process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(samples.get("process_uptime_seconds")).toBeGreaterThanOrEqual(0);
  });

  it("uses one bucket line per configured bound plus +Inf", () => {
    const metrics = createServiceMetrics();
    recordRequest({ method: "GET", route: "/x", status: 200, durationMs: 1 }, metrics);
    const buckets = renderMetrics(metrics).split("\n").filter((l) => l.startsWith("crashcourse_http_request_duration_seconds_bucket"));
    expect(buckets).toHaveLength(LATENCY_BUCKETS_SECONDS.length + 1);
  });
});

describe("routeLabel", () => {
  it("replaces ids with [id] so each route is one series", () => {
    expect(routeLabel("/api/attempts/cm3k9x0ab0001xyz12345abcd/actions")).toBe("/api/attempts/[id]/actions");
    expect(routeLabel("/api/attempts/3f2b8c1e-2d4a-4b7e-9c1d-0a1b2c3d4e5f")).toBe("/api/attempts/[id]");
    expect(routeLabel("/api/attempts/42/")).toBe("/api/attempts/[id]");
    expect(routeLabel("/api/attempts")).toBe("/api/attempts");
    expect(routeLabel("/api/signup?next=/x")).toBe("/api/signup");
    expect(routeLabel("/api/attempts/completions")).toBe("/api/attempts/completions");
  });
});

describe("routeLabel with route params", () => {
  it("names the segments holding a param, whatever they look like", () => {
    expect(routeLabel("/api/attempts/undefined/actions", { id: "undefined" })).toBe("/api/attempts/[id]/actions");
    expect(routeLabel("/api/auth/callback/guest", { nextauth: ["callback", "guest"] })).toBe("/api/auth/[...nextauth]");
    expect(routeLabel("/api/attempts/a%20b", { id: "a b" })).toBe("/api/attempts/[id]");
  });
});
