/**
 * Small builders for the objects of a topology, written the way a team's manifests are
 * (apps/v1 Deployments with an `app` label, Services by port number, probes with a period).
 * They return plain objects; the generator serialises them to YAML and applies them like
 * `kubectl apply`.
 */
import type { Container, KObject, Probe } from "../../model/types";
import type { Random } from "../../runtime/random";
import type { NodeSpec } from "../../scenario/schema";
import type { AppFacts } from "../apps";
import type { ServiceModel, WorkloadModel } from "../types";

/** A Namespace. */
export function namespace(name: string): KObject {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name } };
}

/** An HTTP probe on the app's port. */
export function httpProbe(path: string, port: number, opts: { initialDelaySeconds?: number; periodSeconds?: number; failureThreshold?: number } = {}): Probe {
  return { httpGet: { path, port }, ...(opts.initialDelaySeconds ? { initialDelaySeconds: opts.initialDelaySeconds } : {}), periodSeconds: opts.periodSeconds ?? 10, ...(opts.failureThreshold ? { failureThreshold: opts.failureThreshold } : {}) } as Probe;
}

/** The main container of a workload: image, port, resources and (for HTTP apps) both probes. */
export function appContainer(name: string, image: string, facts: AppFacts, extra: Partial<Container> = {}): Container {
  const c: Container = { name, image, ...extra } as Container;
  if (facts.port > 0) c.ports = [{ containerPort: facts.port, name: facts.protocol === "http" ? "http" : facts.id.slice(0, 15) }] as Container["ports"];
  c.resources = { requests: { ...facts.resources.requests }, limits: { ...facts.resources.limits } };
  if (facts.protocol === "http" && facts.livenessPath && facts.readinessPath) {
    const slow = facts.id.startsWith("customer");
    c.livenessProbe = httpProbe(facts.livenessPath, facts.port, { initialDelaySeconds: slow ? 20 : 5 });
    c.readinessProbe = httpProbe(facts.readinessPath, facts.port, { initialDelaySeconds: slow ? 5 : 2, periodSeconds: 5 });
  }
  return c;
}

/** A Deployment (or StatefulSet) running one container, with the `app` label. */
export function workload(kind: "Deployment" | "StatefulSet", name: string, ns: string, replicas: number, label: string, container: Container, podSpec: Record<string, unknown> = {}, extraSpec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: "apps/v1",
    kind,
    metadata: { name, namespace: ns, labels: { app: label } },
    spec: {
      replicas,
      selector: { matchLabels: { app: label } },
      ...extraSpec,
      template: { metadata: { labels: { app: label } }, spec: { ...podSpec, containers: [container] } },
    },
  };
}

/** A ClusterIP Service selecting `app=<label>`. */
export function service(name: string, ns: string, label: string, port: number, targetPort: number): KObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: ns, labels: { app: label } },
    spec: { selector: { app: label }, ports: [{ name: port === 5432 ? "postgres" : port === 6379 ? "redis" : "http", port, targetPort }] },
  };
}

/** A ConfigMap. */
export function configMap(name: string, ns: string, data: Record<string, string>): KObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: ns }, data };
}

/** An Opaque Secret from plain values (written as `stringData`). */
export function secret(name: string, ns: string, stringData: Record<string, string>, type = "Opaque"): KObject {
  return { apiVersion: "v1", kind: "Secret", metadata: { name, namespace: ns }, type, stringData };
}

/** The Service model of a workload. */
export function serviceModel(w: WorkloadModel, name: string, port: number, calledBy: string): ServiceModel {
  return { role: w.role, name, workload: w.role, port, targetPort: w.app.port, calledBy };
}

/** A kind-like cluster: a control plane and 2–3 workers of 4 CPU / 8Gi. */
export function drawNodes(rng: Random): NodeSpec[] {
  const workers = rng.int(2, 3);
  const nodes: NodeSpec[] = [{ name: "control-plane", role: "control-plane", cpu: "4", memory: "8Gi" }];
  for (let i = 1; i <= workers; i++) nodes.push({ name: `worker-${i}`, role: "worker", cpu: "4", memory: "8Gi", labels: { "topology.kubernetes.io/zone": `eu-west-1${"ab"[(i - 1) % 2]}` } });
  return nodes;
}
