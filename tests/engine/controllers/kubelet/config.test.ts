import { describe, expect, it } from "vitest";
import { apply, at, configMap, cs, event, events, getPod, makeCluster, pod, secret } from "./fixture";
import { parseTime } from "../../../../engine/runtime/clock";
import type { ConfigMap } from "../../../../engine/model/types";
import { containerFilesystem } from "../../../../engine/controllers/kubelet/views";

describe("kubelet config resolution", () => {
  it("a missing ConfigMap: CreateContainerConfigError, retried every sync; creating it starts the container on the next sync", () => {
    const c = makeCluster();
    apply(c, pod("web", { env: [{ name: "DB_URL", valueFrom: { configMapKeyRef: { name: "app-config", key: "DB_URL" } } }] }));
    at(c, 120);
    expect(cs(c, "web").state.waiting).toEqual({ reason: "CreateContainerConfigError", message: 'configmap "app-config" not found' });
    expect(getPod(c, "web").status.phase).toBe("Pending");
    const failed = event(c, "web", "Failed", "Error: configmap")!;
    expect(failed.message).toBe('Error: configmap "app-config" not found');
    expect(failed.count).toBeGreaterThanOrEqual(8);
    expect(failed.count).toBeLessThanOrEqual(12);
    expect(event(c, "web", "Pulled", "Container image")!.count).toBe(failed.count - 1);
    // Wrong key first.
    apply(c, configMap("app-config", { DATABASE_URL: "postgres://db" }));
    at(c, 140);
    expect(cs(c, "web").state.waiting?.message).toBe("couldn't find key DB_URL in ConfigMap default/app-config");
    const cm = c.store.get<ConfigMap>("ConfigMap", "default", "app-config")!;
    cm.data!.DB_URL = "postgres://db:5432/app";
    c.store.touch(cm);
    c.reconcile();
    const fixedAt = c.now();
    at(c, 170);
    const s = cs(c, "web");
    expect(s.state.running).toBeDefined();
    const started = parseTime(s.state.running!.startedAt);
    expect(started - fixedAt).toBeLessThan(15_000);
    expect(containerFilesystem(c, getPod(c, "web"), "app")!.env.DB_URL).toBe("postgres://db:5432/app");
  });

  it("secret errors and optional references", () => {
    const c = makeCluster();
    apply(c, pod("a", { env: [{ name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }] }));
    apply(c, secret("db2", { user: "app" }));
    apply(c, pod("b", { env: [{ name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db2", key: "password" } } }] }));
    apply(c, pod("c", { env: [{ name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password", optional: true } } }], envFrom: [{ configMapRef: { name: "nope", optional: true } }] }));
    apply(c, pod("d", { envFrom: [{ secretRef: { name: "missing" } }] }));
    at(c, 30);
    expect(cs(c, "a").state.waiting?.message).toBe('secret "db" not found');
    expect(cs(c, "b").state.waiting?.message).toBe("couldn't find key password in Secret default/db2");
    expect(cs(c, "c").state.running).toBeDefined();
    expect(cs(c, "d").state.waiting?.message).toBe('secret "missing" not found');
  });

  it("a missing ConfigMap volume: stuck in ContainerCreating with FailedMount, mounted on the next retry once created", () => {
    const c = makeCluster();
    apply(c, pod("web", { volumeMounts: [{ name: "config", mountPath: "/etc/app" }] }, { volumes: [{ name: "config", configMap: { name: "app-config" } }] }));
    at(c, 200);
    const p = getPod(c, "web");
    expect(cs(c, "web").state.waiting).toEqual({ reason: "ContainerCreating" });
    expect(p.status.podIP).toBeUndefined();
    expect(p.status.conditions?.find((x) => x.type === "PodReadyToStartContainers")?.status).toBe("False");
    const fm = event(c, "web", "FailedMount", "MountVolume")!;
    expect(fm.message).toBe('MountVolume.SetUp failed for volume "config" : configmap "app-config" not found');
    // Retries 0.5 s doubling to 2m2s: at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5, 63.5 and 127.5 s.
    expect(fm.count).toBe(9);
    expect(event(c, "web", "FailedMount", "Unable to attach")?.message).toBe(
      "Unable to attach or mount volumes: unmounted volumes=[config], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition",
    );
    apply(c, configMap("app-config", { "app.yaml": "port: 8080\n" }));
    at(c, 400);
    expect(cs(c, "web").state.running).toBeDefined();
    expect(containerFilesystem(c, getPod(c, "web"), "app")!.files.get("/etc/app/app.yaml")).toBe("port: 8080\n");
    expect(events(c, "web").some((e) => e.startsWith("Started:"))).toBe(true);
  });
});
