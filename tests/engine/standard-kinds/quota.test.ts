/**
 * ResourceQuota admission: pods past a namespace's quota are refused (by the API server for a
 * learner's pod, with a FailedCreate event for a ReplicaSet's), and the quota's status counts
 * what runs.
 */
import { describe, expect, it } from "vitest";
import type { Pod, ReplicaSet } from "../../../engine/model/types";
import { eventsOf, kubectl, world } from "../workloads/harness";

const QUOTA_WORLD = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: compute, namespace: shop }
spec:
  hard: { pods: "5", requests.cpu: 500m, requests.memory: 1Gi }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: "nginx:1.27"
          resources: { requests: { cpu: 200m, memory: 64Mi } }
`;

describe("ResourceQuota admission", () => {
  it("a ReplicaSet creates pods up to the quota, then records FailedCreate", () => {
    const { cluster } = world(QUOTA_WORLD);
    const rs = cluster.store.list<ReplicaSet>("ReplicaSet", "shop")[0];
    expect(cluster.store.list("Pod", "shop").length).toBe(2);
    const failed = eventsOf(cluster, rs).filter((e) => e.startsWith("FailedCreate"));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatch(
      new RegExp(`^FailedCreate: Error creating: pods "${rs.metadata.name}-[a-z0-9]{5}" is forbidden: exceeded quota: compute, requested: requests.cpu=200m, used: requests.cpu=400m, limited: requests.cpu=500m$`),
    );
    expect(kubectl(cluster, "get quota").stdout).toMatch(/compute +\d+m +pods: 2\/5, requests.cpu: 400m\/500m, requests.memory: 128Mi\/1Gi +\n/);
    expect(kubectl(cluster, "get deploy web --no-headers").stdout).toMatch(/^web +2\/3 /);
  });

  it("refuses a learner's pod past the quota and admits it once the quota is raised", () => {
    const { cluster } = world(QUOTA_WORLD);
    const pod = "apiVersion: v1\nkind: Pod\nmetadata: { name: big }\nspec:\n  containers: [{ name: c, image: nginx, resources: { requests: { cpu: 200m, memory: 2Gi } } }]\n";
    const r = kubectl(cluster, "apply -f -", pod);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "big" is forbidden: exceeded quota: compute, requested: requests.cpu=200m,requests.memory=2Gi, used: requests.cpu=400m,requests.memory=128Mi, limited: requests.cpu=500m,requests.memory=1Gi\n',
    );
    expect(kubectl(cluster, "patch quota compute --type=merge -p {\"spec\":{\"hard\":{\"requests.cpu\":\"2\",\"requests.memory\":\"4Gi\"}}}").stdout).toBe("resourcequota/compute patched\n");
    expect(kubectl(cluster, "apply -f -", pod).stdout).toBe("pod/big created\n");
    // The ReplicaSet retries on its work queue's exponential back-off (5 ms doubling, at most 1000 s).
    cluster.advanceBy(20 * 60_000);
    expect(cluster.store.list("Pod", "shop").length).toBe(4);
  });
});

describe("LimitRanger admission", () => {
  it("gives containers without resources the LimitRange's defaults, and the quota counts them", () => {
    const { cluster } = world(`
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: shop }
spec:
  limits:
    - type: Container
      default: { cpu: 500m, memory: 256Mi }
      defaultRequest: { cpu: 100m }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: compute, namespace: shop }
spec:
  hard: { requests.cpu: "1", limits.memory: 1Gi }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 5
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "nginx:1.27", resources: { limits: { cpu: 200m } } }]
`);
    const pods = cluster.store.list<Pod>("Pod", "shop");
    // limits.memory 256Mi each: four fit under 1Gi, the fifth is refused.
    expect(pods.length).toBe(4);
    const pod = pods[0];
    expect(pod.spec.containers[0].resources).toEqual({ limits: { cpu: "200m", memory: "256Mi" }, requests: { cpu: "200m", memory: "256Mi" } });
    expect(pod.metadata.annotations?.["kubernetes.io/limit-ranger"]).toBe("LimitRanger plugin set: memory request for container nginx; memory limit for container nginx");
    expect(pod.status.qosClass).toBe("Guaranteed");
    const rs = cluster.store.list<ReplicaSet>("ReplicaSet", "shop")[0];
    expect(eventsOf(cluster, rs).some((e) => /exceeded quota: compute, requested: limits.memory=256Mi, used: limits.memory=1Gi, limited: limits.memory=1Gi$/.test(e))).toBe(true);
  });
});
