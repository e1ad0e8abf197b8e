/**
 * A small static cluster for the inspect commands: the standard world's images, a Service with
 * ready endpoints, pods in several states, and a log source standing in for the kubelet.
 */
import type { KObject, Pod } from "../../../engine/model/types";
import { Cluster } from "../../../engine/runtime/cluster";
import { standardWorld } from "../../../engine/world/library";
import { parseFlags } from "../../../engine/kubectl/args/parse-flags";
import { KUBECTL_GLOBAL_FLAGS } from "../../../engine/kubectl/args/global-flags";
import type { CommandResult, CommandSpec } from "../../../engine/kubectl/command";
import { inspectCommands } from "../../../engine/kubectl/commands/inspect";

/** The virtual time of the fixture. */
export const NOW = Date.parse("2026-03-02T09:14:05Z");

function at(agoMs: number): string {
  return new Date(NOW - agoMs).toISOString().replace(".000Z", "Z");
}

const READY = [{ type: "Ready", status: "True", lastTransitionTime: at(600_000) }];

function pod(name: string, containers: { name: string; image: string; command?: string[]; env?: unknown[]; volumeMounts?: unknown[] }[], status: Record<string, unknown>, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "shop", uid: `uid-${name}`, creationTimestamp: at(900_000), labels: { app: name.split("-")[0] } },
    spec: { nodeName: "kind-worker", containers, ...extra },
    status: { hostIP: "172.18.0.3", startTime: at(900_000), ...status },
  };
}

function running(name: string, restarts = 0): Record<string, unknown> {
  return { name, state: { running: { startedAt: at(600_000) } }, lastState: {}, ready: true, restartCount: restarts, image: "", imageID: "", containerID: `containerd://${name}` };
}

/** The fixture's objects. */
export function inspectObjects(): KObject[] {
  return [
    { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" }, status: { phase: "Active" } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "web-config", namespace: "shop" }, data: { LOG_LEVEL: "debug", "app.properties": "server.port=8080\n" } },
    { apiVersion: "v1", kind: "Secret", metadata: { name: "db", namespace: "shop" }, type: "Opaque", data: { password: "czNjcjN0" } },
    { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "shop", uid: "dep-web" }, spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } }, status: {} },
    pod("web-a", [{ name: "nginx", image: "nginx:1.27" }], { phase: "Running", podIP: "10.244.1.5", conditions: READY, containerStatuses: [running("nginx")] }),
    pod("web-b", [{ name: "nginx", image: "nginx:1.27" }], { phase: "Running", podIP: "10.244.1.6", conditions: READY, containerStatuses: [running("nginx", 2)] }),
    pod(
      "tools-x",
      [
        {
          name: "shell",
          image: "busybox:1.36",
          command: ["sleep", "3600"],
          env: [{ name: "LOG_LEVEL", valueFrom: { configMapKeyRef: { name: "web-config", key: "LOG_LEVEL" } } }, { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } }],
          volumeMounts: [{ name: "cfg", mountPath: "/etc/app", readOnly: true }],
        },
        { name: "sidecar", image: "busybox:1.36", command: ["sleep", "3600"] },
      ],
      { phase: "Running", podIP: "10.244.1.9", conditions: READY, containerStatuses: [running("shell"), running("sidecar")] },
      { volumes: [{ name: "cfg", configMap: { name: "web-config" } }] },
    ),
    pod("static-z", [{ name: "app", image: "gcr.io/distroless/static-debian12" }], { phase: "Running", podIP: "10.244.1.10", conditions: READY, containerStatuses: [running("app")] }),
    pod(
      "crash-c",
      [{ name: "app", image: "busybox:1.36" }],
      {
        phase: "Running",
        podIP: "10.244.1.11",
        containerStatuses: [
          { name: "app", state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: at(60_000), finishedAt: at(58_000), containerID: "containerd://old" } }, ready: false, restartCount: 3, image: "", imageID: "", containerID: "containerd://old" },
        ],
      },
    ),
    pod("pull-p", [{ name: "app", image: "nginx:9.9" }], { phase: "Pending", containerStatuses: [{ name: "app", state: { waiting: { reason: "ImagePullBackOff" } }, lastState: {}, ready: false, restartCount: 0, image: "nginx:9.9", imageID: "" }] }),
    pod("new-n", [{ name: "app", image: "nginx:1.27" }], { phase: "Pending", containerStatuses: [{ name: "app", state: { waiting: { reason: "ContainerCreating" } }, lastState: {}, ready: false, restartCount: 0, image: "nginx:1.27", imageID: "" }] }),
    { ...pod("done-d", [{ name: "job", image: "busybox:1.36" }], { phase: "Succeeded" }) },
    { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop", uid: "svc-web" }, spec: { type: "ClusterIP", clusterIP: "10.96.120.15", clusterIPs: ["10.96.120.15"], selector: { app: "web" }, ports: [{ name: "http", port: 80, targetPort: 80, protocol: "TCP" }] } },
    { apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "shop" }, subsets: [{ addresses: [{ ip: "10.244.1.5", targetRef: { kind: "Pod", name: "web-a", namespace: "shop", uid: "uid-web-a" } }, { ip: "10.244.1.6", targetRef: { kind: "Pod", name: "web-b", namespace: "shop", uid: "uid-web-b" } }], ports: [{ name: "http", port: 80, protocol: "TCP" }] }] },
    { apiVersion: "v1", kind: "Service", metadata: { name: "api", namespace: "shop", uid: "svc-api" }, spec: { type: "ClusterIP", clusterIP: "10.96.7.7", clusterIPs: ["10.96.7.7"], selector: { app: "api" }, ports: [{ port: 8080, targetPort: 8080, protocol: "TCP" }] } },
    { apiVersion: "v1", kind: "Endpoints", metadata: { name: "api", namespace: "shop" } },
  ];
}

