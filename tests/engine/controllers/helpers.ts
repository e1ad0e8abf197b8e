/**
 * Test fixtures for the control-plane controllers: a cluster with the default controllers
 * where the kubelet is replaced by a small, predictable stand-in (pods start after a delay,
 * become Ready unless labelled otherwise, and terminating pods disappear after a second),
 * plus builders for nodes and workloads.
 */
import { Cluster } from "../../../engine/runtime/cluster";
import type { Controller, ControllerContext } from "../../../engine/runtime/controller";
import { defaultControllers } from "../../../engine/controllers";
import { applyDefaults } from "../../../engine/controllers/defaults";
import { setPodCondition } from "../../../engine/controllers/pod-util";
import { buildNode, type NodeParams } from "../../../engine/model/node-builder";
import type { Deployment, Event, KObject, Namespace, Pod, Service } from "../../../engine/model/types";
import { parseTime } from "../../../engine/runtime/clock";

/** 2026-03-02T09:00:00Z: when test clusters start. */
export const START = Date.UTC(2026, 2, 2, 9, 0, 0);

/** Label that keeps a pod from ever becoming Ready in the fake kubelet. */
export const NEVER_READY = "test.crashcourse/never-ready";

/** How long the fake kubelet takes to start a bound pod. */
export const START_DELAY_MS = 2000;

/**
 * A stand-in kubelet: starts bound pods after START_DELAY_MS (Running, an IP, Ready unless
 * NEVER_READY), and removes terminating pods one second after their deletion was requested.
 */
export const fakeKubelet: Controller = {
  name: "kubelet",
  reconcile(ctx: ControllerContext): void {
    const ips = ctx.state("fake-kubelet", "ips", () => ({ next: 2 }));
    for (const pod of ctx.store.list<Pod>("Pod")) {
      if (!pod.spec.nodeName) continue;
      if (pod.metadata.deletionTimestamp) {
        const since = ctx.state("fake-kubelet", `del/${pod.metadata.uid}`, () => ctx.now);
        if (ctx.now >= since + 1000) {
          ctx.store.remove("Pod", pod.metadata.namespace, pod.metadata.name);
          ctx.dropState("fake-kubelet", `del/${pod.metadata.uid}`);
        } else ctx.wakeAt(since + 1000);
        continue;
      }
      if (pod.status.phase !== "Pending") continue;
      const scheduled = parseTime(pod.status.conditions?.find((c) => c.type === "PodScheduled")?.lastTransitionTime);
      const at = scheduled + START_DELAY_MS;
      if (ctx.now < at) {
        ctx.wakeAt(at);
        continue;
      }
      pod.status.phase = "Running";
      pod.status.podIP = `10.244.1.${ips.next++}`;
      const ready = pod.metadata.labels?.[NEVER_READY] === undefined;
      setPodCondition(pod, { type: "Ready", status: ready ? "True" : "False" }, ctx.now);
      ctx.store.touch(pod);
    }
  },
};

/** The default controllers with the stand-in kubelet in the kubelet's place. */
export function testControllers(): Controller[] {
  const list = defaultControllers().filter((c) => c.name !== "kubelet");
  const endpoints = list.findIndex((c) => c.name === "endpoints-controller");
  list.splice(endpoints < 0 ? list.length : endpoints, 0, fakeKubelet);
  return list;
}

/** Options for `makeCluster`. */
export interface ClusterFixture {
  seed?: number;
  nodes?: Omit<NodeParams, "createdMs" | "internalIP">[];
  /** Use `defaultControllers()` exactly as registered (with whatever kubelet it has). */
  realControllers?: boolean;
}

/** A cluster with the `default` namespace and the given nodes (three small workers by default). */
export function makeCluster(f: ClusterFixture = {}): Cluster {
  const cluster = new Cluster({
    seed: f.seed ?? 7,
    startMs: START - 86_400_000,
    world: { registry: { hosts: [], repositories: [] }, apps: {}, clusterDomain: "cluster.local" },
    controllers: f.realControllers ? defaultControllers() : testControllers(),
  });
  const ns: Namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } };
  cluster.store.create(ns);
  const nodes = f.nodes ?? [
    { name: "worker-1", cpu: "2", memory: "4Gi" },
    { name: "worker-2", cpu: "2", memory: "4Gi" },
    { name: "worker-3", cpu: "2", memory: "4Gi" },
  ];
  nodes.forEach((n, i) => cluster.store.create(buildNode({ ...n, createdMs: START - 86_400_000, internalIP: `172.18.0.${i + 2}` })));
  cluster.advanceTo(START);
  return cluster;
}

/** Creates an object through `applyDefaults`, as kubectl apply would, and reconciles. */
export function apply<T extends KObject>(cluster: Cluster, obj: T): T {
  applyDefaults(obj, { rng: cluster.rng, store: cluster.store });
  return cluster.create(obj);
}

/** Options for `deployment`. */
export interface DeploymentFixture {
  replicas?: number;
  image?: string;
  strategy?: Deployment["spec"]["strategy"];
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  ports?: { name?: string; containerPort: number }[];
  minReadySeconds?: number;
  progressDeadlineSeconds?: number;
}

/** A Deployment manifest like a learner would write. */
export function deployment(name: string, f: DeploymentFixture = {}): Deployment {
  const labels = { app: name, ...(f.labels ?? {}) };
  const resources = f.cpu || f.memory ? { requests: { ...(f.cpu ? { cpu: f.cpu } : {}), ...(f.memory ? { memory: f.memory } : {}) } } : undefined;
  const d: Deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas: f.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: "app", image: f.image ?? "nginx:1.27", ...(resources ? { resources } : {}), ...(f.ports ? { ports: f.ports } : {}) }] },
      },
      ...(f.strategy ? { strategy: f.strategy } : {}),
      ...(f.minReadySeconds ? { minReadySeconds: f.minReadySeconds } : {}),
      ...(f.progressDeadlineSeconds ? { progressDeadlineSeconds: f.progressDeadlineSeconds } : {}),
    },
    status: {},
  };
  return d;
}

/** A ClusterIP Service selecting `app=<selector>`. */
export function service(name: string, selector: Record<string, string>, ports: Service["spec"]["ports"]): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { type: "ClusterIP", selector, ports } };
}

/** A bare pod manifest. */
export function pod(name: string, spec: Partial<Pod["spec"]> = {}, labels: Record<string, string> = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels },
    spec: { containers: [{ name: "app", image: "nginx:1.27" }], ...spec },
    status: { phase: "Pending" },
  };
}

/** Events about an object, oldest first, as `reason: message`. */
export function eventLines(cluster: Cluster, obj: KObject): string[] {
  return cluster.events.about(obj).map((e) => `${e.reason}: ${e.message}`);
}

/** Every event with a reason. */
export function eventsWithReason(cluster: Cluster, reason: string): Event[] {
  return cluster.store.list<Event>("Event").filter((e) => e.reason === reason);
}

/** Edits an object the way `kubectl edit`/`apply` does: a new version through `replace`, then reconcile. */
export function update<T extends KObject>(cluster: Cluster, current: T, edit: (copy: T) => void): T {
  const copy = structuredClone(current);
  edit(copy);
  const next = cluster.store.replace(copy);
  cluster.reconcile();
  return next;
}
