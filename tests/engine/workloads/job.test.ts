import { describe, expect, it } from "vitest";
import type { Job, Pod } from "../../../engine/model/types";
import { parseTime } from "../../../engine/runtime/clock";
import { eventsOf, kubectl, world } from "./harness";

function jobYaml(name: string, script: string, spec: string, restartPolicy = "Never"): string {
  return `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: batch/v1
kind: Job
metadata: { name: ${name}, namespace: shop }
spec:
${spec
  .split("\n")
  .filter(Boolean)
  .map((l) => "  " + l)
  .join("\n")}
  template:
    spec:
      restartPolicy: ${restartPolicy}
      containers:
        - name: main
          image: busybox:1.36
          command: ["sh", "-c", "${script}"]
`;
}

describe("Job controller", () => {
  it("runs pods to completion one after another and completes", () => {
    const { cluster } = world(jobYaml("migrate", "echo migrating; sleep 3; echo done", "completions: 2"));
    const job = cluster.store.get<Job>("Job", "shop", "migrate")!;
    const uid = job.metadata.uid!;
    expect(job.spec).toMatchObject({ completions: 2, parallelism: 1, backoffLimit: 6, completionMode: "NonIndexed", suspend: false, manualSelector: false, podReplacementPolicy: "TerminatingOrFailed", selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } } });
    expect(job.metadata.labels).toEqual({ "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "migrate", "controller-uid": uid, "job-name": "migrate" });
    const pods = cluster.store.list<Pod>("Pod", "shop");
    expect(pods.map((p) => p.status.phase)).toEqual(["Succeeded", "Succeeded"]);
    expect(pods.every((p) => p.metadata.finalizers === undefined)).toBe(true);
    const st = job.status!;
    expect(st.succeeded).toBe(2);
    expect(st.active).toBeUndefined();
    expect(st.ready).toBe(0);
    expect(st.terminating).toBe(0);
    expect(st.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)).toEqual([
      "SuccessCriteriaMet=True CompletionsReached: Reached expected number of succeeded pods",
      "Complete=True CompletionsReached: Reached expected number of succeeded pods",
    ]);
    expect(parseTime(st.completionTime) - parseTime(st.startTime)).toBeGreaterThan(6000);
    const ev = eventsOf(cluster, job);
    expect(ev[0]).toMatch(/^SuccessfulCreate: Created pod: migrate-[a-z0-9]{5}$/);
    expect(ev.at(-1)).toBe("Completed: Job completed");
    const get = kubectl(cluster, "get jobs");
    expect(get.stdout).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\nmigrate\s+Complete\s+2\/2\s+\d+s\s+6m\d*s?\n$/);
    const logs = kubectl(cluster, "logs job/migrate");
    expect(logs.stdout).toBe("migrating\ndone\n");
    expect(logs.stderr).toMatch(/^Found 2 pods, using pod\/migrate-[a-z0-9]{5}\n$/);
  });

  it("backs off between failed pods and fails past the back-off limit", () => {
    const { cluster } = world(jobYaml("boom", "echo boom; exit 3", "backoffLimit: 2"));
    const job = cluster.store.get<Job>("Job", "shop", "boom")!;
    const pods = cluster.store.list<Pod>("Pod", "shop").sort((a, b) => parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp));
    expect(pods.map((p) => p.status.phase)).toEqual(["Failed", "Failed", "Failed"]);
    const gaps = pods.slice(1).map((p, i) => parseTime(p.metadata.creationTimestamp) - parseTime(pods[i].metadata.creationTimestamp));
    expect(gaps[0]).toBeGreaterThanOrEqual(10_000);
    expect(gaps[1]).toBeGreaterThanOrEqual(20_000);
    expect(job.status).toMatchObject({ failed: 3, ready: 0, terminating: 0 });
    expect(job.status?.conditions?.map((c) => `${c.type} ${c.reason}: ${c.message}`)).toEqual([
      "FailureTarget BackoffLimitExceeded: Job has reached the specified backoff limit",
      "Failed BackoffLimitExceeded: Job has reached the specified backoff limit",
    ]);
    expect(eventsOf(cluster, job).at(-1)).toBe("BackoffLimitExceeded: Job has reached the specified backoff limit");
    expect(kubectl(cluster, "get job boom").stdout).toMatch(/\nboom\s+Failed\s+0\/1\s+/);
  });

  it("fails a job that runs past its active deadline", () => {
    const { cluster } = world(jobYaml("slow", "sleep 600", "activeDeadlineSeconds: 30"));
    const job = cluster.store.get<Job>("Job", "shop", "slow")!;
    expect(job.status?.conditions?.find((c) => c.type === "Failed")).toMatchObject({ reason: "DeadlineExceeded", message: "Job was active longer than specified deadline" });
    expect(job.status?.failed).toBe(1);
    expect(cluster.store.list<Pod>("Pod", "shop")).toEqual([]);
  });

  it("counts container restarts against the back-off limit under OnFailure", () => {
    const { cluster } = world(jobYaml("flaky", "exit 1", "backoffLimit: 2", "OnFailure"));
    const job = cluster.store.get<Job>("Job", "shop", "flaky")!;
    expect(job.status?.conditions?.find((c) => c.type === "Failed")?.reason).toBe("BackoffLimitExceeded");
  });

  it("runs parallel pods and deletes a finished job after its TTL", () => {
    const { cluster } = world(jobYaml("fan", "sleep 2", "completions: 4\nparallelism: 2\nttlSecondsAfterFinished: 600"));
    const job = cluster.store.get<Job>("Job", "shop", "fan")!;
    expect(job.status?.succeeded).toBe(4);
    cluster.advanceBy(600_000);
    expect(cluster.store.get("Job", "shop", "fan")).toBeUndefined();
    cluster.advanceBy(1000);
    expect(cluster.store.list("Pod", "shop")).toEqual([]);
  });
});

describe("Indexed Jobs", () => {
  it("run one pod per completion index and record the completed indexes", () => {
    const { cluster } = world(jobYaml("shard", "echo shard $JOB_COMPLETION_INDEX; sleep 2", "completions: 3\nparallelism: 2\ncompletionMode: Indexed"));
    const job = cluster.store.get<Job>("Job", "shop", "shard")!;
    const pods = cluster.store.list<Pod>("Pod", "shop");
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, "")).sort()).toEqual(["shard-0", "shard-1", "shard-2"]);
    const p0 = pods.find((p) => p.metadata.name.startsWith("shard-0-"))!;
    expect(p0.metadata.annotations).toEqual({ "batch.kubernetes.io/job-completion-index": "0" });
    expect(p0.metadata.labels?.["batch.kubernetes.io/job-completion-index"]).toBe("0");
    expect(p0.spec.hostname).toBe("shard-0");
    expect(p0.spec.containers[0].env).toEqual([{ name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
    expect(job.status).toMatchObject({ succeeded: 3, completedIndexes: "0-2" });
    expect(job.status?.conditions?.find((c) => c.type === "Complete")?.status).toBe("True");
    expect(kubectl(cluster, `logs ${p0.metadata.name}`).stdout).toBe("shard 0\n");
  });
});
