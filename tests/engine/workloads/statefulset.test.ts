import { describe, expect, it } from "vitest";
import type { PersistentVolumeClaim, Pod, StatefulSet } from "../../../engine/model/types";
import { eventsOf, kubectl, world } from "./harness";

const POSTGRES = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: Service
metadata: { name: postgres, namespace: shop }
spec:
  clusterIP: None
  selector: { app: postgres }
  ports: [{ name: pg, port: 5432 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: postgres, namespace: shop }
spec:
  serviceName: postgres
  replicas: 2
  selector:
    matchLabels: { app: postgres }
  template:
    metadata:
      labels: { app: postgres }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          env:
            - { name: POSTGRES_PASSWORD, value: change-me }
          ports: [{ containerPort: 5432, name: pg }]
          volumeMounts:
            - { name: data, mountPath: /var/lib/postgresql/data }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests: { storage: 1Gi }
`;

describe("StatefulSet controller", () => {
  it("creates ordered pods with stable identity and bound claims, and settles healthy", () => {
    const { cluster } = world(POSTGRES);
    const sts = cluster.store.get<StatefulSet>("StatefulSet", "shop", "postgres")!;
    expect(sts.spec).toMatchObject({ podManagementPolicy: "OrderedReady", revisionHistoryLimit: 10, updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } }, persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" } });
    const pods = cluster.store.list<Pod>("Pod", "shop");
    expect(pods.map((p) => `${p.metadata.name} ${p.status.phase}`)).toEqual(["postgres-0 Running", "postgres-1 Running"]);
    const p0 = pods[0];
    const rev = sts.status!.updateRevision!;
    expect(rev).toMatch(/^postgres-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(p0.metadata.labels).toEqual({ app: "postgres", "apps.kubernetes.io/pod-index": "0", "controller-revision-hash": rev, "statefulset.kubernetes.io/pod-name": "postgres-0" });
    expect(p0.spec.hostname).toBe("postgres-0");
    expect(p0.spec.subdomain).toBe("postgres");
    expect(p0.spec.volumes?.[0]).toEqual({ name: "data", persistentVolumeClaim: { claimName: "data-postgres-0" } });
    const claims = cluster.store.list<PersistentVolumeClaim>("PersistentVolumeClaim", "shop");
    expect(claims.map((c) => `${c.metadata.name} ${c.status?.phase}`)).toEqual(["data-postgres-0 Bound", "data-postgres-1 Bound"]);
    expect(claims[0].metadata.labels).toEqual({ app: "postgres" });
    expect(sts.status).toEqual({
      observedGeneration: 1,
      replicas: 2,
      readyReplicas: 2,
      currentReplicas: 2,
      updatedReplicas: 2,
      availableReplicas: 2,
      currentRevision: rev,
      updateRevision: rev,
      collisionCount: 0,
    });
    // postgres-1 is only created once postgres-0 is Running and Ready.
    const t0 = Date.parse(p0.status.conditions!.find((c) => c.type === "Ready")!.lastTransitionTime!);
    expect(Date.parse(pods[1].metadata.creationTimestamp!)).toBeGreaterThanOrEqual(t0);
    expect(eventsOf(cluster, sts)).toEqual([
      "SuccessfulCreate: create Claim data-postgres-0 Pod postgres-0 in StatefulSet postgres success",
      "SuccessfulCreate: create Pod postgres-0 in StatefulSet postgres successful",
      "SuccessfulCreate: create Claim data-postgres-1 Pod postgres-1 in StatefulSet postgres success",
      "SuccessfulCreate: create Pod postgres-1 in StatefulSet postgres successful",
    ]);
  });

  it("scales down from the highest ordinal and keeps the claims", () => {
    const { cluster } = world(POSTGRES);
    const r = kubectl(cluster, "scale statefulset postgres --replicas=1");
    expect(r.stdout).toBe("statefulset.apps/postgres scaled\n");
    cluster.advanceBy(60_000);
    expect(cluster.store.list<Pod>("Pod", "shop").map((p) => p.metadata.name)).toEqual(["postgres-0"]);
    expect(cluster.store.list("PersistentVolumeClaim", "shop").length).toBe(2);
    const sts = cluster.store.get<StatefulSet>("StatefulSet", "shop", "postgres")!;
    expect(sts.status?.replicas).toBe(1);
    expect(eventsOf(cluster, sts).at(-1)).toBe("SuccessfulDelete: delete Pod postgres-1 in StatefulSet postgres successful");
  });

  it("rolls an update from the highest ordinal down", () => {
    const { cluster } = world(POSTGRES);
    const before = cluster.store.get<StatefulSet>("StatefulSet", "shop", "postgres")!.status!.updateRevision;
    const r = kubectl(cluster, "set env statefulset/postgres MODE=fast");
    expect(r.stderr).toBe("");
    cluster.reconcile();
    const sts = cluster.store.get<StatefulSet>("StatefulSet", "shop", "postgres")!;
    expect(sts.status!.updateRevision).not.toBe(before);
    const p1 = cluster.store.get<Pod>("Pod", "shop", "postgres-1")!;
    expect(p1.metadata.deletionTimestamp).toBeDefined();
    expect(cluster.store.get<Pod>("Pod", "shop", "postgres-0")!.metadata.deletionTimestamp).toBeUndefined();
    cluster.advanceBy(180_000);
    const pods = cluster.store.list<Pod>("Pod", "shop");
    expect(pods.map((p) => p.metadata.labels!["controller-revision-hash"])).toEqual([sts.status!.updateRevision, sts.status!.updateRevision]);
    expect(sts.status).toMatchObject({ currentRevision: sts.status!.updateRevision, updatedReplicas: 2, readyReplicas: 2, currentReplicas: 2 });
  });

  it("creates all pods at once under the Parallel policy", () => {
    const { cluster } = world(POSTGRES.replace("replicas: 2", "replicas: 3\n  podManagementPolicy: Parallel"));
    const pods = cluster.store.list<Pod>("Pod", "shop");
    expect(pods.map((p) => p.metadata.name)).toEqual(["postgres-0", "postgres-1", "postgres-2"]);
    const created = new Set(pods.map((p) => p.metadata.creationTimestamp));
    expect(created.size).toBe(1);
  });
});

describe("StatefulSet updates", () => {
  it("refuses changes to volumeClaimTemplates or serviceName as the API server does", () => {
    const { cluster } = world(POSTGRES);
    const r = kubectl(cluster, "patch sts postgres --type=json -p [{\"op\":\"add\",\"path\":\"/spec/volumeClaimTemplates/0/spec/storageClassName\",\"value\":\"fast\"}]");
    expect(r.stderr).toBe(
      "The StatefulSet \"postgres\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
    );
    expect(kubectl(cluster, "patch sts postgres -p {\"spec\":{\"serviceName\":\"db\"}}").stderr).toMatch(/^The StatefulSet "postgres" is invalid: spec: Forbidden: updates to statefulset spec/);
    expect(kubectl(cluster, "scale sts postgres --replicas=3").stderr).toBe("");
    expect(kubectl(cluster, "patch sts postgres -p {\"spec\":{\"minReadySeconds\":5}}").stdout).toBe("statefulset.apps/postgres patched\n");
  });

  it("accepts re-applying its manifest, and a new image", () => {
    const { cluster } = world(POSTGRES);
    // The claim templates are an atomic list and the server defaulted them, so kubectl sends a
    // patch ("configured", as the real kubectl prints) that changes nothing: no new generation.
    const again = kubectl(cluster, "apply -f -", POSTGRES);
    expect(again.stderr).toBe("");
    expect(again.stdout).toContain("statefulset.apps/postgres configured\n");
    expect(cluster.store.get<StatefulSet>("StatefulSet", "shop", "postgres")!.metadata.generation).toBe(1);
    const changed = kubectl(cluster, "apply -f -", POSTGRES.replace("image: postgres:16", "image: postgres:latest"));
    expect(changed.stderr).toBe("");
    expect(changed.stdout).toContain("statefulset.apps/postgres configured\n");
    expect(cluster.store.get<StatefulSet>("StatefulSet", "shop", "postgres")!.metadata.generation).toBe(2);
  });
});
