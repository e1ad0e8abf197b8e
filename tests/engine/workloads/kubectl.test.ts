import { describe, expect, it } from "vitest";
import type { CronJob, Job, Pod } from "../../../engine/model/types";
import { runKubectl } from "../../../engine/kubectl/kubectl";
import type { Cluster } from "../../../engine/runtime/cluster";
import { world } from "./harness";

const NS = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
`;

/** Runs kubectl with an argv (no shell splitting). */
function k(cluster: Cluster, ...argv: string[]) {
  const r = runKubectl(cluster, argv, undefined, { namespace: "shop" });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

describe("kubectl create job", () => {
  it("prints the generated Job under --dry-run=client as kubectl v1.32 does", () => {
    const { cluster } = world(NS);
    expect(k(cluster, "create", "job", "x", "--image=busybox", "--dry-run=client", "-o", "yaml", "--", "date").stdout).toBe(
      `apiVersion: batch/v1
kind: Job
metadata:
  creationTimestamp: null
  name: x
spec:
  template:
    metadata:
      creationTimestamp: null
    spec:
      containers:
      - command:
        - date
        image: busybox
        name: x
        resources: {}
      restartPolicy: Never
status: {}
`,
    );
    expect(k(cluster, "create", "job", "x", "--image=busybox", "--dry-run=client").stdout).toBe("job.batch/x created (dry run)\n");
  });

  it("refuses bad arguments with kubectl's errors", () => {
    const { cluster } = world(NS);
    expect(k(cluster, "create", "job")).toEqual({ stdout: "", stderr: "error: exactly one NAME is required, got 0\nSee 'kubectl create job -h' for help and examples\n", exitCode: 1 });
    expect(k(cluster, "create", "job", "x").stderr).toBe("error: either --image or --from must be specified\n");
    expect(k(cluster, "create", "job", "x", "--image=busybox", "--from=cronjob/y").stderr).toBe("error: either --image or --from must be specified\n");
    expect(k(cluster, "create", "job", "x", "--from=cronjob/nope").stderr).toBe('Error from server (NotFound): cronjobs.batch "nope" not found\n');
  });

  it("creates a Job that runs to completion, and one from a CronJob", () => {
    const { cluster } = world(NS);
    expect(k(cluster, "create", "job", "hello", "--image=busybox:1.36", "--", "echo", "hello")).toEqual({ stdout: "job.batch/hello created\n", stderr: "", exitCode: 0 });
    cluster.advanceBy(60_000);
    const job = cluster.store.get<Job>("Job", "shop", "hello")!;
    expect(job.status?.succeeded).toBe(1);
    expect(k(cluster, "logs", "job/hello").stdout).toBe("hello\n");
    expect(k(cluster, "create", "cronjob", "nightly", "--image=busybox:1.36", "--schedule=0 3 * * *", "--", "echo", "nightly").stdout).toBe("cronjob.batch/nightly created\n");
    expect(k(cluster, "create", "job", "nightly-manual", "--from=cronjob/nightly").stdout).toBe("job.batch/nightly-manual created\n");
    const manual = cluster.store.get<Job>("Job", "shop", "nightly-manual")!;
    const cj = cluster.store.get<CronJob>("CronJob", "shop", "nightly")!;
    expect(manual.metadata.annotations).toEqual({ "cronjob.kubernetes.io/instantiate": "manual" });
    expect(manual.metadata.ownerReferences).toEqual([{ apiVersion: "batch/v1", kind: "CronJob", name: "nightly", uid: cj.metadata.uid, controller: true }]);
    cluster.advanceBy(60_000);
    expect(manual.status?.succeeded).toBe(1);
    const pods = cluster.store.list<Pod>("Pod", "shop").filter((p) => p.metadata.name.startsWith("nightly-manual-"));
    expect(pods.length).toBe(1);
    expect(k(cluster, "create", "job", "x", "--from=deploy/nope").stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe("kubectl create cronjob", () => {
  it("requires --image and --schedule, and prints the generated CronJob", () => {
    const { cluster } = world(NS);
    expect(k(cluster, "create", "cronjob").stderr).toMatch(/run\.go:72\] "command failed" err="required flag\(s\) \\"image\\", \\"schedule\\" not set"\n$/);
    expect(k(cluster, "create", "cronjob", "x", "y", "--image=busybox", "--schedule=1").stderr).toBe("error: exactly one NAME is required, got 2\nSee 'kubectl create cronjob -h' for help and examples\n");
    expect(k(cluster, "create", "cj", "x", "--image=busybox", "--schedule=*/5 * * * *", "--dry-run=client", "-o", "yaml").stdout).toBe(
      `apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: x
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: x
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - image: busybox
            name: x
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/5 * * * *'
status: {}
`,
    );
  });

  it("is refused by the API server with an unparseable schedule or an Always restart policy (kubectl wraps the refusal)", () => {
    const { cluster } = world(NS);
    expect(k(cluster, "create", "cronjob", "x", "--image=busybox", "--schedule=bad").stderr).toBe('error: failed to create cronjob: CronJob.batch "x" is invalid: spec.schedule: Invalid value: "bad": expected exactly 5 fields, found 1: [bad]\n');
    expect(k(cluster, "create", "cronjob", "x", "--image=busybox", "--schedule=* * * * *", "--restart=Always").stderr).toBe(
      'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n',
    );
  });
});


const STS_AND_DS = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: cache, namespace: shop }
spec:
  serviceName: cache
  replicas: 2
  selector:
    matchLabels: { app: cache }
  template:
    metadata:
      labels: { app: cache }
    spec:
      containers:
        - name: redis
          image: redis:7
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: shop }
spec:
  selector:
    matchLabels: { app: agent }
  template:
    metadata:
      labels: { app: agent }
    spec:
      containers:
        - name: agent
          image: busybox:1.36
          command: ["sleep", "infinity"]
`;

