import { describe, expect, it } from "vitest";
import { apply, at, cs, event, getPod, makeCluster, pod } from "./fixture";

describe("kubelet probes", () => {
  it("a liveness probe on a path that 404s kills and restarts the container", () => {
    const c = makeCluster();
    apply(c, pod("web", { livenessProbe: { httpGet: { path: "/healthz", port: 80 }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 } }));
    at(c, 25);
    expect(cs(c, "web").restartCount).toBe(0);
    // Probe ticks every 10 s from the pod's start: failures at 10, 20 and 30 s kill it at 30 s.
    at(c, 35);
    const unhealthy = event(c, "web", "Unhealthy")!;
    expect(unhealthy.message).toBe("Liveness probe failed: HTTP probe failed with statuscode: 404");
    expect(unhealthy.type).toBe("Warning");
    expect(event(c, "web", "Killing")!.message).toBe("Container app failed liveness probe, will be restarted");
    expect(cs(c, "web").restartCount).toBe(1);
    expect(cs(c, "web").lastState.terminated).toMatchObject({ reason: "Completed", exitCode: 0 });
    at(c, 300);
    expect(cs(c, "web").restartCount).toBeGreaterThan(2);
    expect(event(c, "web", "Unhealthy")!.count).toBeGreaterThan(8);
  });

  it("a readiness probe on a port nothing listens on keeps the pod not Ready", () => {
    const c = makeCluster();
    apply(c, pod("web", { readinessProbe: { httpGet: { path: "/", port: 8080 }, periodSeconds: 5 } }));
    at(c, 60);
    const p = getPod(c, "web");
    expect(cs(c, "web").ready).toBe(false);
    expect(cs(c, "web").state.running).toBeDefined();
    expect(p.status.conditions?.find((x) => x.type === "Ready")).toMatchObject({ status: "False", reason: "ContainersNotReady", message: "containers with unready status: [app]" });
    expect(event(c, "web", "Unhealthy")!.message).toBe(`Readiness probe failed: Get "http://${p.status.podIP}:8080/": dial tcp ${p.status.podIP}:8080: connect: connection refused`);
    const count = event(c, "web", "Unhealthy")!.count;
    at(c, 120);
    expect(event(c, "web", "Unhealthy")!.count).toBe(count + 12);
  });

  it("a good readiness probe makes the pod Ready at the first successful tick", () => {
    const c = makeCluster();
    apply(c, pod("web", { readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 10 }, livenessProbe: { tcpSocket: { port: 80 } } }));
    at(c, 30);
    expect(cs(c, "web").ready).toBe(true);
    expect(getPod(c, "web").status.conditions?.find((x) => x.type === "Ready")?.status).toBe("True");
    expect(event(c, "web", "Unhealthy")).toBeUndefined();
  });

  it("exec probes run in the container: a missing file fails, a missing binary fails like runc", () => {
    const c = makeCluster();
    apply(c, pod("bb", { image: "busybox:1.36", command: ["sleep", "3600"], livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, periodSeconds: 5 } }));
    apply(c, pod("gw", { image: "docker.io/acmeshop/customerinfo-app:2.1.0", readinessProbe: { exec: { command: ["sh", "-c", "true"] } } }));
    at(c, 40);
    expect(event(c, "bb", "Unhealthy")!.message).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(event(c, "gw", "Unhealthy")!.message).toBe('Readiness probe failed: OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown');
  });
});
