/**
 * Hand-built objects covering many describe branches, timestamped relative to `now` so that
 * ages read the same to the engine (virtual now) and to a real kubectl (wall clock).
 */
import type { KObject } from "../../../engine/model/types";
import { buildNode } from "../../../engine/model/node-builder";

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** RFC 3339 of `now - ago` at whole seconds. */
function at(now: number, ago: number): string {
  return new Date(Math.floor((now - ago) / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

const KUBE_API_ACCESS = (suffix: string) => ({
  name: `kube-api-access-${suffix}`,
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
      { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
    ],
  },
});
const SA_MOUNT = (suffix: string) => ({ name: `kube-api-access-${suffix}`, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true });
const DEFAULT_TOLERATIONS = [
  { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
  { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
];
const PROBE = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 };

function event(now: number, name: string, obj: { kind: string; name: string; namespace?: string; uid: string }, type: "Normal" | "Warning", reason: string, message: string, component: string, firstAgo: number, lastAgo: number, count: number, fieldPath?: string, host?: string): KObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${obj.name}.${name}`, namespace: obj.namespace ?? "default", creationTimestamp: at(now, firstAgo) },
    involvedObject: { kind: obj.kind, name: obj.name, namespace: obj.namespace, uid: obj.uid, apiVersion: obj.kind === "Pod" || obj.kind === "Node" ? "v1" : "apps/v1", ...(fieldPath ? { fieldPath } : {}) },
    reason,
    message,
    source: host ? { component, host } : { component },
    firstTimestamp: at(now, firstAgo),
    lastTimestamp: at(now, lastAgo),
    count,
    type,
    eventTime: null,
    reportingComponent: component,
    reportingInstance: host ?? "",
  };
}

/** The objects of a small shop cluster with pods in many states, at virtual time `now`. */
export function buildOracleFixture(now: number): KObject[] {
  const objs: KObject[] = [];
  const nodes = [
    buildNode({ name: "kind-control-plane", cpu: "4", memory: "8Gi", role: "control-plane", createdMs: now - 3 * D, internalIP: "172.18.0.2" }),
    buildNode({ name: "kind-worker", cpu: "4", memory: "8Gi", createdMs: now - 3 * D, internalIP: "172.18.0.3" }),
    buildNode({ name: "kind-worker2", cpu: "2", memory: "4Gi", createdMs: now - 3 * D + 5 * S, internalIP: "172.18.0.4", unschedulable: true, taints: [{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: at(now, 2 * H) }, { key: "dedicated", value: "db", effect: "NoExecute" }] }),
  ];
  for (const n of nodes) {
    n.metadata.uid = `00000000-0000-4000-8000-${n.metadata.name.padStart(12, "0").slice(-12).replace(/[^0-9a-f]/g, "a")}`;
    objs.push(n);
  }
  // kind-worker2 stopped posting status 3 minutes ago.
  const w2 = nodes[2];
  for (const c of w2.status.conditions) {
    c.status = "Unknown";
    c.reason = "NodeStatusUnknown";
    c.message = "Kubelet stopped posting node status.";
    c.lastHeartbeatTime = at(now, 4 * M);
    c.lastTransitionTime = at(now, 3 * M);
  }

  objs.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", uid: "ns-shop-uid", creationTimestamp: at(now, 20 * M), labels: { "kubernetes.io/metadata.name": "shop" } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
  objs.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: "default", uid: "ns-default-uid", creationTimestamp: at(now, 3 * D), labels: { "kubernetes.io/metadata.name": "default" } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
  objs.push({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "shop", uid: "sa-uid", creationTimestamp: at(now, 20 * M) } });
  objs.push({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "builder", namespace: "shop", uid: "sa2-uid", creationTimestamp: at(now, 20 * M), labels: { team: "ci" } }, imagePullSecrets: [{ name: "regcred" }, { name: "regcred2" }], secrets: [{ name: "builder-token" }] });
  objs.push({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "web-config", namespace: "shop", uid: "cm-uid", creationTimestamp: at(now, 20 * M), labels: { app: "web" }, annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"apiVersion":"v1"}\n', owner: "team-web" } }, data: { LOG_LEVEL: "debug", "nginx.conf": "server {\n  listen 8080;\n}\n" }, binaryData: { "logo.png": "iVBORw0KGgo=" } });
  objs.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "db-credentials", namespace: "shop", uid: "sec-uid", creationTimestamp: at(now, 20 * M) }, type: "Opaque", data: { password: "czNjcjN0IQ==", username: "YXBw" } });

  // Deployment web: a new ReplicaSet failing, an old one serving.
  const dep = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "shop", uid: "dep-web-uid", generation: 2, creationTimestamp: at(now, 15 * M), labels: { app: "web" }, annotations: { "deployment.kubernetes.io/revision": "2" } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web", tier: "frontend" } },
        spec: {
          containers: [
            {
              name: "web",
              image: "nginx:1.27.1",
              ports: [{ containerPort: 8080, name: "http", protocol: "TCP" }],
              env: [{ name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "web-config", key: "LOG_LEVEL" } } }, { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } }],
              resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } },
              readinessProbe: { httpGet: { path: "/healthz", port: 8080, scheme: "HTTP" }, ...PROBE },
              volumeMounts: [{ name: "config", mountPath: "/etc/nginx/conf.d", readOnly: true }],
            },
          ],
          volumes: [{ name: "config", configMap: { name: "web-config", defaultMode: 420 } }],
          nodeSelector: { "kubernetes.io/os": "linux" },
          tolerations: [{ key: "dedicated", operator: "Equal", value: "web", effect: "NoSchedule" }],
        },
      },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 2,
      replicas: 3,
      updatedReplicas: 1,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 1,
      conditions: [
        { type: "Available", status: "True", lastUpdateTime: at(now, 14 * M), lastTransitionTime: at(now, 14 * M), reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." },
        { type: "Progressing", status: "True", lastUpdateTime: at(now, 5 * M), lastTransitionTime: at(now, 15 * M), reason: "ReplicaSetUpdated", message: 'ReplicaSet "web-7d9f8b6c5" is progressing.' },
      ],
    },
  };
  objs.push(dep);
  const template = (hash: string, image: string) => {
    const t = JSON.parse(JSON.stringify(dep.spec.template));
    t.metadata.labels["pod-template-hash"] = hash;
    t.spec.containers[0].image = image;
    return t;
  };
  const rsOld = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-5c6d7f8g9", namespace: "shop", uid: "rs-old-uid", generation: 2, creationTimestamp: at(now, 15 * M), labels: { app: "web", tier: "frontend", "pod-template-hash": "5c6d7f8g9" }, annotations: { "deployment.kubernetes.io/desired-replicas": "2", "deployment.kubernetes.io/max-replicas": "3", "deployment.kubernetes.io/revision": "1" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "dep-web-uid", controller: true, blockOwnerDeletion: true }] },
    spec: { replicas: 2, selector: { matchLabels: { app: "web", "pod-template-hash": "5c6d7f8g9" } }, template: template("5c6d7f8g9", "nginx:1.27.0") },
    status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 },
  };
  const rsNew = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-7d9f8b6c5", namespace: "shop", uid: "rs-new-uid", generation: 1, creationTimestamp: at(now, 5 * M), labels: { app: "web", tier: "frontend", "pod-template-hash": "7d9f8b6c5" }, annotations: { "deployment.kubernetes.io/desired-replicas": "2", "deployment.kubernetes.io/max-replicas": "3", "deployment.kubernetes.io/revision": "2" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "dep-web-uid", controller: true, blockOwnerDeletion: true }] },
    spec: { replicas: 1, selector: { matchLabels: { app: "web", "pod-template-hash": "7d9f8b6c5" } }, template: template("7d9f8b6c5", "nginx:1.27.1") },
    status: { replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 1 },
  };
  objs.push(rsOld, rsNew);
  objs.push(event(now, "a1", { kind: "Deployment", name: "web", namespace: "shop", uid: "dep-web-uid" }, "Normal", "ScalingReplicaSet", "Scaled up replica set web-5c6d7f8g9 to 2", "deployment-controller", 15 * M, 15 * M, 1));
  objs.push(event(now, "a2", { kind: "Deployment", name: "web", namespace: "shop", uid: "dep-web-uid" }, "Normal", "ScalingReplicaSet", "Scaled up replica set web-7d9f8b6c5 to 1", "deployment-controller", 5 * M, 5 * M, 1));
  objs.push(event(now, "b1", { kind: "ReplicaSet", name: "web-7d9f8b6c5", namespace: "shop", uid: "rs-new-uid" }, "Normal", "SuccessfulCreate", "Created pod: web-7d9f8b6c5-x2x9q", "replicaset-controller", 5 * M, 5 * M, 1));

  const podBase = (name: string, rs: { metadata: { name: string; uid: string }; spec: { template: unknown } }, node: string | undefined, ip: string | undefined, ago: number) => {
    const t = JSON.parse(JSON.stringify(rs.spec.template));
    const suffix = name.slice(-5);
    t.spec.containers[0].volumeMounts.push(SA_MOUNT(suffix));
    t.spec.volumes.push(KUBE_API_ACCESS(suffix));
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: "shop", uid: `pod-${name}`, generateName: `${rs.metadata.name}-`, creationTimestamp: at(now, ago), labels: t.metadata.labels, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }] },
      spec: {
        ...t.spec,
        tolerations: [...t.spec.tolerations, ...DEFAULT_TOLERATIONS],
        ...(node ? { nodeName: node } : {}),
        serviceAccountName: "default",
        serviceAccount: "default",
        restartPolicy: "Always",
        terminationGracePeriodSeconds: 30,
        dnsPolicy: "ClusterFirst",
        schedulerName: "default-scheduler",
        priority: 0,
        enableServiceLinks: true,
        preemptionPolicy: "PreemptLowerPriority",
      },
      status: { phase: "Pending", qosClass: "Burstable", ...(node ? { hostIP: node === "kind-worker" ? "172.18.0.3" : "172.18.0.2", hostIPs: [{ ip: node === "kind-worker" ? "172.18.0.3" : "172.18.0.2" }] } : {}), ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}), ...(node ? { startTime: at(now, ago - 1 * S) } : {}) } as Record<string, unknown>,
    };
  };
  const readyConditions = (ago: number, ready: boolean) => [
    { type: "PodReadyToStartContainers", status: "True", lastProbeTime: null, lastTransitionTime: at(now, ago - 3 * S) },
    { type: "Initialized", status: "True", lastProbeTime: null, lastTransitionTime: at(now, ago - 1 * S) },
    { type: "Ready", status: ready ? "True" : "False", lastProbeTime: null, lastTransitionTime: at(now, ago - 8 * S), ...(ready ? {} : { reason: "ContainersNotReady", message: "containers with unready status: [web]" }) },
    { type: "ContainersReady", status: ready ? "True" : "False", lastProbeTime: null, lastTransitionTime: at(now, ago - 8 * S), ...(ready ? {} : { reason: "ContainersNotReady", message: "containers with unready status: [web]" }) },
    { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: at(now, ago) },
  ];
  // Two running pods of the old ReplicaSet.
  for (const [name, ip] of [["web-5c6d7f8g9-abcde", "10.244.1.5"], ["web-5c6d7f8g9-fghjk", "10.244.1.6"]] as const) {
    const p = podBase(name, rsOld, "kind-worker", ip, 15 * M);
    p.status = { ...p.status, phase: "Running", conditions: readyConditions(15 * M, true), containerStatuses: [{ name: "web", state: { running: { startedAt: at(now, 15 * M - 4 * S) } }, lastState: {}, ready: true, restartCount: 0, image: "docker.io/library/nginx:1.27.0", imageID: "docker.io/library/nginx@sha256:0a399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206a", containerID: "containerd://4f1c1b7d8e2a", started: true }] };
    objs.push(p);
  }
  // The new pod: crash looping with a last terminated state.
  const crash = podBase("web-7d9f8b6c5-x2x9q", rsNew, "kind-worker", "10.244.1.7", 5 * M);
  crash.status = {
    ...crash.status,
    phase: "Running",
    conditions: readyConditions(5 * M, false),
    containerStatuses: [
      {
        name: "web",
        state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 1m20s restarting failed container=web pod=web-7d9f8b6c5-x2x9q_shop(pod-web-7d9f8b6c5-x2x9q)" } },
        lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: at(now, 90 * S), finishedAt: at(now, 88 * S), containerID: "containerd://9a8b7c6d" } },
        ready: false,
        restartCount: 4,
        image: "docker.io/library/nginx:1.27.1",
        imageID: "docker.io/library/nginx@sha256:1b399eb16751829e1af26fea27b20c3ec28d7ab1fb72182879dcae1cca21206b",
        containerID: "containerd://9a8b7c6d",
        started: false,
      },
    ],
  };
  objs.push(crash);
  const crashRef = { kind: "Pod", name: crash.metadata.name, namespace: "shop", uid: crash.metadata.uid };
  objs.push(event(now, "c1", crashRef, "Normal", "Scheduled", "Successfully assigned shop/web-7d9f8b6c5-x2x9q to kind-worker", "default-scheduler", 5 * M, 5 * M, 1));
  objs.push(event(now, "c2", crashRef, "Normal", "Pulled", 'Container image "nginx:1.27.1" already present on machine', "kubelet", 5 * M - 2 * S, 88 * S + 3 * S, 5, "spec.containers{web}", "kind-worker"));
  objs.push(event(now, "c3", crashRef, "Normal", "Created", "Created container: web", "kubelet", 5 * M - 2 * S, 90 * S, 5, "spec.containers{web}", "kind-worker"));
  objs.push(event(now, "c4", crashRef, "Normal", "Started", "Started container web", "kubelet", 5 * M - 2 * S, 90 * S, 5, "spec.containers{web}", "kind-worker"));
  objs.push(event(now, "c5", crashRef, "Warning", "BackOff", "Back-off restarting failed container web in pod web-7d9f8b6c5-x2x9q_shop(pod-web-7d9f8b6c5-x2x9q)", "kubelet", 4 * M, 12 * S, 19, "spec.containers{web}", "kind-worker"));

  // A standalone pod that cannot pull its image, with an init container and a sidecar.
  const pull = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "api-0", namespace: "shop", uid: "pod-api-0", creationTimestamp: at(now, 3 * M), labels: { app: "api", "app.kubernetes.io/name": "api" }, annotations: { "prometheus.io/scrape": "true", "a.very.long/annotation": "x".repeat(150) } },
    spec: {
      initContainers: [{ name: "migrate", image: "registry.acme.internal/api-migrate:2.1", command: ["sh", "-c"], args: ["./migrate up\necho done"], resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "200m", memory: "64Mi" } }, volumeMounts: [SA_MOUNT("p2k4m")] }],
      containers: [
        {
          name: "api",
          image: "registry.acme.internal/api:2.1",
          ports: [{ containerPort: 8080, protocol: "TCP" }, { containerPort: 9090, protocol: "TCP", name: "metrics" }],
          env: [
            { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db-credentials", key: "password" } } },
            { name: "FEATURE", valueFrom: { configMapKeyRef: { name: "flags", key: "feature", optional: true } } },
            { name: "MEM_LIMIT", valueFrom: { resourceFieldRef: { containerName: "api", resource: "limits.memory", divisor: "1Mi" } } },
            { name: "CPU_LIMIT", valueFrom: { resourceFieldRef: { containerName: "api", resource: "limits.cpu", divisor: "1" } } },
            { name: "MULTI", value: "line1\nline2" },
          ],
          envFrom: [{ configMapRef: { name: "web-config" } }],
          resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "1Gi" } },
          livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 15, ...PROBE },
          startupProbe: { exec: { command: ["cat", "/tmp/started"] }, ...PROBE, failureThreshold: 30 },
          volumeMounts: [{ name: "data", mountPath: "/data" }, SA_MOUNT("p2k4m"), { name: "tmp", mountPath: "/tmp", subPath: "api" }],
        },
        { name: "sidecar", image: "busybox:1.36", command: ["sleep", "3600"], resources: {}, volumeMounts: [SA_MOUNT("p2k4m")] },
      ],
      volumes: [{ name: "data", persistentVolumeClaim: { claimName: "api-data" } }, { name: "tmp", emptyDir: { sizeLimit: "500Mi" } }, { name: "creds", secret: { secretName: "db-credentials", defaultMode: 420, optional: true } }, KUBE_API_ACCESS("p2k4m")],
      nodeName: "kind-worker",
      serviceAccountName: "default",
      priority: 0,
      tolerations: DEFAULT_TOLERATIONS,
    },
    status: {
      phase: "Pending",
      hostIP: "172.18.0.3",
      hostIPs: [{ ip: "172.18.0.3" }],
      podIP: "10.244.1.9",
      podIPs: [{ ip: "10.244.1.9" }],
      startTime: at(now, 3 * M - S),
      qosClass: "Burstable",
      conditions: [
        { type: "PodReadyToStartContainers", status: "True", lastTransitionTime: at(now, 3 * M - 3 * S) },
        { type: "Initialized", status: "True", lastTransitionTime: at(now, 2 * M) },
        { type: "Ready", status: "False", lastTransitionTime: at(now, 3 * M), reason: "ContainersNotReady", message: "containers with unready status: [api]" },
        { type: "ContainersReady", status: "False", lastTransitionTime: at(now, 3 * M), reason: "ContainersNotReady", message: "containers with unready status: [api]" },
        { type: "PodScheduled", status: "True", lastTransitionTime: at(now, 3 * M) },
      ],
      initContainerStatuses: [{ name: "migrate", state: { terminated: { exitCode: 0, reason: "Completed", startedAt: at(now, 170 * S), finishedAt: at(now, 2 * M), containerID: "containerd://1234" } }, lastState: {}, ready: true, restartCount: 0, image: "registry.acme.internal/api-migrate:2.1", imageID: "registry.acme.internal/api-migrate@sha256:aaaa", containerID: "containerd://1234", started: false }],
      containerStatuses: [
        { name: "api", state: { waiting: { reason: "ImagePullBackOff", message: 'Back-off pulling image "registry.acme.internal/api:2.1"' } }, lastState: {}, ready: false, restartCount: 0, image: "registry.acme.internal/api:2.1", imageID: "", started: false },
        { name: "sidecar", state: { running: { startedAt: at(now, 110 * S) } }, lastState: { terminated: { exitCode: 137, reason: "OOMKilled", signal: 9, message: "killed", startedAt: at(now, 2 * M), finishedAt: at(now, 115 * S), containerID: "containerd://77" } }, ready: true, restartCount: 1, image: "docker.io/library/busybox:1.36", imageID: "docker.io/library/busybox@sha256:bbbb", containerID: "containerd://78", started: true },
      ],
    },
  };
  objs.push(pull);
  const pullRef = { kind: "Pod", name: "api-0", namespace: "shop", uid: "pod-api-0" };
  objs.push(event(now, "d1", pullRef, "Normal", "Pulling", 'Pulling image "registry.acme.internal/api:2.1"', "kubelet", 2 * M, 30 * S, 4, "spec.containers{api}", "kind-worker"));
  objs.push(event(now, "d2", pullRef, "Warning", "Failed", 'Failed to pull image "registry.acme.internal/api:2.1": rpc error: code = Unknown desc = failed to pull and unpack image "registry.acme.internal/api:2.1": failed to resolve reference "registry.acme.internal/api:2.1": failed to do request: Head "https://registry.acme.internal/v2/api/manifests/2.1": dial tcp: lookup registry.acme.internal on 10.96.0.10:53: no such host', "kubelet", 2 * M, 30 * S, 4, "spec.containers{api}", "kind-worker"));
  objs.push(event(now, "d3", pullRef, "Warning", "Failed", "Error: ErrImagePull", "kubelet", 2 * M, 30 * S, 4, "spec.containers{api}", "kind-worker"));
  objs.push(event(now, "d4", pullRef, "Normal", "BackOff", 'Back-off pulling image "registry.acme.internal/api:2.1"', "kubelet", 115 * S, 5 * S, 9, "spec.containers{api}", "kind-worker"));

  // A pod that cannot be scheduled.
  const pending = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "batch-7xk2p", namespace: "shop", uid: "pod-batch", creationTimestamp: at(now, 50 * M), labels: { job: "batch" } },
    spec: {
      containers: [{ name: "worker", image: "python:3.12-slim", command: ["python", "worker.py"], resources: { requests: { cpu: "8", memory: "2Gi" }, limits: { cpu: "8", memory: "2Gi" } } }],
      nodeSelector: { disktype: "ssd", "kubernetes.io/os": "linux" },
      tolerations: [{ operator: "Exists" }, { key: "dedicated", operator: "Exists", effect: "NoSchedule" }, { key: "spot", operator: "Equal", value: "true" }],
      serviceAccountName: "default",
      priority: 1000,
      priorityClassName: "high",
      restartPolicy: "Never",
    },
    status: { phase: "Pending", qosClass: "Guaranteed", conditions: [{ type: "PodScheduled", status: "False", lastTransitionTime: at(now, 50 * M), reason: "Unschedulable", message: "0/3 nodes are available" }] },
  };
  objs.push(pending);
  objs.push(event(now, "e1", { kind: "Pod", name: "batch-7xk2p", namespace: "shop", uid: "pod-batch" }, "Warning", "FailedScheduling", "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.", "default-scheduler", 50 * M, 47 * M, 12));

  // A completed pod on the control plane (not counted on the node), and a terminating one.
  objs.push({ apiVersion: "v1", kind: "Pod", metadata: { name: "done", namespace: "default", uid: "pod-done", creationTimestamp: at(now, 2 * H) }, spec: { nodeName: "kind-control-plane", containers: [{ name: "c", image: "busybox", command: ["true"] }], restartPolicy: "Never" }, status: { phase: "Succeeded", hostIP: "172.18.0.2", podIP: "10.244.0.9", podIPs: [{ ip: "10.244.0.9" }], startTime: at(now, 2 * H), containerStatuses: [{ name: "c", state: { terminated: { exitCode: 0, reason: "Completed", startedAt: at(now, 2 * H), finishedAt: at(now, 2 * H - 2 * S) } }, lastState: {}, ready: false, restartCount: 0, image: "docker.io/library/busybox:latest", imageID: "docker.io/library/busybox@sha256:cc", containerID: "containerd://cc" }] } });
  objs.push({ apiVersion: "v1", kind: "Pod", metadata: { name: "coredns-668d6bf9bc-4pfgq", namespace: "kube-system", uid: "pod-coredns", creationTimestamp: at(now, 3 * D), deletionTimestamp: at(now, -20 * S), deletionGracePeriodSeconds: 30, labels: { "k8s-app": "kube-dns" } }, spec: { nodeName: "kind-control-plane", priority: 2000000000, priorityClassName: "system-cluster-critical", containers: [{ name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3", args: ["-conf", "/etc/coredns/Corefile"], ports: [{ containerPort: 53, name: "dns", protocol: "UDP" }, { containerPort: 53, name: "dns-tcp", protocol: "TCP" }, { containerPort: 9153, name: "metrics", protocol: "TCP" }], resources: { requests: { cpu: "100m", memory: "70Mi" }, limits: { memory: "170Mi" } } }], tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }, status: { phase: "Running", hostIP: "172.18.0.2", podIP: "10.244.0.3", podIPs: [{ ip: "10.244.0.3" }], startTime: at(now, 3 * D), qosClass: "Burstable" } });

  // Services and endpoints.
  objs.push({ apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop", uid: "svc-web", creationTimestamp: at(now, 15 * M), labels: { app: "web" } }, spec: { type: "ClusterIP", selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }, { name: "metrics", port: 9090, targetPort: 9090, protocol: "TCP" }], clusterIP: "10.96.120.15", clusterIPs: ["10.96.120.15"], sessionAffinity: "None", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", internalTrafficPolicy: "Cluster" } });
  objs.push({ apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "shop", uid: "ep-web", creationTimestamp: at(now, 15 * M), labels: { app: "web" } }, subsets: [{ addresses: [{ ip: "10.244.1.5", nodeName: "kind-worker", targetRef: { kind: "Pod", name: "web-5c6d7f8g9-abcde", namespace: "shop", uid: "pod-web-5c6d7f8g9-abcde" } }, { ip: "10.244.1.6", nodeName: "kind-worker" }, { ip: "10.244.1.10" }, { ip: "10.244.1.11" }], notReadyAddresses: [{ ip: "10.244.1.7", nodeName: "kind-worker" }], ports: [{ name: "http", port: 8080, protocol: "TCP" }, { name: "metrics", port: 9090, protocol: "TCP" }] }] });
  objs.push({ apiVersion: "v1", kind: "Service", metadata: { name: "api", namespace: "shop", uid: "svc-api", creationTimestamp: at(now, 3 * M) }, spec: { type: "NodePort", selector: { app: "api", "app.kubernetes.io/name": "api" }, ports: [{ port: 8080, targetPort: 8080, protocol: "TCP", nodePort: 30080 }], clusterIP: "10.96.7.7", clusterIPs: ["10.96.7.7"], sessionAffinity: "None", externalTrafficPolicy: "Cluster", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack", internalTrafficPolicy: "Cluster" } });
  objs.push({ apiVersion: "v1", kind: "Endpoints", metadata: { name: "api", namespace: "shop", uid: "ep-api", creationTimestamp: at(now, 3 * M) } });
  objs.push({ apiVersion: "v1", kind: "Service", metadata: { name: "external", namespace: "shop", uid: "svc-ext", creationTimestamp: at(now, 3 * M) }, spec: { type: "LoadBalancer", ports: [{ port: 443, targetPort: 8443, protocol: "TCP", nodePort: 31443 }], clusterIP: "10.96.8.8", clusterIPs: ["10.96.8.8"], sessionAffinity: "None", externalTrafficPolicy: "Local", healthCheckNodePort: 32000 }, status: { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } } });

  // Storage.
  objs.push({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "standard", uid: "sc-uid", creationTimestamp: at(now, 3 * D), annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }, provisioner: "rancher.io/local-path", reclaimPolicy: "Delete", volumeBindingMode: "WaitForFirstConsumer" });
  objs.push({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "api-data", namespace: "shop", uid: "pvc-uid", creationTimestamp: at(now, 3 * M), finalizers: ["kubernetes.io/pvc-protection"], annotations: { "volume.kubernetes.io/selected-node": "kind-worker" } }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, storageClassName: "standard", volumeMode: "Filesystem", volumeName: "pvc-1234" }, status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } } });
  objs.push({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "pending-claim", namespace: "shop", uid: "pvc2-uid", creationTimestamp: at(now, 3 * M), finalizers: ["kubernetes.io/pvc-protection"] }, spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "5Gi" } }, storageClassName: "fast", volumeMode: "Filesystem" }, status: { phase: "Pending" } });
  objs.push(event(now, "f1", { kind: "PersistentVolumeClaim", name: "pending-claim", namespace: "shop", uid: "pvc2-uid" }, "Warning", "ProvisioningFailed", 'storageclass.storage.k8s.io "fast" not found', "persistentvolume-controller", 3 * M, 10 * S, 14));
  objs.push({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pvc-1234", uid: "pv-uid", creationTimestamp: at(now, 3 * M), finalizers: ["kubernetes.io/pv-protection"], annotations: { "pv.kubernetes.io/provisioned-by": "rancher.io/local-path" } }, spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], persistentVolumeReclaimPolicy: "Delete", storageClassName: "standard", volumeMode: "Filesystem", claimRef: { kind: "PersistentVolumeClaim", namespace: "shop", name: "api-data", uid: "pvc-uid", apiVersion: "v1" }, hostPath: { path: "/var/local-path-provisioner/pvc-1234_shop_api-data", type: "DirectoryOrCreate" } }, status: { phase: "Bound" } });

  // Node events (kubelet reports with the node name as uid).
  objs.push(event(now, "n1", { kind: "Node", name: "kind-worker2", uid: "kind-worker2" }, "Normal", "NodeNotSchedulable", "Node kind-worker2 status is now: NodeNotSchedulable", "kubelet", 2 * H, 2 * H, 1, undefined, "kind-worker2"));
  objs.push(event(now, "n2", { kind: "Node", name: "kind-worker2", uid: w2.metadata.uid! }, "Normal", "NodeNotReady", "Node kind-worker2 status is now: NodeNotReady", "node-controller", 3 * M, 3 * M, 1));
  return objs;
}
