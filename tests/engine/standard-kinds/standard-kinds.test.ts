/**
 * The standard kinds a kind v1.32 cluster serves beyond the workloads: `get` tables (golden,
 * reviewed against printers.go), the write path (apply, defaulting, unknown fields refused,
 * delete), `get all`, and the controllers that keep their status or objects (EndpointSlices,
 * PDB status, quota usage, the HPA that cannot read metrics).
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import type { EndpointSlice, HorizontalPodAutoscaler, PodDisruptionBudget, ResourceQuota } from "../../../engine/model/standard-kind-types";
import type { Cluster } from "../../../engine/runtime/cluster";
import type { Event } from "../../../engine/model/types";
import { expectGolden } from "../describe/golden-file";
import { kubectl, world } from "../workloads/harness";
import { STANDARD_WORLD } from "./fixtures";

const GOLDEN = join(__dirname, "golden");

function k(cluster: Cluster, line: string, stdin?: string): string {
  const r = kubectl(cluster, line, stdin);
  return r.stdout + r.stderr;
}

function transcript(cluster: Cluster, lines: string[]): string {
  return lines.map((l) => `$ kubectl ${l}\n${k(cluster, l)}`).join("\n");
}

describe("get of the standard kinds", () => {
  it("prints kubectl v1.32's tables (golden)", () => {
    const { cluster } = world(STANDARD_WORLD);
    const text = transcript(cluster, [
      "get ingress",
      "get ing -o wide",
      "get ingressclasses",
      "get netpol",
      "get hpa",
      "get pdb",
      "get quota",
      "get limits",
      "get endpointslices",
      "get endpointslices -A",
      "get rc -o wide",
      "get podtemplates",
      "get pc",
      "get all",
      "api-resources",
      "api-resources --categories=all -o name",
    ]);
    expectGolden(join(GOLDEN, "get.txt"), text);
  });

  it("answers No resources found where a fresh kind cluster has none", () => {
    const { cluster } = world("apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n");
    for (const t of ["ingress", "ing", "netpol", "hpa", "pdb", "quota", "limitranges", "rc", "podtemplates", "endpointslices"]) {
      expect(k(cluster, `get ${t}`), t).toBe("No resources found in shop namespace.\n");
    }
    expect(k(cluster, "get ingressclasses")).toBe("No resources found\n");
    expect(k(cluster, "get pc -o name")).toBe("priorityclass.scheduling.k8s.io/system-cluster-critical\npriorityclass.scheduling.k8s.io/system-node-critical\n");
  });
});

describe("the write path", () => {
  it("creates, defaults, refuses unknown fields and deletes", () => {
    const { cluster } = world("apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n");
    const np = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny }\nspec:\n  podSelector: {}\n  egress: [{}]\n";
    expect(k(cluster, "apply -f -", np)).toBe("networkpolicy.networking.k8s.io/deny created\n");
    expect(k(cluster, "get netpol deny -o jsonpath={.spec.policyTypes}")).toBe('["Ingress","Egress"]');
    const pc = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: { name: low }\nvalue: -10\n";
    expect(k(cluster, "create -f -", pc)).toBe("priorityclass.scheduling.k8s.io/low created\n");
    expect(k(cluster, "get pc low -o jsonpath={.preemptionPolicy}")).toBe("PreemptLowerPriority");
    const bad = "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: p }\nspec:\n  minAvailable: 1\n  selectr: {}\n";
    expect(k(cluster, "apply -f -", bad)).toBe(
      'Error from server (BadRequest): error when creating "STDIN": PodDisruptionBudget in version "v1" cannot be handled as a PodDisruptionBudget: strict decoding error: unknown field "spec.selectr"\n',
    );
    const hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: h }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  maxReplicas: 3\n";
    expect(k(cluster, "apply -f -", hpa)).toBe("horizontalpodautoscaler.autoscaling/h created\n");
    expect(k(cluster, "get hpa h -o jsonpath={.spec.minReplicas}/{.spec.metrics[0].resource.target.averageUtilization}")).toBe("1/80");
    expect(k(cluster, "get hpa h -o jsonpath={.status.conditions[0].reason}")).toBe("FailedGetScale");
    expect(k(cluster, "patch hpa h --type=merge -p {\"spec\":{\"maxReplicas\":5}}")).toBe("horizontalpodautoscaler.autoscaling/h patched\n");
    expect(k(cluster, "delete hpa h")).toBe('horizontalpodautoscaler.autoscaling "h" deleted\n');
    expect(k(cluster, "get hpa h")).toBe('Error from server (NotFound): horizontalpodautoscalers.autoscaling "h" not found\n');
    expect(k(cluster, "delete pc low")).toBe('priorityclass.scheduling.k8s.io "low" deleted\n');
  });
});

describe("controllers of the standard kinds", () => {
  it("EndpointSlices follow their Service's pods and go with the Service", () => {
    const { cluster } = world(STANDARD_WORLD);
    const slices = () => cluster.store.list<EndpointSlice>("EndpointSlice", "shop");
    const web = () => slices().find((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web")!;
    expect(web().metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(web().metadata.labels?.["endpointslice.kubernetes.io/managed-by"]).toBe("endpointslice-controller.k8s.io");
    expect(web().endpoints?.length).toBe(2);
    const api = slices().find((s) => s.metadata.labels?.["kubernetes.io/service-name"] === "api")!;
    expect(api.endpoints).toBeNull();
    expect(api.ports).toBeNull();
    k(cluster, "scale deploy web --replicas=3");
    cluster.advanceBy(60_000);
    expect(web().endpoints?.length).toBe(3);
    expect(k(cluster, "delete svc web")).toBe('service "web" deleted\n');
    expect(slices().map((s) => s.metadata.labels?.["kubernetes.io/service-name"])).toEqual(["api"]);
    const system = cluster.store.list<EndpointSlice>("EndpointSlice", "kube-system");
    expect(system.map((s) => s.metadata.generateName)).toEqual(["kube-dns-"]);
  });

  it("a PodDisruptionBudget counts healthy pods; a quota counts usage; an HPA without metrics never scales", () => {
    const { cluster } = world(STANDARD_WORLD);
    const pdb = cluster.store.get<PodDisruptionBudget>("PodDisruptionBudget", "shop", "web")!;
    expect(pdb.status).toMatchObject({ currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 2 });
    const max = cluster.store.get<PodDisruptionBudget>("PodDisruptionBudget", "shop", "web-max")!;
    expect(max.status).toMatchObject({ currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 1, expectedPods: 2 });
    const quota = cluster.store.get<ResourceQuota>("ResourceQuota", "shop", "compute")!;
    expect(quota.status?.used).toEqual({ "limits.cpu": "1", "limits.memory": "256Mi", pods: "2", "requests.cpu": "200m", "requests.memory": "128Mi", services: "2" });
    k(cluster, "scale deploy web --replicas=3");
    cluster.advanceBy(60_000);
    expect(cluster.store.get<ResourceQuota>("ResourceQuota", "shop", "compute")!.status?.used?.pods).toBe("3");
    expect(cluster.store.get<PodDisruptionBudget>("PodDisruptionBudget", "shop", "web")!.status?.disruptionsAllowed).toBe(1);
    const hpa = cluster.store.get<HorizontalPodAutoscaler>("HorizontalPodAutoscaler", "shop", "web")!;
    expect(hpa.status?.currentReplicas).toBe(3);
    expect(k(cluster, "get hpa web --no-headers")).toMatch(/^web +Deployment\/web +cpu: <unknown>\/70%, memory: <unknown>\/200Mi +2 +6 +3 /);
  });

  it("an HPA without metrics repeats its warnings every 15 s, written through the spam filter", () => {
    const { cluster } = world(STANDARD_WORLD);
    const hpa = cluster.store.get<HorizontalPodAutoscaler>("HorizontalPodAutoscaler", "shop", "worker")!;
    const started = Date.parse(hpa.metadata.creationTimestamp!);
    cluster.advanceBy(30 * 60_000);
    const ev = cluster.store.list<Event>("Event", "shop").find((e) => e.involvedObject.name === "worker" && e.reason === "FailedGetScale")!;
    expect(ev.message).toBe('deployments/scale.apps "worker" not found');
    const syncs = Math.floor((cluster.now() - started) / 15_000) + 1;
    // The last write carries every occurrence up to it; later ones wait for a token (one per 5 minutes).
    expect(ev.count).toBeLessThanOrEqual(syncs);
    expect(ev.count).toBeGreaterThan(syncs - 21);
    expect(cluster.now() - Date.parse(ev.lastTimestamp!)).toBeLessThan(300_000);
    expect(k(cluster, "describe hpa worker")).toMatch(/Warning {2}FailedGetScale {2}\S+ \(x\d+ over \d+m\) {2}horizontal-pod-autoscaler {2}deployments\/scale.apps "worker" not found\n$/);
  });
});

describe("validation", () => {
  it("refuses an Ingress path without pathType and an HPA whose bounds are inverted", () => {
    const { cluster } = world("apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n");
    const ing = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend: { service: { name: web, port: { number: 80 } } }\n      - path: api\n        pathType: Prefix\n        backend: { service: { name: api, port: { number: 80 } } }\n";
    expect(k(cluster, "apply -f -", ing)).toBe(
      'The Ingress "web" is invalid: \n* spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified\n* spec.rules[0].http.paths[1].path: Invalid value: "api": must be an absolute path\n',
    );
    const hpa = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: h }\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }\n  minReplicas: 3\n  maxReplicas: 2\n";
    expect(k(cluster, "apply -f -", hpa)).toBe('The HorizontalPodAutoscaler "h" is invalid: spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`\n');
  });
});
