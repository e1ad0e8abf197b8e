/**
 * Fixtures for the kubelet tests: a cluster with the real controllers (scheduler, kubelet,
 * endpoints…) over the standard world, one or two worker nodes, and helpers to read
 * container statuses and events.
 */
import { Cluster } from "../../../../engine/runtime/cluster";
import { defaultControllers } from "../../../../engine/controllers";
import type { Controller } from "../../../../engine/runtime/controller";
import { applyDefaults } from "../../../../engine/controllers/defaults";
import { requestPodDeletion } from "../../../../engine/controllers/pod-deletion";
import { buildNode } from "../../../../engine/model/node-builder";
import type { ConfigMap, Container, ContainerStatus, Event, KObject, Namespace, Pod, Secret, Service } from "../../../../engine/model/types";
import { standardWorld, type WorldAdditions } from "../../../../engine/world/library";
import { encodeBase64 } from "../../../../engine/world/base64";

/** 2026-03-02T09:00:00Z. */
export const START = Date.UTC(2026, 2, 2, 9, 0, 0);

/** A cluster with `default` namespace, worker nodes and the standard world. */
export function makeCluster(opts: { seed?: number; world?: WorldAdditions; nodes?: number; controllers?: Controller[] } = {}): Cluster {
  const cluster = new Cluster({ seed: opts.seed ?? 11, startMs: START - 86_400_000, world: standardWorld(opts.world), controllers: opts.controllers ?? defaultControllers() });
  const ns: Namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } };
  cluster.store.create(ns);
  for (let i = 0; i < (opts.nodes ?? 1); i++) {
    cluster.store.create(buildNode({ name: `worker-${i + 1}`, cpu: "4", memory: "8Gi", createdMs: START - 86_400_000, internalIP: `172.18.0.${i + 2}` }));
  }
  cluster.advanceTo(START);
  return cluster;
}

/** Creates an object as kubectl apply would (API defaulting), then reconciles. */
export function apply<T extends KObject>(cluster: Cluster, obj: T): T {
  applyDefaults(obj, { rng: cluster.rng, store: cluster.store });
  return cluster.create(obj);
}

/** A pod with one container `app`. */
export function pod(name: string, container: Partial<Container>, spec: Partial<Pod["spec"]> = {}, labels: Record<string, string> = { app: name }): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", labels },
    spec: { containers: [{ name: "app", image: "nginx:1.27", ...container }], ...spec },
    status: { phase: "Pending" },
  };
}

/** A ConfigMap. */
export function configMap(name: string, data: Record<string, string>): ConfigMap {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" }, data };
}

/** An Opaque Secret from plain values. */
export function secret(name: string, data: Record<string, string>, type = "Opaque"): Secret {
  return { apiVersion: "v1", kind: "Secret", metadata: { name, namespace: "default" }, type, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeBase64(v)])) };
}

/** A docker-registry Secret for one host. */
export function pullSecret(name: string, host: string, username: string, password: string, form: "password" | "auth" = "password"): Secret {
  const entry = form === "password" ? { username, password } : { auth: encodeBase64(`${username}:${password}`) };
  return secret(name, { ".dockerconfigjson": JSON.stringify({ auths: { [host]: entry } }) }, "kubernetes.io/dockerconfigjson");
}

/** A ClusterIP Service. */
export function service(name: string, selector: Record<string, string>, port: number, targetPort: number | string, clusterIP = "10.96.12.34"): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { type: "ClusterIP", selector, ports: [{ name: "http", port, targetPort, protocol: "TCP" }], clusterIP, clusterIPs: [clusterIP] } };
}

/** The current pod object. */
export function getPod(cluster: Cluster, name: string): Pod {
  const p = cluster.store.get<Pod>("Pod", "default", name);
  if (!p) throw new Error(`pod ${name} not found`);
  return p;
}

/** The status of container `app` (or `name`). */
export function cs(cluster: Cluster, podName: string, name = "app"): ContainerStatus {
  const s = getPod(cluster, podName).status.containerStatuses?.find((c) => c.name === name);
  if (!s) throw new Error(`no status for ${name}`);
  return s;
}

/** Kubelet events about a pod as `reason: message (xN)`. */
export function events(cluster: Cluster, podName: string): string[] {
  const p = getPod(cluster, podName);
  return cluster.events.about(p).filter((e) => e.source.component === "kubelet").map((e) => `${e.reason}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ""}`);
}

/** One event by reason (and message prefix). */
export function event(cluster: Cluster, podName: string, reason: string, prefix = ""): Event | undefined {
  const p = getPod(cluster, podName);
  return cluster.events.about(p).find((e) => e.reason === reason && e.message.startsWith(prefix));
}

/** Seconds since START. */
export function at(cluster: Cluster, seconds: number): void {
  cluster.advanceTo(START + seconds * 1000);
}

/** Deletes a pod the way kubectl does. */
export function deletePod(cluster: Cluster, name: string): void {
  requestPodDeletion(cluster.store, getPod(cluster, name), cluster.now());
  cluster.reconcile();
}
