/**
 * A small cluster of fixture objects covering every printer branch, frozen at a fixed
 * virtual time (no controllers run), and a tiny dispatcher that resolves a kubectl line
 * against the read commands as the real dispatcher does.
 */
import { Cluster } from "../../../engine/runtime/cluster";
import type { KObject } from "../../../engine/model/types";
import { buildCommandTree, resolveCommand, flagString } from "../../../engine/kubectl/args";
import type { CommandResult, CommandSpec, KubeconfigState } from "../../../engine/kubectl/command";
import { readCommands } from "../../../engine/kubectl/commands/read";

/** The fixture cluster's "now": 2026-03-02T10:00:00Z. */
export const NOW = Date.parse("2026-03-02T10:00:00Z");

/** An RFC 3339 time `s` seconds before NOW. */
export function ago(s: number): string {
  return new Date(NOW - s * 1000).toISOString().replace(".000Z", "Z");
}

const world = { registry: { hosts: [], repositories: [] }, apps: {}, clusterDomain: "cluster.local" };

function node(name: string, opts: { ip: string; ready?: string; unschedulable?: boolean; cp?: boolean; ageS: number }): KObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      creationTimestamp: ago(opts.ageS),
      labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", ...(opts.cp ? { "node-role.kubernetes.io/control-plane": "" } : {}) },
    },
    spec: { podCIDR: "10.244.0.0/24", ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: { cpu: "4", memory: "8148020Ki", pods: "110" },
      allocatable: { cpu: "4", memory: "8045620Ki", pods: "110" },
      conditions: [{ type: "Ready", status: opts.ready ?? "True", reason: "KubeletReady", message: "kubelet is posting ready status" }],
      addresses: [
        { type: "InternalIP", address: opts.ip },
        { type: "Hostname", address: name },
      ],
      nodeInfo: {
        kernelVersion: "6.8.0-1015-gcp",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        containerRuntimeVersion: "containerd://1.7.24",
        kubeletVersion: "v1.32.2",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

function cs(name: string, state: object, extra: Partial<{ ready: boolean; restartCount: number; lastState: object; started: boolean }> = {}) {
  return { name, state, lastState: extra.lastState ?? {}, ready: extra.ready ?? false, restartCount: extra.restartCount ?? 0, image: "x", imageID: "", started: extra.started };
}

function pod(name: string, ns: string, ageS: number, status: object, spec: object = {}, meta: object = {}): KObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: ns, creationTimestamp: ago(ageS), labels: { app: name.split("-")[0] }, ...meta },
    spec: { containers: [{ name: "app", image: "registry.acme.internal/shop/app:1.4.2" }], nodeName: "worker-1", ...spec },
    status,
  };
}

const running = { running: { startedAt: ago(3000) } };

