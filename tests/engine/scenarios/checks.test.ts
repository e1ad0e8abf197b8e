import { describe, expect, it } from "vitest";
import { Cluster } from "../../../engine/runtime/cluster";
import { rfc3339 } from "../../../engine/runtime/clock";
import { standardWorld } from "../../../engine/world/library";
import type { KObject, Pod } from "../../../engine/model/types";
import type { LoggedAction } from "../../../engine/scenario/action-log";
import { evaluateCheck, type CheckContext } from "../../../engine/scenario/checks/index";
import { renderedSchemas, type Check } from "../../../engine/scenario/schema";
import { objectKey } from "../../../engine/scenario/manifests";

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** A cluster without controllers, holding a Deployment web (3 replicas), its ReplicaSet and pods in `shop`. */
function fixture(podState: "running" | "crash" | "young" = "running") {
  const cluster = new Cluster({ seed: 1, startMs: T0, world: standardWorld(), controllers: [] });
  const s = cluster.store;
  const template = { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu: "200m" }, limits: { memory: "256Mi" } }, livenessProbe: { httpGet: { path: "/", port: 80 } } }] } };
  const dep = s.create<KObject>({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "shop" }, spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template }, status: {} });
  dep.status = { observedGeneration: 1 };
  const rs = s.create<KObject>({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-abc", namespace: "shop", annotations: { "deployment.kubernetes.io/revision": "1" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: dep.metadata.uid!, controller: true }] }, spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template }, status: { replicas: 3 } });
  s.create<KObject>({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop" }, spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] } });
  const addresses: { ip: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const running = podState !== "crash" || i > 0;
    const startedAt = rfc3339(podState === "young" ? T0 - 5_000 : T0 - 600_000);
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `web-abc-${i}`, namespace: "shop", labels: { app: "web" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-abc", uid: rs.metadata.uid!, controller: true }] },
      spec: template.spec,
      status: {
        phase: "Running",
        podIP: `10.244.1.${i + 10}`,
        conditions: [{ type: "Ready", status: running ? "True" : "False" }],
        containerStatuses: [
          running
            ? { name: "app", state: { running: { startedAt } }, lastState: {}, ready: true, restartCount: 0, image: "nginx:1.27", imageID: "" }
            : { name: "app", state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: {}, ready: false, restartCount: 4, image: "nginx:1.27", imageID: "" },
        ],
      },
    };
    s.create(pod);
    if (running) addresses.push({ ip: pod.status.podIP! });
  }
  s.create<KObject>({ apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "shop" }, subsets: [{ addresses, ports: [{ port: 8080 }] }] });
  return { cluster, depUid: dep.metadata.uid! };
}

function run(check: Record<string, unknown>, cluster: Cluster, extra: Partial<CheckContext> = {}) {
  const c = renderedSchemas.check.parse({ id: "c", ...check }) as Check;
  return evaluateCheck(c, { cluster, log: [], initialUids: {}, defaultNamespace: "shop", ...extra });
}

function action(seq: number, input: string, command: string[], mutating: boolean, targets?: LoggedAction["targets"]): LoggedAction {
  return { seq, atMs: seq * 1000, type: "command", input, exitCode: 0, command, mutating, targets };
}

describe("workloadHealthy", () => {
  it("passes when every pod of the current version is Running, Ready and stable", () => {
    const { cluster } = fixture();
    expect(run({ kind: "workloadHealthy", name: "web" }, cluster)).toEqual({ passed: true, message: "deployment web: 3/3 pods Running and Ready" });
  });
  it("names the failing pod and its status", () => {
    const { cluster } = fixture("crash");
    const r = run({ kind: "workloadHealthy", name: "web", message: "The web pods still crash" }, cluster);
    expect(r.passed).toBe(false);
    expect(r.message).toBe("The web pods still crash — deployment web: 2/3 pods of the current version are healthy: pod web-abc-0 is CrashLoopBackOff");
  });
  it("wants pods to prove stable", () => {
    const { cluster } = fixture("young");
    expect(run({ kind: "workloadHealthy", name: "web" }, cluster).message).toMatch(/running for only 5s \(needs 30s/);
    expect(run({ kind: "workloadHealthy", name: "web", stableSeconds: 3 }, cluster).passed).toBe(true);
  });
  it("refuses a deployment scaled to zero or deleted", () => {
    const { cluster } = fixture();
    cluster.store.get("Deployment", "shop", "web")!.spec.replicas = 0;
    expect(run({ kind: "workloadHealthy", name: "web" }, cluster).message).toBe("deployment web is scaled to 0 replicas: it must run at least 1");
    cluster.store.remove("Deployment", "shop", "web");
    expect(run({ kind: "workloadHealthy", name: "web" }, cluster).message).toBe("deployment web does not exist in namespace shop");
  });
});

describe("fix-in-place checks", () => {
  it("sameUid tells deletion and recreation apart", () => {
    const { cluster, depUid } = fixture();
    const initialUids = { [objectKey("Deployment", "shop", "web")]: depUid };
    expect(run({ kind: "sameUid", object: "Deployment", name: "web" }, cluster, { initialUids }).passed).toBe(true);
    const dep = cluster.store.remove("Deployment", "shop", "web")!;
    expect(run({ kind: "sameUid", object: "Deployment", name: "web" }, cluster, { initialUids }).message).toMatch(/was deleted:/);
    dep.metadata.uid = undefined;
    cluster.store.create(dep);
    expect(run({ kind: "sameUid", object: "deploy", name: "web" }, cluster, { initialUids }).message).toMatch(/deleted and recreated/);
  });
  it("resourcesKept and probeKept catch removed or lowered settings", () => {
    const { cluster } = fixture();
    const check = { kind: "resourcesKept", name: "web", container: "app", requests: { cpu: "100m" }, limits: { memory: "256Mi" } };
    expect(run(check, cluster).passed).toBe(true);
    const c = cluster.store.get("Deployment", "shop", "web")!.spec.template.spec.containers[0];
    c.resources.limits.memory = "128Mi";
    expect(run(check, cluster).message).toBe("deployment web: the memory limit of container app is 128Mi, below 256Mi");
    delete c.resources.requests;
    expect(run(check, cluster).message).toBe("deployment web: the cpu request of container app was removed; keep one of at least 100m");
    expect(run({ kind: "probeKept", name: "web", container: "app", probe: "liveness" }, cluster).passed).toBe(true);
    delete c.livenessProbe;
    expect(run({ kind: "probeKept", name: "web", container: "app", probe: "liveness" }, cluster).passed).toBe(false);
  });
  it("imageIs, fieldEquals and fieldMatches read the live object", () => {
    const { cluster } = fixture();
    expect(run({ kind: "imageIs", name: "web", container: "app", image: "nginx:1.27" }, cluster).passed).toBe(true);
    expect(run({ kind: "imageIs", name: "web", container: "app", pattern: "nginx:1\\.2[0-6]" }, cluster).message).toBe("deployment web: container app runs nginx:1.27");
    expect(run({ kind: "fieldEquals", object: "Service", name: "web", path: "spec.ports[0].targetPort", value: "8080" }, cluster).passed).toBe(true);
    expect(run({ kind: "fieldEquals", object: "Service", name: "web", path: "spec.selector.app", value: "api" }, cluster).message).toBe("service web: spec.selector.app is web, expected api");
    expect(run({ kind: "fieldMatches", object: "Deployment", name: "web", path: "spec.replicas", pattern: "[1-9]" }, cluster).passed).toBe(true);
    expect(run({ kind: "replicasAtLeast", name: "web", min: 4 }, cluster).message).toBe("deployment web was scaled down to 3: it must keep at least 4 replicas");
  });
});

describe("services and namespaces", () => {
  it("serviceHasEndpoints counts ready addresses, on a port when asked", () => {
    const { cluster } = fixture("crash");
    expect(run({ kind: "serviceHasEndpoints", name: "web" }, cluster).message).toBe("service web routes to 2 ready endpoints");
    expect(run({ kind: "serviceHasEndpoints", name: "web", port: 80 }, cluster).message).toBe("service web sends traffic to port 8080 of its pods, where nothing listens (the app listens on 80)");
    cluster.store.get("Service", "shop", "web")!.spec.selector = { app: "webb" };
    cluster.store.get<KObject>("Endpoints", "shop", "web")!.subsets = [];
    expect(run({ kind: "serviceHasEndpoints", name: "web" }, cluster).message).toBe("service web has no endpoints: its selector app=webb matches no pod");
  });
  it("namespaceHealthy and podsNotIn look at every pod", () => {
    const { cluster } = fixture("crash");
    expect(run({ kind: "namespaceHealthy", namespace: "shop" }, cluster).message).toBe("namespace shop: pod web-abc-0 is CrashLoopBackOff");
    expect(run({ kind: "podsNotIn", namespace: "shop", selector: "app=web", statuses: ["CrashLoopBackOff"] }, cluster).message).toBe("pod web-abc-0 is CrashLoopBackOff");
    expect(run({ kind: "podsNotIn", namespace: "shop", statuses: ["Pending"] }, cluster).passed).toBe(true);
  });
});

describe("action-log checks", () => {
  it("diagnosed wants evidence before the first change", () => {
    const { cluster } = fixture();
    const check = { kind: "diagnosed", anyOf: [{ command: "describe", kinds: ["Pod"] }, { command: "logs", input: "(--previous|-p)\\b" }] };
    const describeFirst = [action(1, "kubectl describe pod web-abc-0 -n shop", ["describe"], false), action(2, "kubectl set image deploy/web app=nginx:1.27", ["set", "image"], true)];
    expect(run(check, cluster, { log: describeFirst }).passed).toBe(true);
    const fixFirst = [action(1, "kubectl set image deploy/web app=nginx:1.27", ["set", "image"], true), action(2, "kubectl describe po web-abc-0", ["describe"], false)];
    expect(run(check, cluster, { log: fixFirst }).message).toMatch(/^diagnose before changing things: kubectl describe pod, or kubectl logs/);
    expect(run(check, cluster, { log: [action(1, "kubectl logs web-abc-0 --previous", ["logs"], false)] }).passed).toBe(true);
    expect(run(check, cluster, { log: [action(1, "kubectl logs web-abc-0", ["logs"], false)] }).passed).toBe(false);
    expect(run(check, cluster, { log: [action(1, "kubectl describe deploy web", ["describe"], false, [{ kind: "Deployment", name: "web" }])] }).passed).toBe(false);
  });
  it("noCommand flags workaround commands", () => {
    const { cluster } = fixture();
    const check = { kind: "noCommand", pattern: "delete\\s+(deploy|deployment)", reason: "deleting the deployment loses its history" };
    expect(run(check, cluster, { log: [action(1, "kubectl delete deployment web", ["delete"], true)] }).message).toBe("`kubectl delete deployment web`: deleting the deployment loses its history");
    expect(run(check, cluster).passed).toBe(true);
  });
});
