/**
 * A minimal Kubernetes API server over a fixed set of objects, so that a real kubectl can render
 * them (the idea of /work/shared/tools/fakeapi.py). It serves legacy discovery, GET of single
 * objects, and lists filtered by label and field selectors: enough for `kubectl describe`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { KObject } from "../../../engine/model/types";
import { matchesLabelQuery, parseLabelQuery } from "../../../engine/model/labels";

interface ResourceDef {
  resource: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
}

const GROUPS: Record<string, ResourceDef[]> = {
  v1: [
    { resource: "pods", kind: "Pod", namespaced: true, shortNames: ["po"] },
    { resource: "events", kind: "Event", namespaced: true, shortNames: ["ev"] },
    { resource: "nodes", kind: "Node", namespaced: false, shortNames: ["no"] },
    { resource: "services", kind: "Service", namespaced: true, shortNames: ["svc"] },
    { resource: "endpoints", kind: "Endpoints", namespaced: true, shortNames: ["ep"] },
    { resource: "configmaps", kind: "ConfigMap", namespaced: true, shortNames: ["cm"] },
    { resource: "secrets", kind: "Secret", namespaced: true, shortNames: [] },
    { resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true, shortNames: ["sa"] },
    { resource: "namespaces", kind: "Namespace", namespaced: false, shortNames: ["ns"] },
    { resource: "persistentvolumeclaims", kind: "PersistentVolumeClaim", namespaced: true, shortNames: ["pvc"] },
    { resource: "persistentvolumes", kind: "PersistentVolume", namespaced: false, shortNames: ["pv"] },
    { resource: "resourcequotas", kind: "ResourceQuota", namespaced: true, shortNames: ["quota"] },
    { resource: "limitranges", kind: "LimitRange", namespaced: true, shortNames: ["limits"] },
    { resource: "replicationcontrollers", kind: "ReplicationController", namespaced: true, shortNames: ["rc"] },
    { resource: "podtemplates", kind: "PodTemplate", namespaced: true, shortNames: [] },
  ],
  "apps/v1": [
    { resource: "deployments", kind: "Deployment", namespaced: true, shortNames: ["deploy"] },
    { resource: "replicasets", kind: "ReplicaSet", namespaced: true, shortNames: ["rs"] },
    { resource: "statefulsets", kind: "StatefulSet", namespaced: true, shortNames: ["sts"] },
    { resource: "daemonsets", kind: "DaemonSet", namespaced: true, shortNames: ["ds"] },
    { resource: "controllerrevisions", kind: "ControllerRevision", namespaced: true, shortNames: [] },
  ],
  "batch/v1": [
    { resource: "jobs", kind: "Job", namespaced: true, shortNames: [] },
    { resource: "cronjobs", kind: "CronJob", namespaced: true, shortNames: ["cj"] },
  ],
  "autoscaling/v2": [{ resource: "horizontalpodautoscalers", kind: "HorizontalPodAutoscaler", namespaced: true, shortNames: ["hpa"] }],
  "networking.k8s.io/v1": [
    { resource: "ingresses", kind: "Ingress", namespaced: true, shortNames: ["ing"] },
    { resource: "ingressclasses", kind: "IngressClass", namespaced: false, shortNames: [] },
    { resource: "networkpolicies", kind: "NetworkPolicy", namespaced: true, shortNames: ["netpol"] },
  ],
  "policy/v1": [{ resource: "poddisruptionbudgets", kind: "PodDisruptionBudget", namespaced: true, shortNames: ["pdb"] }],
  "rbac.authorization.k8s.io/v1": [
    { resource: "clusterrolebindings", kind: "ClusterRoleBinding", namespaced: false, shortNames: [] },
    { resource: "clusterroles", kind: "ClusterRole", namespaced: false, shortNames: [] },
    { resource: "rolebindings", kind: "RoleBinding", namespaced: true, shortNames: [] },
    { resource: "roles", kind: "Role", namespaced: true, shortNames: [] },
  ],
  "scheduling.k8s.io/v1": [{ resource: "priorityclasses", kind: "PriorityClass", namespaced: false, shortNames: ["pc"] }],
  "storage.k8s.io/v1": [{ resource: "storageclasses", kind: "StorageClass", namespaced: false, shortNames: ["sc"] }],
  "coordination.k8s.io/v1": [{ resource: "leases", kind: "Lease", namespaced: true, shortNames: [] }],
  "discovery.k8s.io/v1": [{ resource: "endpointslices", kind: "EndpointSlice", namespaced: true, shortNames: [] }],
};

function fieldValue(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split(".")) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[part] : undefined;
  return cur === undefined || cur === null ? "" : String(cur);
}

function fieldSelectorMatches(obj: KObject, selector: string | null): boolean {
  if (!selector) return true;
  for (const term of selector.split(",")) {
    if (!term) continue;
    const neg = term.includes("!=");
    const [k, v] = neg ? term.split("!=") : term.split(/==?/);
    if ((fieldValue(obj, k) === v) === neg) return false;
  }
  return true;
}

/** A running fake API server. */
export interface FakeApiServer {
  port: number;
  /** Request paths received, for debugging. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `objects` (plus `dynamic()`, recomputed per request) on 127.0.0.1, on a free port. */
export async function startFakeApiServer(objects: readonly KObject[], dynamic?: () => readonly KObject[]): Promise<FakeApiServer> {
  const staticByKind = new Map<string, KObject[]>();
  for (const o of objects) {
    const list = staticByKind.get(o.kind) ?? [];
    list.push(o);
    staticByKind.set(o.kind, list);
  }
  const objectsOf = (kind: string): KObject[] => {
    const fixed = staticByKind.get(kind) ?? [];
    return dynamic ? [...fixed, ...dynamic().filter((o) => o.kind === kind)] : fixed;
  };
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(url.pathname + url.search);
    const send = (code: number, body: unknown) => {
      const data = JSON.stringify(body);
      res.writeHead(code, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(data) });
      res.end(data);
    };
    const notFound = (resource: string, name?: string) =>
      send(404, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: name ? `${resource} "${name}" not found` : "the server could not find the requested resource", reason: "NotFound", details: name ? { name, kind: resource } : {}, code: 404 });
    const p = url.pathname.replace(/\/$/, "");
    if (p === "/api") return send(200, { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: "127.0.0.1" }] });
    if (p === "/apis") {
      const groups = Object.keys(GROUPS)
        .filter((g) => g.includes("/"))
        .map((gv) => {
          const [name, version] = gv.split("/");
          return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
        });
      return send(200, { kind: "APIGroupList", apiVersion: "v1", groups });
    }
    if (p === "/version") return send(200, { major: "1", minor: "32", gitVersion: "v1.32.4" });
    const m = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))(?:\/namespaces\/([^/]+))?(?:\/([a-z]+))?(?:\/([^/]+))?$/.exec(p);
    if (!m) return notFound("");
    const gv = m[1] ?? m[2];
    const defs = GROUPS[gv];
    if (!defs) return notFound("");
    let ns: string | undefined = m[3];
    let resource: string | undefined = m[4];
    let name: string | undefined = m[5];
    if (!resource && ns === undefined) {
      return send(200, { kind: "APIResourceList", apiVersion: "v1", groupVersion: gv, resources: defs.map((d) => ({ name: d.resource, singularName: d.kind.toLowerCase(), namespaced: d.namespaced, kind: d.kind, shortNames: d.shortNames, verbs: ["get", "list", "watch"] })) });
    }
    if (!resource && ns !== undefined) {
      resource = "namespaces";
      name = ns;
      ns = undefined;
    }
    const def = defs.find((d) => d.resource === resource);
    if (!def) return notFound(resource ?? "");
    const items = objectsOf(def.kind)
      .filter((o) => ns === undefined || o.metadata.namespace === ns)
      .sort((a, b) => {
        const ka = `${a.metadata.namespace ?? ""}/${a.metadata.name}`;
        const kb = `${b.metadata.namespace ?? ""}/${b.metadata.name}`;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
    if (name) {
      const found = items.find((o) => o.metadata.name === name);
      return found ? send(200, found) : notFound(gv.includes("/") ? `${def.resource}.${gv.split("/")[0]}` : def.resource, name);
    }
    const ls = url.searchParams.get("labelSelector");
    const parsed = ls ? parseLabelQuery(ls) : undefined;
    const filtered = items.filter((o) => (!parsed || (parsed.ok && matchesLabelQuery(o.metadata.labels, parsed.requirements))) && fieldSelectorMatches(o, url.searchParams.get("fieldSelector")));
    return send(200, { kind: `${def.kind}List`, apiVersion: gv, metadata: { resourceVersion: "1" }, items: filtered });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