/** Every fixture object. */
export function fixtureObjects(): KObject[] {
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "default", creationTimestamp: ago(864000) }, status: { phase: "Active" } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "kube-system", creationTimestamp: ago(864000) }, status: { phase: "Active" } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", creationTimestamp: ago(3600) }, status: { phase: "Active" } },
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "old", creationTimestamp: ago(7200), deletionTimestamp: ago(10) }, status: { phase: "Terminating" } },
    node("control-plane", { ip: "10.0.0.10", cp: true, ageS: 864000 }),
    node("worker-1", { ip: "10.0.0.11", ageS: 863000 }),
    node("worker-2", { ip: "10.0.0.12", unschedulable: true, ageS: 863000 }),
    node("worker-3", { ip: "10.0.0.13", ready: "Unknown", ageS: 3600 * 30 }),
    pod("web-7d4b9c6f8d-x2x9q", "shop", 3000, {
      phase: "Running",
      podIP: "10.244.1.5",
      podIPs: [{ ip: "10.244.1.5" }],
      conditions: [{ type: "Ready", status: "True" }],
      containerStatuses: [cs("app", running, { ready: true })],
    }),
    pod("api-5f6d8b7c9-qwrtz", "shop", 600, {
      phase: "Running",
      podIP: "10.244.1.6",
      podIPs: [{ ip: "10.244.1.6" }],
      containerStatuses: [
        cs("app", { waiting: { reason: "CrashLoopBackOff", message: "back-off 40s" } }, { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(45) } } }),
      ],
    }),
    pod("cart-6c7d8e9f0-abcde", "shop", 200, { phase: "Pending", containerStatuses: [cs("app", { waiting: { reason: "ImagePullBackOff" } })] }),
    pod("init-5b6c7d8e9-fghjk", "shop", 90, {
      phase: "Pending",
      initContainerStatuses: [cs("migrate", { running: {} })],
      containerStatuses: [cs("app", { waiting: { reason: "PodInitializing" } })],
    }, { initContainers: [{ name: "migrate", image: "migrate:1" }] }),
    pod("initfail-5b6c7d8e9-lmnpq", "shop", 90, {
      phase: "Pending",
      initContainerStatuses: [cs("migrate", { terminated: { exitCode: 2 } }, { restartCount: 1 })],
      containerStatuses: [cs("app", { waiting: { reason: "PodInitializing" } })],
    }, { initContainers: [{ name: "migrate", image: "migrate:1" }] }),
    pod("pending-5b6c7d8e9-rstvw", "shop", 30, { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }] }, { nodeName: undefined }),
    pod("gated-5b6c7d8e9-xzbcd", "shop", 30, { phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] }, { nodeName: undefined }),
    pod("job-28012345-abcde", "shop", 7200, { phase: "Succeeded", containerStatuses: [cs("app", { terminated: { exitCode: 0, reason: "Completed" } })] }),
    pod("oom-5b6c7d8e9-fgh23", "shop", 1500, {
      phase: "Running",
      containerStatuses: [cs("app", { terminated: { exitCode: 137, reason: "OOMKilled", finishedAt: ago(5) } }, { restartCount: 12, lastState: { terminated: { exitCode: 137, reason: "OOMKilled", finishedAt: ago(190) } } })],
    }),
    pod("multi-5b6c7d8e9-jkl45", "shop", 400, {
      phase: "Running",
      conditions: [{ type: "Ready", status: "False" }],
      containerStatuses: [cs("app", running, { ready: true }), cs("sidecar", { terminated: { exitCode: 0, reason: "Completed" } })],
    }, { containers: [{ name: "app", image: "app:1" }, { name: "sidecar", image: "side:1" }] }),
    pod("term-5b6c7d8e9-mnp67", "shop", 5000, { phase: "Running", containerStatuses: [cs("app", running, { ready: true })] }, {}, { deletionTimestamp: ago(3) }),
    pod("signal-5b6c7d8e9-qrs89", "shop", 50, { phase: "Running", containerStatuses: [cs("app", { terminated: { exitCode: 0, signal: 9 } })] }),
    pod("coredns-668d6bf9bc-4x7zn", "kube-system", 864000, {
      phase: "Running",
      podIP: "10.244.0.2",
      podIPs: [{ ip: "10.244.0.2" }],
      containerStatuses: [cs("coredns", running, { ready: true })],
    }, { nodeName: "control-plane" }, { labels: { "k8s-app": "kube-dns" } }),
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "shop", creationTimestamp: ago(3000), labels: { app: "web" } },
      spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "nginx:1.27" }, { name: "log", image: "busybox:1.36" }] } } },
      status: { replicas: 3, updatedReplicas: 3, readyReplicas: 1, availableReplicas: 1 },
    },
    {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web-7d4b9c6f8d", namespace: "shop", creationTimestamp: ago(3000), labels: { app: "web", "pod-template-hash": "7d4b9c6f8d" } },
      spec: { replicas: 3, selector: { matchLabels: { app: "web", "pod-template-hash": "7d4b9c6f8d" } }, template: { spec: { containers: [{ name: "app", image: "nginx:1.27" }] } } },
      status: { replicas: 3, readyReplicas: 1 },
    },
    {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db", namespace: "shop", creationTimestamp: ago(3000) },
      spec: { replicas: 1, selector: { matchLabels: { app: "db" } }, template: { spec: { containers: [{ name: "postgres", image: "postgres:16" }] } } },
      status: { replicas: 1, readyReplicas: 0 },
    },
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "kube-proxy", namespace: "kube-system", creationTimestamp: ago(864000) },
      spec: { selector: { matchExpressions: [{ key: "k8s-app", operator: "In", values: ["kube-proxy"] }] }, template: { spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.32.2" }] } } },
      status: { desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 3, updatedNumberScheduled: 4, numberAvailable: 3 },
    },
    {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "report-28012345", namespace: "shop", creationTimestamp: ago(7200) },
      spec: { completions: 1, parallelism: 1, selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "abc" } }, template: { spec: { containers: [{ name: "report", image: "report:2" }] } } },
      status: { succeeded: 1, startTime: ago(7200), completionTime: ago(7150), conditions: [{ type: "Complete", status: "True" }] },
    },
    {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "report", namespace: "shop", creationTimestamp: ago(86400 * 3) },
      spec: { schedule: "0 * * * *", suspend: false, jobTemplate: { spec: { template: { spec: { containers: [{ name: "report", image: "report:2" }] } } } } },
      status: { lastScheduleTime: ago(7200) },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "shop", creationTimestamp: ago(3000) },
      spec: { type: "ClusterIP", clusterIP: "10.96.12.34", selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080, protocol: "TCP" }] },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "shop-lb", namespace: "shop", creationTimestamp: ago(3000) },
      spec: { type: "LoadBalancer", clusterIP: "10.96.40.1", selector: { app: "web" }, ports: [{ name: "http", port: 80, nodePort: 30080, protocol: "TCP" }, { name: "https", port: 443, nodePort: 30443, protocol: "TCP" }] },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "kube-dns", namespace: "kube-system", creationTimestamp: ago(864000), labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" } },
      spec: { type: "ClusterIP", clusterIP: "10.96.0.10", selector: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53, protocol: "TCP" }] },
    },
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "web", namespace: "shop", creationTimestamp: ago(3000) },
      subsets: [{ addresses: ["10.244.1.5", "10.244.1.7", "10.244.2.3", "10.244.2.9"].map((ip) => ({ ip })), ports: [{ port: 8080, protocol: "TCP" }] }],
    },
    { apiVersion: "v1", kind: "Endpoints", metadata: { name: "shop-lb", namespace: "shop", creationTimestamp: ago(3000) } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "app-config", namespace: "shop", creationTimestamp: ago(3000) }, data: { "application.yaml": "server:\n  port: 8080\n", LOG_LEVEL: "info" } },
    { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "shop", creationTimestamp: ago(3000) }, type: "Opaque", data: { password: "czNjcjN0" } },
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "shop", creationTimestamp: ago(3600) } },
    {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "data-db-0", namespace: "shop", creationTimestamp: ago(3000) },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, storageClassName: "standard", volumeName: "pvc-3f1c", volumeMode: "Filesystem" },
      status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } },
    },
    {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "uploads", namespace: "shop", creationTimestamp: ago(600) },
      spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "5Gi" } }, storageClassName: "fast" },
      status: { phase: "Pending" },
    },
    {
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: { name: "pvc-3f1c", creationTimestamp: ago(3000) },
      spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], persistentVolumeReclaimPolicy: "Delete", storageClassName: "standard", claimRef: { namespace: "shop", name: "data-db-0" } },
      status: { phase: "Bound" },
    },
    { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "standard", creationTimestamp: ago(864000), annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }, provisioner: "rancher.io/local-path", reclaimPolicy: "Delete", volumeBindingMode: "WaitForFirstConsumer" },
    ...events(),
  ];
}

