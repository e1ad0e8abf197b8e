import { renderMetrics } from "@/lib/observability/metrics";
import { PROMETHEUS_CONTENT_TYPE } from "@/lib/observability/metrics-registry";

export const dynamic = "force-dynamic";

/** Prometheus scrape target: this replica's metrics in the text exposition format. */
export function GET(): Response {
  return new Response(renderMetrics(), {
    status: 200,
    headers: { "content-type": PROMETHEUS_CONTENT_TYPE, "cache-control": "no-store" },
  });
}
