import { describe, expect, it } from "vitest";
import { parseTime } from "../../../../engine/runtime/clock";
import { containerLogs } from "../../../../engine/controllers/kubelet/views";
import { apply, at, cs, event, getPod, makeCluster, pod, START } from "./fixture";

describe("kubelet restarts", () => {
  it("a crashing container: first restart at once, then back-off 10s, 20s, 40s… capped at 5m0s", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "busybox:1.36", command: ["sh", "-c", "echo starting; sleep 2; echo boom; exit 3"] }));
    const starts: number[] = [];
    const messages: string[] = [];
    let lastCount = -1;
    for (let s = 1; s <= 1500; s++) {
      at(c, s);
      const st = cs(c, "web");
      if (st.restartCount !== lastCount && (st.state.running || st.lastState.terminated)) {
        starts.push(parseTime(st.state.running?.startedAt ?? st.lastState.terminated?.startedAt) - START);
        lastCount = st.restartCount;
      }
      const m = st.state.waiting?.message?.match(/^back-off (\S+) restarting failed container=app pod=web_default\(/);
      if (m && messages[messages.length - 1] !== m[1]) messages.push(m[1]);
    }
    expect(messages).toEqual(["10s", "20s", "40s", "1m20s", "2m40s", "5m0s"]);
    const st = cs(c, "web");
    expect(st.lastState.terminated).toMatchObject({ exitCode: 3, reason: "Error" });
    expect(getPod(c, "web").status.phase).toBe("Running");
    // Runs last 2 s; the wait after each exit is at least the back-off.
    const waits = starts.slice(1).map((t, i) => (t - starts[i]) / 1000 - 2);
    expect(waits[0]).toBeLessThan(3);
    [10, 20, 40, 80, 160, 300].forEach((min, i) => {
      expect(waits[i + 1]).toBeGreaterThanOrEqual(min);
      expect(waits[i + 1]).toBeLessThan(min + 16);
    });
    const backOff = event(c, "web", "BackOff")!;
    expect(backOff.type).toBe("Warning");
    expect(backOff.message).toBe(`Back-off restarting failed container app in pod web_default(${getPod(c, "web").metadata.uid})`);
    expect(containerLogs(c, getPod(c, "web"), "app")).toEqual({ ok: true, lines: ["starting", "boom"] });
    expect(containerLogs(c, getPod(c, "web"), "app", { previous: true })).toEqual({ ok: true, lines: ["starting", "boom"] });
  });

  it("a command that is not in the image: StartError 128, RunContainerError then CrashLoopBackOff", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "nginx:1.27", command: ["ngnix", "-g", "daemon off;"] }));
    let sawRunContainerError = false;
    for (let s = 1; s <= 60; s++) {
      at(c, s);
      if (cs(c, "web").state.waiting?.reason === "RunContainerError") sawRunContainerError = true;
    }
    expect(sawRunContainerError).toBe(true);
    const st = cs(c, "web");
    expect(st.state.waiting?.reason).toBe("CrashLoopBackOff");
    const msg = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "ngnix": executable file not found in $PATH: unknown';
    expect(st.lastState.terminated).toMatchObject({ exitCode: 128, reason: "StartError", message: msg, startedAt: "1970-01-01T00:00:00Z" });
    expect(event(c, "web", "Failed", "Error: failed to create containerd task")!.message).toBe(`Error: ${msg}`);
    expect(event(c, "web", "Started")).toBeUndefined();
  });

  it("OOMKilled (137) when the JVM needs more than the memory limit", () => {
    const c = makeCluster();
    apply(c, pod("gw", { image: "docker.io/acmeshop/customer-gateway:1.4.2", env: [{ name: "SPRING_PROFILES_ACTIVE", value: "k8s" }], resources: { limits: { memory: "256Mi" }, requests: { memory: "256Mi" } } }));
    at(c, 60);
    expect(cs(c, "gw").lastState.terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
    expect(cs(c, "gw").restartCount).toBeGreaterThanOrEqual(2);
  });

  it("a leaking worker is OOMKilled after a while, not at start", () => {
    const c = makeCluster();
    apply(c, pod("redis", { image: "redis:7" }, {}, { app: "redis" }));
    apply(c, { apiVersion: "v1", kind: "Service", metadata: { name: "redis", namespace: "default" }, spec: { selector: { app: "redis" }, ports: [{ port: 6379, targetPort: 6379 }], clusterIP: "10.96.7.7" } });
    apply(c, pod("worker", { image: "docker.io/acmeshop/report-worker:1.1.0", resources: { limits: { memory: "128Mi" } } }));
    at(c, 120);
    expect(cs(c, "worker").state.running).toBeDefined();
    at(c, 400);
    expect(cs(c, "worker").lastState.terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
  });

  it("restartPolicy Never: a successful run is Succeeded, a failed one Failed; OnFailure restarts only failures", () => {
    const c = makeCluster();
    apply(c, pod("ok", { image: "busybox:1.36", command: ["sh", "-c", "echo done"] }, { restartPolicy: "Never" }));
    apply(c, pod("bad", { image: "busybox:1.36", command: ["sh", "-c", "exit 2"] }, { restartPolicy: "Never" }));
    apply(c, pod("retry", { image: "busybox:1.36", command: ["sh", "-c", "exit 2"] }, { restartPolicy: "OnFailure" }));
    apply(c, pod("always", { image: "busybox:1.36", command: ["sh", "-c", "echo done"] }));
    at(c, 60);
    expect(getPod(c, "ok").status.phase).toBe("Succeeded");
    expect(cs(c, "ok").state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(getPod(c, "ok").status.conditions?.find((x) => x.type === "Ready")).toMatchObject({ status: "False", reason: "PodCompleted" });
    expect(getPod(c, "bad").status.phase).toBe("Failed");
    expect(cs(c, "bad").state.terminated).toMatchObject({ exitCode: 2, reason: "Error" });
    expect(getPod(c, "retry").status.phase).toBe("Running");
    expect(cs(c, "retry").restartCount).toBeGreaterThan(1);
    expect(cs(c, "always").lastState.terminated?.reason).toBe("Completed");
    expect(cs(c, "always").state.waiting?.reason).toBe("CrashLoopBackOff");
  });

  it("postgres without POSTGRES_PASSWORD crashes with the entrypoint's message; setting it fixes the next start", () => {
    const c = makeCluster();
    apply(c, pod("db", { image: "postgres:16" }));
    at(c, 30);
    const logs = containerLogs(c, getPod(c, "db"), "app");
    expect(logs.ok && logs.lines[0]).toBe("Error: Database is uninitialized and superuser password is not specified.");
    expect(cs(c, "db").lastState.terminated?.exitCode).toBe(1);
  });
});