function event(name: string, ns: string, kind: string, obj: string, type: "Normal" | "Warning", reason: string, message: string, firstS: number, lastS: number, count: number, source: { component: string; host?: string }, fieldPath?: string): KObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace: ns, creationTimestamp: ago(firstS) },
    involvedObject: { kind, namespace: ns, name: obj, apiVersion: kind === "Deployment" || kind === "ReplicaSet" ? "apps/v1" : "v1", ...(fieldPath ? { fieldPath } : {}) },
    reason,
    message,
    source,
    firstTimestamp: ago(firstS),
    lastTimestamp: ago(lastS),
    count,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? "",
  };
}

function events(): KObject[] {
  return [
    event("api-5f6d8b7c9-qwrtz.17f0a1b2c3d4e5f6", "shop", "Pod", "api-5f6d8b7c9-qwrtz", "Warning", "BackOff", "Back-off restarting failed container app in pod api-5f6d8b7c9-qwrtz_shop(0b1c)", 500, 45, 9, { component: "kubelet", host: "worker-1" }, "spec.containers{app}"),
    event("api-5f6d8b7c9-qwrtz.17f0a1b2c3d4e5a0", "shop", "Pod", "api-5f6d8b7c9-qwrtz", "Normal", "Scheduled", "Successfully assigned shop/api-5f6d8b7c9-qwrtz to worker-1", 600, 600, 1, { component: "default-scheduler" }),
    event("api-5f6d8b7c9-qwrtz.17f0a1b2c3d4e5b1", "shop", "Pod", "api-5f6d8b7c9-qwrtz", "Normal", "Pulled", 'Container image "registry.acme.internal/shop/app:1.4.2" already present on machine', 590, 100, 5, { component: "kubelet", host: "worker-1" }, "spec.containers{app}"),
    event("web.17f0a1b2c3d4e5c2", "shop", "Deployment", "web", "Normal", "ScalingReplicaSet", "Scaled up replica set web-7d4b9c6f8d to 3", 3000, 3000, 1, { component: "deployment-controller" }),
    event("pending-5b6c7d8e9-rstvw.17f0a1b2c3d4e5d3", "shop", "Pod", "pending-5b6c7d8e9-rstvw", "Warning", "FailedScheduling", "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.", 30, 30, 1, { component: "default-scheduler" }),
  ];
}

