import { describe, expect, it } from "vitest";
import type { ConfigMap, Deployment, Endpoints, Namespace, Pod, ReplicaSet, ServiceAccount } from "../../../engine/model/types";
import { requestPodDeletion } from "../../../engine/controllers/pod-deletion";
import { sortPodsForDeletion } from "../../../engine/controllers/replicaset/active-pods";
import { apply, deployment, eventLines, makeCluster, NEVER_READY, pod, service, START, update } from "./helpers";
import type { Cluster } from "../../../engine/runtime/cluster";

function pods(c: Cluster, app: string): Pod[] {
  return c.store.list<Pod>("Pod", "default").filter((p) => p.metadata.labels?.app === app);
}

describe("namespace controller", () => {
  it("gives every namespace its label, phase, default ServiceAccount and root CA", () => {
    const c = makeCluster();
    apply(c, { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } } as Namespace);
    const ns = c.store.get<Namespace>("Namespace", undefined, "shop")!;
    expect(ns.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "shop" });
    expect(ns.status).toEqual({ phase: "Active" });
    expect(c.store.get<ServiceAccount>("ServiceAccount", "shop", "default")).toBeDefined();
    const cm = c.store.get<ConfigMap>("ConfigMap", "shop", "kube-root-ca.crt")!;
    expect(cm.data?.["ca.crt"]).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
    expect(cm.data?.["ca.crt"]).toBe(c.store.get<ConfigMap>("ConfigMap", "default", "kube-root-ca.crt")!.data?.["ca.crt"]);
  });

  it("empties and removes a terminating namespace", () => {
    const c = makeCluster();
    apply(c, { apiVersion: "v1", kind: "Namespace", metadata: { name: "tmp" } } as Namespace);
    apply(c, { ...pod("x"), metadata: { name: "x", namespace: "tmp" } });
    const ns = c.store.get<Namespace>("Namespace", undefined, "tmp")!;
    ns.metadata.deletionTimestamp = "2026-03-02T09:00:00Z";
    c.store.touch(ns);
    c.reconcile();
    expect(ns.status?.phase).toBe("Terminating");
    c.advanceBy(5000);
    expect(c.store.get("Namespace", undefined, "tmp")).toBeUndefined();
  });
});

describe("replicaset controller", () => {
  it("creates pods the way the API server would show them", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 1, cpu: "100m", ports: [{ name: "http", containerPort: 8080 }] }));
    const [p] = pods(c, "web");
    const rs = c.store.list<ReplicaSet>("ReplicaSet")[0];
    expect(p.metadata.generateName).toBe(`${rs.metadata.name}-`);
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(p.spec).toMatchObject({
      serviceAccountName: "default",
      serviceAccount: "default",
      restartPolicy: "Always",
      dnsPolicy: "ClusterFirst",
      schedulerName: "default-scheduler",
      terminationGracePeriodSeconds: 30,
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
    });
    expect(p.spec.containers[0]).toMatchObject({
      imagePullPolicy: "IfNotPresent",
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
      ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
    });
    const vol = p.spec.volumes!.find((v) => v.name.startsWith("kube-api-access-"))!;
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec.containers[0].volumeMounts).toEqual([{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: vol.name, readOnly: true }]);
    expect(p.spec.tolerations).toEqual([
      { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
      { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
    ]);
    expect(p.status.qosClass).toBe("Burstable");
    expect(eventLines(c, rs)).toEqual([`SuccessfulCreate: Created pod: ${p.metadata.name}`]);
  });

  it("replaces a deleted pod, and deletes the unhealthiest pods first when scaled down", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 3 }));
    c.advanceBy(5000);
    const [first] = pods(c, "web");
    requestPodDeletion(c.store, first, c.now());
    c.reconcile();
    expect(pods(c, "web").filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    c.advanceBy(5000);
    const notReady = pods(c, "web")[0];
    notReady.status.conditions = notReady.status.conditions?.map((x) => (x.type === "Ready" ? { ...x, status: "False" as const } : x));
    c.store.touch(notReady);
    update(c, c.store.get<Deployment>("Deployment", "default", "web")!, (d) => (d.spec.replicas = 2));
    expect(notReady.metadata.deletionTimestamp).toBeDefined();
    const rs = c.store.list<ReplicaSet>("ReplicaSet")[0];
    expect(eventLines(c, rs).at(-1)).toBe(`SuccessfulDelete: Deleted pod: ${notReady.metadata.name}`);
  });

  it("orders deletion candidates: unscheduled, pending, not ready, then newest", () => {
    const mk = (name: string, node: string | undefined, phase: Pod["status"]["phase"], ready: boolean, created: string): Pod => ({
      ...pod(name, node ? { nodeName: node } : {}),
      metadata: { name, namespace: "default", uid: name, creationTimestamp: created },
      status: { phase, conditions: [{ type: "Ready", status: ready ? "True" : "False", lastTransitionTime: created }] },
    });
    const list = [
      mk("old-ready", "n1", "Running", true, "2026-03-01T09:00:00Z"),
      mk("new-ready", "n2", "Running", true, "2026-03-02T08:59:00Z"),
      mk("not-ready", "n3", "Running", false, "2026-03-01T09:00:00Z"),
      mk("pending", "n4", "Pending", false, "2026-03-01T09:00:00Z"),
      mk("unscheduled", undefined, "Pending", false, "2026-03-01T09:00:00Z"),
    ];
    expect(sortPodsForDeletion(list, list, START).map((p) => p.metadata.name)).toEqual(["unscheduled", "pending", "not-ready", "new-ready", "old-ready"]);
  });

  it("waits minReadySeconds before counting a pod available", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 1, minReadySeconds: 10 }));
    c.advanceBy(5000);
    const rs = c.store.list<ReplicaSet>("ReplicaSet")[0];
    expect(rs.status).toMatchObject({ replicas: 1, readyReplicas: 1 });
    expect(rs.status.availableReplicas).toBeUndefined();
    c.advanceBy(10_000);
    expect(rs.status.availableReplicas).toBe(1);
  });
});

