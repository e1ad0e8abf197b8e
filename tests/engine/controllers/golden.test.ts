/**
 * Golden files: the objects the controllers write, as `kubectl get -o yaml` would list their
 * fields (keys sorted), for a fixed seed. Regenerate on purpose with UPDATE_GOLDEN=1 and
 * review the diff against what a real v1.32 cluster shows.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { KObject, PersistentVolumeClaim, StorageClass } from "../../../engine/model/types";
import { apply, deployment, makeCluster, pod, service } from "./helpers";

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), "golden");

function toYaml(obj: KObject): string {
  return stringify(obj, { sortMapEntries: true, lineWidth: 0 });
}

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("golden objects", () => {
  const c = makeCluster({
    seed: 42,
    nodes: [
      { name: "kind-control-plane", cpu: "4", memory: "8Gi", role: "control-plane" },
      { name: "kind-worker", cpu: "4", memory: "8Gi" },
    ],
  });
  apply(c, deployment("web", { replicas: 2, cpu: "100m", memory: "128Mi", ports: [{ name: "http", containerPort: 8080 }] }));
  apply(c, service("web", { app: "web" }, [{ name: "http", port: 80, protocol: "TCP", targetPort: "http" }]));
  apply(c, { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } }, provisioner: "rancher.io/local-path", volumeBindingMode: "WaitForFirstConsumer" } as StorageClass);
  apply(c, { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data", namespace: "default" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "2Gi" } } } } as PersistentVolumeClaim);
  apply(c, pod("db", { volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }] }, { app: "db" }));
  apply(c, pod("pending", { containers: [{ name: "app", image: "busybox", resources: { requests: { cpu: "8" } } }] }));
  c.advanceBy(30_000);

  const one = (kind: string, ns: string | undefined, name?: string) => (name ? c.store.get(kind, ns, name)! : c.store.list(kind, ns)[0]);

  it("node", () => golden("node.yaml", toYaml(one("Node", undefined, "kind-worker"))));
  it("deployment", () => golden("deployment.yaml", toYaml(one("Deployment", "default", "web"))));
  it("replicaset", () => golden("replicaset.yaml", toYaml(one("ReplicaSet", "default"))));
  it("pod from a ReplicaSet", () => golden("pod.yaml", toYaml(c.store.list("Pod", "default").find((p) => p.metadata.name.startsWith("web-"))!)));
  it("unschedulable pod", () => golden("pod-pending.yaml", toYaml(one("Pod", "default", "pending"))));
  it("endpoints", () => golden("endpoints.yaml", toYaml(one("Endpoints", "default", "web"))));
  it("claim and provisioned volume", () => {
    const pvc = one("PersistentVolumeClaim", "default", "data") as PersistentVolumeClaim;
    golden("pvc.yaml", toYaml(pvc));
    golden("pv.yaml", toYaml(one("PersistentVolume", undefined, pvc.spec.volumeName!)));
  });
  it("namespace defaults", () => {
    golden("namespace.yaml", toYaml(one("Namespace", undefined, "default")));
    golden("serviceaccount.yaml", toYaml(one("ServiceAccount", "default", "default")));
  });
  it("events", () => {
    const lines = c.store
      .list("Event")
      .map((e) => e as KObject & { reason: string; message: string; type: string; count: number; source: { component: string }; involvedObject: { kind: string; name: string } })
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => `${e.type}\t${e.reason}\t${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}\t${e.source.component}\tx${e.count}\t${e.message}`);
    golden("events.tsv", lines.join("\n") + "\n");
  });
});