/** A fresh cluster holding the fixture, with the standard world. */
export function inspectCluster(): Cluster {
  const cluster = new Cluster({ seed: 7, startMs: NOW, world: standardWorld(), controllers: [] });
  for (const o of inspectObjects()) cluster.store.create(JSON.parse(JSON.stringify(o)));
  return cluster;
}

/** Splits a test command line on spaces, honouring single quotes. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push(m[1] ?? m[2]);
  return out;
}

/** Runs one `kubectl <cmd> …` line (without the word kubectl) against `cluster` in namespace `shop`. */
export function kubectl(cluster: Cluster, line: string): CommandResult {
  const argv = words(line);
  const spec = inspectCommands.find((c: CommandSpec) => c.path[0] === argv[0]);
  if (!spec) throw new Error(`no inspect command ${argv[0]}`);
  const parsed = parseFlags(argv.slice(1), [...spec.flags, ...KUBECTL_GLOBAL_FLAGS] as never, { commandPath: spec.path });
  if (!parsed.ok) return { stdout: "", stderr: parsed.error, exitCode: 1 };
  const ns = typeof parsed.flags.namespace === "string" && parsed.flags.namespace ? parsed.flags.namespace : "shop";
  return spec.run({ cluster, namespace: ns, namespaceExplicit: true }, { positionals: parsed.positionals, flags: parsed.flags as never, dashArgs: parsed.dashArgs });
}

/** Renders a transcript entry for golden files. */
export function transcript(line: string, r: CommandResult): string {
  return `$ kubectl ${line}\n${r.stdout}${r.stderr ? `--- stderr\n${r.stderr}` : ""}--- exit ${r.exitCode}${r.attach ? ` (attach ${r.attach.pod}/${r.attach.container})` : ""}\n\n`;
}

/** Narrowing helper. */
export function asPod(o: KObject | undefined): Pod {
  return o as Pod;
}
