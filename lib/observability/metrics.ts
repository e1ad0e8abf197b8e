/**
 * The web service's metrics, one registry per process, and the functions route handlers
 * call to record what happened. `GET /api/metrics` renders them for Prometheus; each
 * replica keeps its own counts (Prometheus scrapes every pod and sums).
 */
import { MetricsRegistry, type Counter, type Histogram } from "./metrics-registry";

/** Upper bounds (seconds) of the request latency buckets. */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** The metric families of the web service. */
export interface ServiceMetrics {
  registry: MetricsRegistry;
  requestDuration: Histogram<"method" | "route" | "status">;
  commands: Counter<"outcome">;
  attemptsStarted: Counter<"scenario">;
  errors: Counter<"kind">;
}

/** Builds a fresh set of the service's metric families (tests build their own). */
export function createServiceMetrics(): ServiceMetrics {
  const registry = new MetricsRegistry();
  const startedAt = process.hrtime.bigint();
  const metrics: ServiceMetrics = {
    registry,
    requestDuration: registry.histogram({
      name: "crashcourse_http_request_duration_seconds",
      help: "Latency of API requests, by method, route pattern and status code.",
      labelNames: ["method", "route", "status"],
      buckets: LATENCY_BUCKETS_SECONDS,
    }),
    commands: registry.counter({
      name: "crashcourse_commands_total",
      help: "Terminal commands run by learners, by outcome (ok: exit code 0, error: any other).",
      labelNames: ["outcome"],
    }),
    attemptsStarted: registry.counter({
      name: "crashcourse_attempts_started_total",
      help: "Attempts started (not resumed), by scenario.",
      labelNames: ["scenario"],
    }),
    errors: registry.counter({
      name: "crashcourse_errors_total",
      help: "Errors, by kind (http_5xx: an API request answered 5xx; others as recorded by the app).",
      labelNames: ["kind"],
    }),
  };
  registry.gauge({
    name: "process_uptime_seconds",
    help: "Seconds since this process registered its metrics.",
    collect: () => Number(process.hrtime.bigint() - startedAt) / 1e9,
  });
  registry.gauge({
    name: "process_resident_memory_bytes",
    help: "Resident set size of the process.",
    collect: () => process.memoryUsage.rss(),
  });
  registry.gauge({
    name: "nodejs_heap_used_bytes",
    help: "V8 heap in use.",
    collect: () => process.memoryUsage().heapUsed,
  });
  return metrics;
}

const METRICS_KEY = Symbol.for("crashcourse.observability.metrics");
const globalForMetrics = globalThis as unknown as { [METRICS_KEY]?: ServiceMetrics };

/**
 * The process's metrics. Kept on globalThis so every route bundle (and dev reloads)
 * share one registry.
 */
export function serviceMetrics(): ServiceMetrics {
  return (globalForMetrics[METRICS_KEY] ??= createServiceMetrics());
}

/** One finished API request, as {@link recordRequest} takes it. */
export interface RequestObservation {
  method: string;
  /** The route pattern (`/api/attempts/[id]/actions`), never the raw path: it is a label. */
  route: string;
  status: number;
  durationMs: number;
}

/** Records a finished API request: latency histogram, and `errors_total{kind="http_5xx"}` when it failed. */
export function recordRequest(observation: RequestObservation, metrics: ServiceMetrics = serviceMetrics()): void {
  metrics.requestDuration.observe(
    { method: observation.method.toUpperCase(), route: observation.route, status: observation.status },
    observation.durationMs / 1000,
  );
  if (observation.status >= 500) metrics.errors.inc({ kind: "http_5xx" });
}

/** Records one terminal command a learner ran, by its exit code. */
export function observeCommand(result: { exitCode: number }, metrics: ServiceMetrics = serviceMetrics()): void {
  metrics.commands.inc({ outcome: result.exitCode === 0 ? "ok" : "error" });
}

/** Records an attempt started on a scenario (call it for new attempts, not resumed ones). */
export function observeAttemptStarted(attempt: { scenarioId: string }, metrics: ServiceMetrics = serviceMetrics()): void {
  metrics.attemptsStarted.inc({ scenario: attempt.scenarioId });
}

/** Records an error of a named kind (e.g. `engine`, `database`); keep kinds few, they are labels. */
export function recordError(kind: string, metrics: ServiceMetrics = serviceMetrics()): void {
  metrics.errors.inc({ kind });
}

/** The process's metrics in the Prometheus text exposition format. */
export function renderMetrics(metrics: ServiceMetrics = serviceMetrics()): string {
  return metrics.registry.render();
}
