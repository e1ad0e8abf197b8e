import { describe, expect, it } from "vitest";
import { defaultControllers } from "../../../../engine/controllers";
import type { Controller } from "../../../../engine/runtime/controller";
import { apply, at, makeCluster, pod, service } from "./fixture";

/** The default controllers, with the kubelet counting the instants it is woken at. */
function countingControllers(instants: Set<number>): Controller[] {
  return defaultControllers().map((c) =>
    c.name !== "kubelet"
      ? c
      : {
          name: c.name,
          reconcile(ctx) {
            instants.add(ctx.now);
            c.reconcile(ctx);
          },
        },
  );
}

describe("kubelet performance", () => {
  it("wakes only when something changes: probe ticks and back-off syncs are counted, not simulated", () => {
    const instants = new Set<number>();
    const c = makeCluster({ nodes: 2, controllers: countingControllers(instants) });
    const t0 = performance.now();
    apply(c, service("customerinfo", { app: "customerinfo" }, 8080, 8080, "10.96.40.10"));
    for (let i = 0; i < 3; i++) apply(c, pod(`web-${i}`, { image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 }, livenessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 5 } }));
    apply(c, pod("unready", { image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 8080 }, periodSeconds: 2 } }));
    apply(c, pod("gateway", { image: "docker.io/acmeshop/customer-gateway:1.4.2", env: [{ name: "SPRING_PROFILES_ACTIVE", value: "k8s" }] }));
    apply(c, pod("bad", { image: "nginx:1.99" }));
    apply(c, pod("crash", { image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }));
    instants.clear();
    at(c, 3600);
    const ms = performance.now() - t0;
    console.log(`one hour of a 7-pod broken scenario: ${instants.size} wake-ups, ${ms.toFixed(1)} ms`);
    // 1800 readiness ticks of "unready" and 2160 liveness/readiness ticks of the nginx pods would
    // each be a wake-up if simulated; crash loops and pull retries at the 5-minute cap need ~12 each.
    expect(instants.size).toBeLessThan(200);
  });

  it("a reconcile of a steady 50-pod cluster skips every pod", () => {
    const c = makeCluster({ nodes: 3 });
    for (let i = 0; i < 50; i++) apply(c, pod(`web-${i}`, { image: "nginx:1.27" }));
    at(c, 120);
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      c.reconcile();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`steady reconcile, 50 pods: median ${times[10].toFixed(3)} ms`);
    expect(times[10]).toBeLessThan(20);
  });
});
