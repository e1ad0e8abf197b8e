/**
 * The example world given to scenario authors: a PostgreSQL StatefulSet with a claim template
 * behind a headless Service, and a CronJob whose Jobs reach it. It must settle healthy.
 */
import { describe, expect, it } from "vitest";
import type { CronJob, Job, PersistentVolumeClaim, Pod, StatefulSet } from "../../../engine/model/types";
import { kubectl, world } from "./harness";

/** The example, as a scenario's `manifests:` would hold it. */
export const EXAMPLE_WORLD = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: Secret
metadata: { name: db-credentials, namespace: shop }
stringData: { password: s3cret }
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
  replicas: 1
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
            - name: POSTGRES_PASSWORD
              valueFrom: { secretKeyRef: { name: db-credentials, key: password } }
          ports: [{ name: pg, containerPort: 5432 }]
          volumeMounts:
            - { name: data, mountPath: /var/lib/postgresql/data }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests: { storage: 1Gi }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: migrate, namespace: shop }
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: migrate
              image: acmeshop/db-migrate:1.0.0
              env:
                - { name: DB_HOST, value: postgres }
                - name: DB_PASSWORD
                  valueFrom: { secretKeyRef: { name: db-credentials, key: password } }
`;

describe("the example world for scenario authors", () => {
  it("settles healthy: postgres-0 Running with a Bound claim, the CronJob's Jobs Complete", () => {
    const { cluster } = world(EXAMPLE_WORLD);
    cluster.advanceBy(11 * 60_000);
    const sts = cluster.store.get<StatefulSet>("StatefulSet", "shop", "postgres")!;
    expect(sts.status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 1 });
    expect(cluster.store.get<PersistentVolumeClaim>("PersistentVolumeClaim", "shop", "data-postgres-0")!.status?.phase).toBe("Bound");
    const jobs = cluster.store.list<Job>("Job", "shop");
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    for (const j of jobs) expect(j.status?.conditions?.find((c) => c.type === "Complete")?.status).toBe("True");
    const cj = cluster.store.get<CronJob>("CronJob", "shop", "migrate")!;
    expect(cj.status?.lastSuccessfulTime).toBeDefined();
    const pods = cluster.store.list<Pod>("Pod", "shop");
    expect(pods.filter((p) => p.metadata.name.startsWith("migrate-")).every((p) => p.status.phase === "Succeeded")).toBe(true);
    const logs = kubectl(cluster, `logs job/${jobs.at(-1)!.metadata.name}`);
    expect(logs.stdout).toMatch(/msg="migrated schema" from=41 to=43/);
  });
});

describe("StatefulSet pod DNS", () => {
  it("resolves <pod>.<service> to the ready pod behind a headless Service", () => {
    const { cluster } = world(EXAMPLE_WORLD.replace("- { name: DB_HOST, value: postgres }", "- { name: DB_HOST, value: postgres-0.postgres }"));
    cluster.advanceBy(6 * 60_000);
    const jobs = cluster.store.list<Job>("Job", "shop");
    expect(jobs.length).toBeGreaterThan(0);
    for (const j of jobs) expect(j.status?.conditions?.find((c) => c.type === "Complete")?.status).toBe("True");
    const broken = world(EXAMPLE_WORLD.replace("- { name: DB_HOST, value: postgres }", "- { name: DB_HOST, value: postgres-1.postgres }")).cluster;
    broken.advanceBy(6 * 60_000);
    const job = broken.store.list<Job>("Job", "shop")[0];
    expect(kubectl(broken, `logs job/${job.metadata.name}`).stdout).toMatch(/cannot connect to database/);
  });
});
