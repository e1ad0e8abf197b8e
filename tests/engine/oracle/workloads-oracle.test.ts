/**
 * The oracle on StatefulSets, DaemonSets, Jobs and CronJobs simulated by the engine's own
 * controllers: each world is simulated, moved in time so its "now" is the wall clock, and the
 * engine's describe must equal the real kubectl v1.32's byte for byte.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { FakeApiServer } from "./fake-api-server";
import { compareDescribe, hasKubectl, serve, shiftTimestamps, staticCluster } from "./harness";
import { world } from "../workloads/harness";

const WORLD = `
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
metadata: { name: postgres, namespace: shop, labels: { tier: db } }
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
    - metadata: { name: data, labels: { backup: daily } }
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests: { storage: 1Gi }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: log-agent, namespace: shop }
spec:
  selector:
    matchLabels: { app: log-agent }
  template:
    metadata:
      labels: { app: log-agent }
    spec:
      nodeSelector: { kubernetes.io/os: linux }
      containers:
        - name: agent
          image: busybox:1.36
          command: ["sh", "-c", "while true; do echo shipping; sleep 30; done"]
---
apiVersion: batch/v1
kind: Job
metadata: { name: migrate, namespace: shop }
spec:
  completions: 2
  ttlSecondsAfterFinished: 3600
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: busybox:1.36
          command: ["sh", "-c", "echo migrating; sleep 3; echo done"]
---
apiVersion: batch/v1
kind: Job
metadata: { name: broken, namespace: shop }
spec:
  backoffLimit: 1
  activeDeadlineSeconds: 900
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "echo boom; exit 2"]
---
apiVersion: batch/v1
kind: Job
metadata: { name: shard, namespace: shop }
spec:
  completions: 3
  parallelism: 2
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: shard
          image: busybox:1.36
          command: ["sh", "-c", "echo shard $JOB_COMPLETION_INDEX"]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: shop }
spec:
  schedule: "*/5 * * * *"
  startingDeadlineSeconds: 120
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
              command: ["sh", "-c", "echo report; sleep 400"]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly, namespace: shop }
spec:
  schedule: "30 2 * * *"
  timeZone: Europe/Berlin
  suspend: true
  concurrencyPolicy: Forbid
  jobTemplate:
    metadata:
      labels: { team: data }
    spec:
      parallelism: 2
      completions: 4
      activeDeadlineSeconds: 600
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: export
              image: busybox:1.36
              command: ["sh", "-c", "echo export"]
`;

const LINES = ["sts -n shop", "statefulset postgres -n shop", "ds -n shop", "jobs -n shop", "cj -n shop", "pods -n shop", "pvc -n shop"];

describe.skipIf(!hasKubectl)("describe of workload kinds matches the real kubectl v1.32", () => {
  const servers: FakeApiServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  it("StatefulSet, DaemonSet, Jobs, CronJob and their pods", async () => {
    const { cluster: sim } = world(WORLD);
    sim.advanceBy(20 * 60_000);
    const wall = Math.floor(Date.now() / 1000) * 1000;
    const objects = shiftTimestamps(sim.store.all(), wall - Math.floor(sim.now() / 1000) * 1000);
    const server = await serve(objects);
    servers.push(server);
    const cluster = staticCluster(objects, wall);
    for (const line of LINES) {
      const { real, engine } = await compareDescribe(server, cluster, line.split(" "));
      expect.soft({ line, stdout: engine.stdout, stderr: engine.stderr }).toEqual({ line, stdout: real.stdout, stderr: real.stderr });
    }
  }, 60_000);
});
