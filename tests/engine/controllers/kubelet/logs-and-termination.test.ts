import { describe, expect, it } from "vitest";
import { containerFilesystem, containerLogs, resourceUsage } from "../../../../engine/controllers/kubelet/views";
import { apply, at, cs, deletePod, event, getPod, makeCluster, pod } from "./fixture";

describe("kubelet views and termination", () => {
  it("logs of a container that never started, and of a missing previous instance", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "nginx:1.99" }));
    apply(c, pod("ok", { image: "nginx:1.27" }));
    at(c, 30);
    expect(containerLogs(c, getPod(c, "web"), "app")).toEqual({ ok: false, error: { status: "BadRequest", message: 'container "app" in pod "web" is waiting to start: trying and failing to pull image' } });
    expect(containerLogs(c, getPod(c, "ok"), "app", { previous: true })).toEqual({ ok: false, error: { status: "BadRequest", message: 'previous terminated container "app" in pod "ok" not found' } });
    const logs = containerLogs(c, getPod(c, "ok"), "app");
    expect(logs.ok && logs.lines[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    expect(logs.ok && logs.lines.some((l) => /^2026\/03\/02 09:00:0\d \[notice\] 1#1: nginx\/1\.27\.0$/.test(l))).toBe(true);
  });

  it("filesystem, env and processes for exec; usage for top", () => {
    const c = makeCluster();
    apply(c, pod("ok", { image: "nginx:1.27", env: [{ name: "MODE", value: "$(NGINX_VERSION)-x" }], resources: { limits: { memory: "64Mi" } } }));
    at(c, 60);
    const fs = containerFilesystem(c, getPod(c, "ok"), "app")!;
    expect(fs.files.get("/etc/nginx/conf.d/default.conf")).toContain("listen       80;");
    expect(fs.files.get("/var/run/secrets/kubernetes.io/serviceaccount/namespace")).toBe("default");
    expect(fs.files.get("/etc/resolv.conf")).toBe("search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
    expect(fs.env.HOSTNAME).toBe("ok");
    expect(fs.env.NGINX_VERSION).toBe("1.27.0");
    expect(fs.binaries).toContain("curl");
    expect(fs.processes[0]).toMatchObject({ pid: 1, command: "nginx: master process nginx -g daemon off;" });
    const u = resourceUsage(c, getPod(c, "ok"))!;
    expect(u.containers[0].memoryBytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(u.containers[0].memoryBytes).toBeLessThan(4 * 1024 * 1024);
  });

  it("deleting a pod stops its containers gracefully and removes it; PID 1 sleep waits the whole grace period", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "nginx:1.27" }));
    apply(c, pod("sleeper", { image: "busybox:1.36", command: ["sleep", "3600"] }));
    at(c, 30);
    deletePod(c, "web");
    deletePod(c, "sleeper");
    expect(event(c, "web", "Killing")!.message).toBe("Stopping container app");
    at(c, 32);
    expect(c.store.get("Pod", "default", "web")).toBeUndefined();
    expect(cs(c, "sleeper").state.running).toBeDefined();
    at(c, 61);
    expect(c.store.get("Pod", "default", "sleeper")).toBeUndefined();
  });
});
