import { describe, expect, it } from "vitest";
import type { Pod } from "../../../../engine/model/types";
import { containerLogs, dnsLookup, httpGet } from "../../../../engine/controllers/kubelet/views";
import { apply, at, cs, getPod, makeCluster, pod, service } from "./fixture";

function gateway(profile: string): Pod {
  return pod("gateway", { image: "docker.io/acmeshop/customer-gateway:1.4.2", env: [{ name: "SPRING_PROFILES_ACTIVE", value: profile }], ports: [{ containerPort: 8080, name: "http" }] }, {}, { app: "gateway" });
}

describe("application dependencies through the cluster network", () => {
  it("the gateway crashes while customerinfo has no ready endpoints; fixing the selector lets the next restart succeed", () => {
    const c = makeCluster();
    apply(c, service("customerinfo", { app: "customerinfo" }, 8080, 8080, "10.96.40.10"));
    apply(c, pod("customerinfo", { image: "docker.io/acmeshop/customerinfo-app:2.1.0" }, {}, { app: "customerinfo-v2" }));
    apply(c, gateway("k8s"));
    at(c, 90);
    expect(cs(c, "gateway").state.waiting?.reason).toBe("CrashLoopBackOff");
    const logs = containerLogs(c, getPod(c, "gateway"), "app");
    expect(logs.ok).toBe(true);
    if (!logs.ok) return;
    expect(logs.lines).toContain('Caused by: org.springframework.web.client.ResourceAccessException: I/O error on GET request for "http://customerinfo:8080/api/segments": Connection refused');
    expect(logs.lines).toContain("Caused by: java.net.ConnectException: Connection refused");
    // From a debug shell: the Service answers nothing.
    expect(httpGet(c, { namespace: "default" }, "http://customerinfo:8080/api/segments")).toEqual({ ok: false, error: { kind: "refused", host: "customerinfo", ip: "10.96.40.10", port: 8080 } });
    // Fix the Service selector.
    const svc = c.store.get("Service", "default", "customerinfo")!;
    (svc.spec as { selector: Record<string, string> }).selector = { app: "customerinfo-v2" };
    c.store.touch(svc);
    c.reconcile();
    at(c, 600);
    expect(cs(c, "gateway").state.running).toBeDefined();
    expect(cs(c, "gateway").ready).toBe(true);
    const r = httpGet(c, { pod: getPod(c, "gateway") }, "http://customerinfo.default.svc.cluster.local:8080/actuator/health/readiness");
    expect(r.ok && r.response).toMatchObject({ status: 200, body: '{"status":"UP"}' });
  });

  it("a wrong profile: the Spring Boot failure analysis in the logs", () => {
    const c = makeCluster();
    apply(c, gateway("dev"));
    at(c, 30);
    const logs = containerLogs(c, getPod(c, "gateway"), "app");
    expect(logs.ok).toBe(true);
    if (!logs.ok) return;
    const text = logs.lines.join("\n");
    expect(text).toContain('The following 1 profile is active: "dev"');
    expect(text).toContain(
      [
        "***************************",
        "APPLICATION FAILED TO START",
        "***************************",
        "",
        "Description:",
        "",
        "Binding to target org.springframework.boot.context.properties.bind.BindException: Failed to bind properties under 'customerinfo' to com.acme.shop.gateway.CustomerInfoProperties failed:",
        "",
        "    Property: customerinfo.url",
        '    Value: "null"',
        "    Reason: must not be blank",
        "",
        "",
        "Action:",
        "",
        "Update your application's configuration",
      ].join("\n"),
    );
    expect(cs(c, "gateway").lastState.terminated?.exitCode).toBe(1);
  });

  it("an unknown host: UnknownHostException; setting the URL by env var (relaxed binding) fixes it", () => {
    const c = makeCluster();
    apply(c, service("customerinfo", { app: "customerinfo" }, 8080, 8080, "10.96.40.10"));
    apply(c, pod("customerinfo", { image: "docker.io/acmeshop/customerinfo-app:2.1.0" }, {}, { app: "customerinfo" }));
    const g = gateway("local");
    g.spec.containers[0].env!.push({ name: "CUSTOMERINFO_URL", value: "http://customer-info:8080" });
    apply(c, g);
    at(c, 30);
    const logs = containerLogs(c, getPod(c, "gateway"), "app");
    expect(logs.ok && logs.lines).toContain("Caused by: java.net.UnknownHostException: customer-info");
    expect(dnsLookup(c, { namespace: "default" }, "customer-info")).toBeUndefined();
    expect(dnsLookup(c, { namespace: "default" }, "customerinfo")).toEqual({ name: "customerinfo.default.svc.cluster.local", address: "10.96.40.10" });
  });

  it("a running requirement makes the app report not ready instead of crashing", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "docker.io/acmeshop/web-api:2.3.0", env: [{ name: "SESSION_SECRET", value: "x" }], readinessProbe: { httpGet: { path: "/readyz", port: 3000 }, periodSeconds: 5, failureThreshold: 1 } }));
    at(c, 60);
    expect(cs(c, "web").state.running).toBeDefined();
    expect(cs(c, "web").ready).toBe(false);
    const logs = containerLogs(c, getPod(c, "web"), "app");
    expect(logs.ok && logs.lines.some((l) => l.includes('"msg":"redis connection failed","err":"getaddrinfo ENOTFOUND redis"'))).toBe(true);
    apply(c, pod("redis", { image: "redis:7" }, {}, { app: "redis" }));
    apply(c, service("redis", { app: "redis" }, 6379, 6379, "10.96.7.7"));
    at(c, 120);
    expect(cs(c, "web").ready).toBe(true);
  });

  it("the node web API crashes without SESSION_SECRET", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "docker.io/acmeshop/web-api:2.3.0" }));
    at(c, 20);
    const logs = containerLogs(c, getPod(c, "web"), "app");
    expect(logs.ok && logs.lines).toContain("Error: missing required environment variable SESSION_SECRET");
  });
});
