/**
 * Fixtures for the write-command tests: a cluster with the real controllers over the standard
 * world, one node, the `default` namespace, and a `kubectl` helper that runs a command line
 * through the real dispatcher (flag parsing included).
 */
import { Cluster } from "../../../engine/runtime/cluster";
import { defaultControllers } from "../../../engine/controllers";
import { buildNode } from "../../../engine/model/node-builder";
import type { Deployment, KObject, Pod, ReplicaSet } from "../../../engine/model/types";
import { standardWorld } from "../../../engine/world/library";
import { runKubectl, type KubectlOutcome } from "../../../engine/kubectl/kubectl";
import { apiCreate } from "../../../engine/kubectl/manifests/api-server";
import { withLastApplied } from "../../../engine/kubectl/commands/write/apply";

/** 2026-03-02T09:00:00Z. */
export const START = Date.UTC(2026, 2, 2, 9, 0, 0);

/** A cluster with `default` namespace and worker nodes, advanced to START. */
export function makeCluster(nodes = 1): Cluster {
  const cluster = new Cluster({ seed: 7, startMs: START - 86_400_000, world: standardWorld(), controllers: defaultControllers() });
  cluster.store.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } } as KObject);
  for (let i = 0; i < nodes; i++) {
    cluster.store.create(buildNode({ name: `worker-${i + 1}`, cpu: "4", memory: "8Gi", createdMs: START - 86_400_000, internalIP: `172.18.0.${i + 2}` }));
  }
  cluster.advanceTo(START);
  return cluster;
}

/** Splits a command line on spaces, honouring single and double quotes (enough for tests). */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | undefined;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
    } else if (ch === " ") {
      if (cur !== "" || has) out.push(cur);
      cur = "";
      has = false;
    } else cur += ch;
  }
  if (cur !== "" || has) out.push(cur);
  return out;
}

/** Runs `kubectl <line>` (without the word kubectl) with optional stdin, in namespace `default`. */
export function kubectl(cluster: Cluster, line: string, stdin?: string): KubectlOutcome {
  return runKubectl(cluster, splitLine(line), stdin, { namespace: "default" });
}

/** The manifest of the `web` Deployment the scenarios below start from. */
export function webManifest(image = "nginx:1.27x", replicas = 2): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: ${image}
        ports:
        - containerPort: 80
        env:
        - name: MODE
          value: prod
`;
}

/** A cluster with the broken `web` Deployment (a tag that does not exist), applied as kubectl apply would. */
export function brokenWeb(): Cluster {
  const cluster = makeCluster();
  const r = kubectl(cluster, "apply -f -", webManifest());
  if (r.exitCode !== 0) throw new Error(r.stderr);
  cluster.advanceBy(60_000);
  return cluster;
}

/** The live Deployment. */
export function deployment(cluster: Cluster, name = "web"): Deployment {
  const d = cluster.store.get<Deployment>("Deployment", "default", name);
  if (!d) throw new Error(`deployment ${name} not found`);
  return d;
}

/** ReplicaSets owned by the Deployment. */
export function replicaSets(cluster: Cluster, name = "web"): ReplicaSet[] {
  const d = deployment(cluster, name);
  return cluster.store.list<ReplicaSet>("ReplicaSet", "default").filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid));
}

/** Pods of the namespace, optionally only the ones not being deleted. */
export function pods(cluster: Cluster, live = true): Pod[] {
  return cluster.store.list<Pod>("Pod", "default").filter((p) => !live || !p.metadata.deletionTimestamp);
}

/** Creates an object through the API path (defaults, validation) with a last-applied annotation. */
export function createApplied(cluster: Cluster, obj: KObject): KObject {
  const r = apiCreate(cluster, withLastApplied(obj));
  if (!r.ok) throw new Error(r.failure.message);
  return r.obj;
}