/** A cluster holding the fixture objects (stored as given; no controllers run). */
export function fixtureCluster(objects: KObject[] = fixtureObjects()): Cluster {
  const cluster = new Cluster({ seed: 7, startMs: NOW, world, controllers: [] });
  for (const o of objects) cluster.store.create(structuredClone(o));
  return cluster;
}

const tree = buildCommandTree(readCommands as CommandSpec[]);

/** Splits a command line on spaces, keeping '…' and "…" groups (enough for the tests). */
export function argv(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  let cur = "";
  let pos = 0;
  while ((m = re.exec(line))) {
    const gap = line.slice(pos, m.index);
    if (gap.length > 0 && cur !== "") {
      out.push(cur);
      cur = "";
    }
    cur += m[1] ?? m[2] ?? m[3];
    pos = re.lastIndex;
  }
  if (cur !== "") out.push(cur);
  return out;
}

/** Runs `kubectl …` (the words after `kubectl`) against `cluster` with the read commands. */
export function kubectl(cluster: Cluster, line: string, contextNamespace = "default", kubeconfig?: KubeconfigState): CommandResult {
  const r = resolveCommand(argv(line), tree);
  if (!r.ok) return { stdout: "", stderr: r.error, exitCode: r.exitCode };
  if (r.kind !== "command") return { stdout: "", stderr: `(${r.kind})\n`, exitCode: 1 };
  const nsFlag = flagString(r.args.flags, "namespace");
  return r.command.run(
    { cluster, namespace: nsFlag || kubeconfig?.namespace || contextNamespace, namespaceExplicit: nsFlag !== "", kubeconfig },
    { positionals: r.args.positionals, flags: r.args.flags, dashArgs: r.args.dashArgs },
  );
}