describe("garbage collector", () => {
  it("cascades a Deployment deletion to ReplicaSets and pods", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 2 }));
    c.advanceBy(5000);
    c.store.remove("Deployment", "default", "web");
    c.reconcile();
    expect(c.store.list("ReplicaSet")).toHaveLength(0);
    expect(pods(c, "web").every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.advanceBy(2000);
    expect(pods(c, "web")).toHaveLength(0);
  });

  it("drops dangling references when another owner remains", () => {
    const c = makeCluster();
    const cm: ConfigMap = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: {
        name: "shared",
        namespace: "default",
        ownerReferences: [
          { apiVersion: "v1", kind: "ConfigMap", name: "kube-root-ca.crt", uid: c.store.get("ConfigMap", "default", "kube-root-ca.crt")!.metadata.uid! },
          { apiVersion: "apps/v1", kind: "Deployment", name: "gone", uid: "nope" },
        ],
      },
    };
    apply(c, cm);
    expect(c.store.get<ConfigMap>("ConfigMap", "default", "shared")!.metadata.ownerReferences).toHaveLength(1);
  });
});

describe("endpoints controller", () => {
  it("lists ready and not-ready pods with ports by number and by name", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 2, ports: [{ name: "http", containerPort: 8080 }] }));
    apply(c, deployment("slow", { replicas: 1, labels: { tier: "web", [NEVER_READY]: "1" }, ports: [{ name: "http", containerPort: 8080 }] }));
    apply(c, service("web", { app: "web" }, [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }, { name: "metrics", port: 9090, protocol: "TCP", targetPort: 9090 }]));
    let ep = c.store.get<Endpoints>("Endpoints", "default", "web")!;
    expect(ep.subsets).toBeUndefined();
    expect(ep.metadata.annotations?.["endpoints.kubernetes.io/last-change-trigger-time"]).toBe("2026-03-02T09:00:00Z");
    c.advanceBy(5000);
    ep = c.store.get<Endpoints>("Endpoints", "default", "web")!;
    const webPods = pods(c, "web");
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0].ports).toEqual([
      { name: "http", port: 8080, protocol: "TCP" },
      { name: "metrics", port: 9090, protocol: "TCP" },
    ]);
    expect(ep.subsets![0].addresses!.map((a) => a.targetRef!.name).sort()).toEqual(webPods.map((p) => p.metadata.name).sort());
    expect(ep.subsets![0].addresses![0]).toMatchObject({ nodeName: expect.any(String), targetRef: { kind: "Pod", namespace: "default" } });

    apply(c, service("slow", { app: "slow" }, [{ port: 80, protocol: "TCP", targetPort: 8080 }]));
    const slow = c.store.get<Endpoints>("Endpoints", "default", "slow")!;
    expect(slow.subsets).toEqual([{ notReadyAddresses: [expect.objectContaining({ ip: pods(c, "slow")[0].status.podIP })], ports: [{ port: 8080, protocol: "TCP" }] }]);
  });

  it("leaves out pods without the named port, and keeps manual endpoints", () => {
    const c = makeCluster();
    apply(c, deployment("web", { replicas: 1 }));
    apply(c, service("web", { app: "web" }, [{ port: 80, protocol: "TCP", targetPort: "http" }]));
    const manual: Endpoints = { apiVersion: "v1", kind: "Endpoints", metadata: { name: "external", namespace: "default" }, subsets: [{ addresses: [{ ip: "10.0.0.9" }], ports: [{ port: 5432, protocol: "TCP" }] }] };
    apply(c, { apiVersion: "v1", kind: "Service", metadata: { name: "external", namespace: "default" }, spec: { ports: [{ port: 5432, protocol: "TCP" }] } });
    apply(c, manual);
    c.advanceBy(5000);
    expect(c.store.get<Endpoints>("Endpoints", "default", "web")!.subsets).toBeUndefined();
    expect(c.store.get<Endpoints>("Endpoints", "default", "external")!.subsets).toEqual(manual.subsets);
    c.store.remove("Service", "default", "web");
    c.reconcile();
    expect(c.store.get("Endpoints", "default", "web")).toBeUndefined();
  });
});