describe("rollout for StatefulSets and DaemonSets", () => {
  it("reports rollout status as kubectl's status viewers do", () => {
    const { cluster } = world(STS_AND_DS);
    expect(k(cluster, "rollout", "status", "sts/cache")).toEqual({ stdout: "partitioned roll out complete: 2 new pods have been updated...\n", stderr: "", exitCode: 0 });
    expect(k(cluster, "rollout", "status", "ds/agent").stdout).toBe('daemon set "agent" successfully rolled out\n');
    expect(k(cluster, "rollout", "restart", "sts/cache").stdout).toBe("statefulset.apps/cache restarted\n");
    expect(k(cluster, "rollout", "status", "sts/cache", "--watch=false").stdout).toBe("Waiting for 1 pods to be ready...\n");
    cluster.advanceBy(120_000);
    expect(k(cluster, "rollout", "status", "sts/cache").stdout).toBe("partitioned roll out complete: 2 new pods have been updated...\n");
    const pods = cluster.store.list<Pod>("Pod", "shop").filter((p) => p.metadata.name.startsWith("cache-"));
    expect(pods.every((p) => p.spec.containers && p.metadata.annotations?.["kubectl.kubernetes.io/restartedAt"])).toBe(true);
    expect(k(cluster, "rollout", "restart", "ds/agent").stdout).toBe("daemonset.apps/agent restarted\n");
    expect(k(cluster, "rollout", "status", "ds/agent", "-w=false").stdout).toMatch(/^Waiting for daemon set "agent" rollout to finish: 0 out of 2 new pods have been updated\.\.\.\n$/);
    cluster.advanceBy(120_000);
    expect(k(cluster, "rollout", "status", "ds/agent").stdout).toBe('daemon set "agent" successfully rolled out\n');
  });

  it("scales a StatefulSet up in order", () => {
    const { cluster } = world(STS_AND_DS);
    expect(k(cluster, "scale", "sts", "cache", "--replicas=4").stdout).toBe("statefulset.apps/cache scaled\n");
    cluster.advanceBy(60_000);
    const pods = cluster.store.list<Pod>("Pod", "shop").filter((p) => p.metadata.name.startsWith("cache-"));
    const readyAt = (p: Pod) => Date.parse(p.status.conditions!.find((c) => c.type === "Ready")!.lastTransitionTime!);
    expect(Date.parse(pods[3].metadata.creationTimestamp!)).toBeGreaterThanOrEqual(Math.floor(readyAt(pods[2]) / 1000) * 1000);
    expect(k(cluster, "get", "sts", "cache").stdout).toMatch(/^NAME\s+READY\s+AGE\ncache\s+4\/4\s+7m\n$/);
  });
});

describe("deleting workloads", () => {
  it("cascades through owner references: CronJob → Jobs → Pods, StatefulSet → Pods (claims kept)", () => {
    const { cluster } = world(`${NS}
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: tick, namespace: shop }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: tick
              image: busybox:1.36
              command: ["sh", "-c", "echo tick"]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: shop }
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          env:
            - { name: POSTGRES_PASSWORD, value: x }
          volumeMounts:
            - { name: data, mountPath: /var/lib/postgresql/data }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests: { storage: 1Gi }
`);
    expect(cluster.store.list("Job", "shop").length).toBeGreaterThan(0);
    expect(k(cluster, "delete", "cronjob", "tick").stdout).toBe('cronjob.batch "tick" deleted\n');
    expect(k(cluster, "delete", "sts", "db").stdout).toBe('statefulset.apps "db" deleted\n');
    cluster.advanceBy(60_000);
    expect(cluster.store.list("Job", "shop")).toEqual([]);
    expect(cluster.store.list("Pod", "shop")).toEqual([]);
    expect(cluster.store.list("PersistentVolumeClaim", "shop").map((p) => p.metadata.name)).toEqual(["data-db-0"]);
  });
});
