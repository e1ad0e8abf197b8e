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

describe("kubelet runAsNonRoot verification", () => {
  const nonRoot = { securityContext: { runAsNonRoot: true } };
  const podRef = (c: ReturnType<typeof makeCluster>, name: string) => `"${name}_default(${getPod(c, name).metadata.uid})"`;

  it("refuses an image that runs as root, or whose user is a name, with the kubelet's messages, retried every sync", () => {
    const c = makeCluster();
    apply(c, pod("root", {}, nonRoot));
    apply(c, pod("named", { image: "curlimages/curl:8.8.0", command: ["sleep", "3600"] }, nonRoot));
    apply(c, pod("uid-zero", { securityContext: { runAsUser: 0 } }, nonRoot));
    at(c, 60);
    expect(cs(c, "root").state.waiting).toEqual({
      reason: "CreateContainerConfigError",
      message: `container has runAsNonRoot and image will run as root (pod: ${podRef(c, "root")}, container: app)`,
    });
    expect(cs(c, "named").state.waiting?.message).toBe(
      `container has runAsNonRoot and image has non-numeric user (curl_user), cannot verify user is non-root (pod: ${podRef(c, "named")}, container: app)`,
    );
    expect(cs(c, "uid-zero").state.waiting?.message).toBe(`container's runAsUser breaks non-root policy (pod: ${podRef(c, "uid-zero")}, container: app)`);
    const failed = event(c, "root", "Failed", "Error: container has runAsNonRoot")!;
    expect(failed.count).toBeGreaterThanOrEqual(3);
    expect(getPod(c, "root").status.phase).toBe("Pending");
  });

  it("lets through a numeric non-root user: runAsUser (container over pod), a numeric image user, or runAsNonRoot false on the container", () => {
    const c = makeCluster();
    apply(c, pod("run-as-101", {}, { securityContext: { runAsNonRoot: true, runAsUser: 101 } }));
    apply(c, pod("container-user", { securityContext: { runAsUser: 1000 } }, { securityContext: { runAsNonRoot: true, runAsUser: 0 } }));
    apply(c, pod("distroless", { image: "gcr.io/distroless/static-debian12:nonroot", command: ["/pause-not-here"] }, nonRoot));
    apply(c, pod("opt-out", { securityContext: { runAsNonRoot: false } }, nonRoot));
    apply(c, pod("distroless-latest", { image: "gcr.io/distroless/static-debian12:latest" }, nonRoot));
    at(c, 30);
    expect(cs(c, "run-as-101").state.running).toBeDefined();
    expect(cs(c, "container-user").state.running).toBeDefined();
    // Past the user check, the missing executable is the next problem (a StartError), not the user.
    expect(cs(c, "distroless").state.waiting?.reason ?? cs(c, "distroless").state.terminated?.reason).not.toBe("CreateContainerConfigError");
    expect(cs(c, "opt-out").state.running).toBeDefined();
    expect(cs(c, "distroless-latest").state.waiting?.message).toMatch(/^container has runAsNonRoot and image will run as root/);
  });

  it("checks the environment first, as the kubelet does", () => {
    const c = makeCluster();
    apply(c, pod("both", { env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "missing", key: "x" } } }] }, nonRoot));
    at(c, 20);
    expect(cs(c, "both").state.waiting?.message).toBe('configmap "missing" not found');
  });
});
