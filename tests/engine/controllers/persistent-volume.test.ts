import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../../../engine/model/types";
import { apply, eventLines, makeCluster, pod } from "./helpers";
import type { Cluster } from "../../../engine/runtime/cluster";

function claim(name: string, spec: Partial<PersistentVolumeClaim["spec"]> = {}): PersistentVolumeClaim {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name, namespace: "default" },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...spec },
  };
}
function volume(name: string, storage: string, spec: Partial<PersistentVolume["spec"]> = {}): PersistentVolume {
  return { apiVersion: "v1", kind: "PersistentVolume", metadata: { name }, spec: { capacity: { storage }, accessModes: ["ReadWriteOnce"], hostPath: { path: `/data/${name}` }, ...spec } };
}
function storageClass(name: string, extra: Partial<StorageClass> = {}): StorageClass {
  return { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name }, provisioner: "rancher.io/local-path", ...extra };
}
function getClaim(c: Cluster, name: string): PersistentVolumeClaim {
  return c.store.get<PersistentVolumeClaim>("PersistentVolumeClaim", "default", name)!;
}

describe("persistent volume controller", () => {
  it("binds a claim to the smallest matching Available volume", () => {
    const c = makeCluster();
    apply(c, volume("big", "10Gi", { storageClassName: "manual" }));
    apply(c, volume("small", "2Gi", { storageClassName: "manual" }));
    apply(c, volume("rwx", "1Gi", { storageClassName: "manual", accessModes: ["ReadWriteMany"] }));
    apply(c, claim("data", { storageClassName: "manual" }));
    const pvc = getClaim(c, "data");
    expect(pvc.spec.volumeName).toBe("small");
    expect(pvc.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "2Gi" } });
    expect(pvc.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" });
    const pv = c.store.get<PersistentVolume>("PersistentVolume", undefined, "small")!;
    expect(pv.status?.phase).toBe("Bound");
    expect(pv.spec.claimRef).toMatchObject({ kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: pvc.metadata.uid });
    expect(c.store.get<PersistentVolume>("PersistentVolume", undefined, "big")!.status?.phase).toBe("Available");
  });

  it("reports a missing StorageClass as ProvisioningFailed, every 15s", () => {
    const c = makeCluster();
    apply(c, claim("data", { storageClassName: "fast" }));
    c.advanceBy(60_000);
    const pvc = getClaim(c, "data");
    expect(pvc.status?.phase).toBe("Pending");
    const [ev] = c.events.about(pvc);
    expect(ev).toMatchObject({ type: "Warning", reason: "ProvisioningFailed", message: 'storageclass.storage.k8s.io "fast" not found', source: { component: "persistentvolume-controller" }, count: 5 });
  });

  it("says FailedBinding when no class is set and no default exists", () => {
    const c = makeCluster();
    apply(c, claim("data"));
    expect(eventLines(c, getClaim(c, "data"))).toEqual(["FailedBinding: no persistent volumes available for this claim and no storage class is set"]);
    expect(c.events.about(getClaim(c, "data"))[0].type).toBe("Normal");
  });

  it("provisions through the default StorageClass with Immediate binding", () => {
    const c = makeCluster();
    apply(c, storageClass("standard", { metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } }));
    apply(c, claim("data"));
    const pvc = getClaim(c, "data");
    expect(pvc.spec.storageClassName).toBe("standard");
    expect(pvc.spec.volumeName).toBe(`pvc-${pvc.metadata.uid}`);
    expect(pvc.metadata.annotations?.["volume.kubernetes.io/storage-provisioner"]).toBe("rancher.io/local-path");
    const pv = c.store.get<PersistentVolume>("PersistentVolume", undefined, `pvc-${pvc.metadata.uid}`)!;
    expect(pv.spec).toMatchObject({ storageClassName: "standard", persistentVolumeReclaimPolicy: "Delete", capacity: { storage: "1Gi" } });
    expect(eventLines(c, pvc)).toEqual([
      "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'Provisioning: External provisioner is provisioning volume for claim "default/data"',
      `ProvisioningSucceeded: Successfully provisioned volume pvc-${pvc.metadata.uid}`,
    ]);
  });

  it("waits for the first consumer, then provisions on the scheduled pod's node", () => {
    const c = makeCluster();
    apply(c, storageClass("local", { volumeBindingMode: "WaitForFirstConsumer" }));
    apply(c, claim("data", { storageClassName: "local" }));
    expect(eventLines(c, getClaim(c, "data"))).toEqual(["WaitForFirstConsumer: waiting for first consumer to be created before binding"]);
    apply(c, pod("db", { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] }));
    const p = c.store.get<Pod>("Pod", "default", "db")!;
    expect(p.spec.nodeName).toBeDefined();
    const pvc = getClaim(c, "data");
    expect(pvc.metadata.annotations?.["volume.kubernetes.io/selected-node"]).toBe(p.spec.nodeName);
    expect(pvc.status?.phase).toBe("Bound");
    const pv = c.store.get<PersistentVolume>("PersistentVolume", undefined, pvc.spec.volumeName!)!;
    expect(JSON.stringify(pv.spec.nodeAffinity)).toContain(p.spec.nodeName!);
  });

  it("keeps a consumer of a no-provisioner claim unschedulable", () => {
    const c = makeCluster();
    apply(c, storageClass("manual", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" }));
    apply(c, claim("data", { storageClassName: "manual" }));
    apply(c, pod("db", { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] }));
    const p = c.store.get<Pod>("Pod", "default", "db")!;
    expect(c.events.about(p).find((e) => e.reason === "FailedScheduling")?.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    c.advanceBy(15_000);
    expect(eventLines(c, getClaim(c, "data")).at(-1)).toBe("WaitForPodScheduled: waiting for pod db to be scheduled");
  });

  it("deletes a dynamically provisioned volume when its claim goes, and releases a retained one", () => {
    const c = makeCluster();
    apply(c, storageClass("standard"));
    apply(c, volume("kept", "1Gi", { storageClassName: "manual" }));
    apply(c, claim("a", { storageClassName: "standard" }));
    apply(c, claim("b", { storageClassName: "manual" }));
    const dynamic = getClaim(c, "a").spec.volumeName!;
    c.store.remove("PersistentVolumeClaim", "default", "a");
    c.store.remove("PersistentVolumeClaim", "default", "b");
    c.reconcile();
    expect(c.store.get("PersistentVolume", undefined, dynamic)).toBeUndefined();
    expect(c.store.get<PersistentVolume>("PersistentVolume", undefined, "kept")!.status?.phase).toBe("Released");
  });

  it("holds a deleted claim while a pod uses it (pvc-protection)", () => {
    const c = makeCluster();
    apply(c, storageClass("standard"));
    apply(c, claim("data", { storageClassName: "standard" }));
    expect(getClaim(c, "data").metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    apply(c, pod("db", { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] }));
    getClaim(c, "data").metadata.deletionTimestamp = "2026-03-02T09:00:00Z";
    c.store.touch(getClaim(c, "data"));
    c.reconcile();
    expect(getClaim(c, "data")).toBeDefined();
    c.store.remove("Pod", "default", "db");
    c.reconcile();
    expect(getClaim(c, "data")).toBeUndefined();
  });
});
