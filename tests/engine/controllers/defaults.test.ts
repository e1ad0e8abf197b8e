import { describe, expect, it } from "vitest";
import { applyDefaults, defaultImagePullPolicy } from "../../../engine/controllers/defaults";
import { podQosClass } from "../../../engine/controllers/pod-util";
import { buildNode } from "../../../engine/model/node-builder";
import type { Deployment, Pod } from "../../../engine/model/types";
import { Random } from "../../../engine/runtime/random";
import { deployment, pod, START } from "./helpers";

describe("API defaulting", () => {
  it("picks the image pull policy from the tag", () => {
    expect(defaultImagePullPolicy("nginx")).toBe("Always");
    expect(defaultImagePullPolicy("nginx:latest")).toBe("Always");
    expect(defaultImagePullPolicy("nginx:1.27")).toBe("IfNotPresent");
    expect(defaultImagePullPolicy("registry.local:5000/shop/api")).toBe("Always");
    expect(defaultImagePullPolicy("registry.local:5000/shop/api:2.1")).toBe("IfNotPresent");
    expect(defaultImagePullPolicy("nginx@sha256:abcd")).toBe("IfNotPresent");
  });

  it("defaults a Deployment's strategy, limits and template", () => {
    const d = applyDefaults(deployment("web") as Deployment, { rng: new Random(1) });
    expect(d.spec).toMatchObject({
      replicas: 3,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
    });
    expect(d.spec.template.spec).toMatchObject({ restartPolicy: "Always", dnsPolicy: "ClusterFirst", schedulerName: "default-scheduler", terminationGracePeriodSeconds: 30, securityContext: {} });
    // Pod-only fields stay off the template.
    expect(d.spec.template.spec.serviceAccountName).toBeUndefined();
    expect(d.spec.template.spec.tolerations).toBeUndefined();
    const recreate = applyDefaults(deployment("db", { strategy: { type: "Recreate" } }) as Deployment, { rng: new Random(1) });
    expect(recreate.spec.strategy).toEqual({ type: "Recreate" });
  });

  it("copies limits to missing requests and computes the QoS class", () => {
    const p = applyDefaults(pod("g", { containers: [{ name: "app", image: "nginx", resources: { limits: { cpu: "500m", memory: "256Mi" } } }] }), { rng: new Random(1) }) as Pod;
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: "500m", memory: "256Mi" }, requests: { cpu: "500m", memory: "256Mi" } });
    expect(p.status).toEqual({ phase: "Pending", qosClass: "Guaranteed" });
    expect(podQosClass(pod("b"))).toBe("BestEffort");
    expect(podQosClass(pod("u", { containers: [{ name: "a", image: "x", resources: { requests: { memory: "1Gi" } } }] }))).toBe("Burstable");
  });

  it("does not mount the token when automount is off", () => {
    const p = applyDefaults(pod("n", { automountServiceAccountToken: false }), { rng: new Random(1) }) as Pod;
    expect(p.spec.volumes).toBeUndefined();
    expect(p.spec.containers[0].volumeMounts).toBeUndefined();
  });
});

describe("node builder", () => {
  it("builds a kind-like control-plane node with its taint and role label", () => {
    const n = buildNode({ name: "kind-control-plane", cpu: "4", memory: "8Gi", role: "control-plane", createdMs: START, internalIP: "172.18.0.2" });
    expect(n.spec.taints).toEqual([{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]);
    expect(n.metadata.labels?.["node-role.kubernetes.io/control-plane"]).toBe("");
    expect(n.status.allocatable).toMatchObject({ cpu: "4", memory: "8Gi", pods: "110" });
    expect(n.status.conditions.find((c) => c.type === "Ready")).toMatchObject({ status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" });
    expect(n.status.addresses).toEqual([
      { address: "172.18.0.2", type: "InternalIP" },
      { address: "kind-control-plane", type: "Hostname" },
    ]);
    expect(n.status.nodeInfo.kubeletVersion).toBe("v1.32.0");
    expect(buildNode({ name: "w", cpu: "2", memory: "4Gi", createdMs: START, internalIP: "172.18.0.3", unschedulable: true }).spec).toMatchObject({ unschedulable: true, podCIDR: "10.244.3.0/24" });
  });
});
