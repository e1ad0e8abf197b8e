import { describe, expect, it } from "vitest";
import type { CronJob, Job } from "../../../engine/model/types";
import { nextScheduleTime, parseCronSchedule, cronScheduleError } from "../../../engine/controllers/cronjob/cron-schedule";
import { eventsOf, kubectl, world } from "./harness";

const T = Date.UTC(2026, 2, 2, 9, 7, 30); // Monday 2026-03-02 09:07:30 UTC

function cronYaml(spec: string, script = "echo tick"): string {
  return `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: shop }
spec:
${spec
  .split("\n")
  .filter(Boolean)
  .map((l) => "  " + l)
  .join("\n")}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
              command: ["sh", "-c", "${script}"]
`;
}

describe("cron schedules", () => {
  it("computes the next schedule time", () => {
    const next = (spec: string, zone?: string) => new Date(nextScheduleTime(parseCronSchedule(spec), T, zone)).toISOString();
    expect(next("*/5 * * * *")).toBe("2026-03-02T09:10:00.000Z");
    expect(next("@hourly")).toBe("2026-03-02T10:00:00.000Z");
    expect(next("@daily")).toBe("2026-03-03T00:00:00.000Z");
    expect(next("0 3 * * mon-fri")).toBe("2026-03-03T03:00:00.000Z");
    expect(next("30 8 1 * *")).toBe("2026-04-01T08:30:00.000Z");
    expect(next("0 0 * * 0")).toBe("2026-03-08T00:00:00.000Z");
    // robfig/cron's standard parser takes days of the week 0-6 only.
    expect(cronScheduleError("0 0 * * 7")).toBe("end of range (7) above maximum (6): 7");
    expect(next("0 12 * * *", "Europe/Berlin")).toBe("2026-03-02T11:00:00.000Z");
    expect(next("0 0 13 * 5")).toBe("2026-03-06T00:00:00.000Z");
    expect(cronScheduleError("* * * *")).toBe("expected exactly 5 fields, found 4: [* * * *]");
    expect(cronScheduleError("61 * * * *")).toBe("end of range (61) above maximum (59): 61");
    expect(cronScheduleError("@sometimes")).toBe("unrecognized descriptor: @sometimes");
  });
});

describe("CronJob controller", () => {
  it("creates a Job per schedule time, keeps history and status", () => {
    const { cluster } = world(cronYaml("schedule: \"*/2 * * * *\""));
    const cj = cluster.store.get<CronJob>("CronJob", "shop", "report")!;
    expect(cj.spec).toMatchObject({ concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    cluster.advanceBy(20 * 60_000);
    const jobs = cluster.store.list<Job>("Job", "shop");
    expect(jobs.length).toBe(3);
    for (const j of jobs) {
      const minutes = Number(j.metadata.name.slice("report-".length));
      expect(minutes % 2).toBe(0);
      expect(j.metadata.annotations?.["batch.kubernetes.io/cronjob-scheduled-timestamp"]).toBe(new Date(minutes * 60_000).toISOString().replace(".000Z", "Z"));
      expect(j.metadata.ownerReferences?.[0]).toMatchObject({ kind: "CronJob", name: "report", controller: true });
      expect(j.status?.conditions?.find((c) => c.type === "Complete")?.status).toBe("True");
    }
    expect(cj.status?.active).toBeUndefined();
    expect(cj.status?.lastScheduleTime).toBe(new Date(Number(jobs.at(-1)!.metadata.name.slice(7)) * 60_000).toISOString().replace(".000Z", "Z"));
    expect(cj.status?.lastSuccessfulTime).toBeDefined();
    const ev = eventsOf(cluster, cj);
    expect(ev).toContain(`SuccessfulCreate: Created job ${jobs[0].metadata.name}`);
    expect(ev).toContain(`SawCompletedJob: Saw completed job: ${jobs[0].metadata.name}, condition: Complete`);
    expect(ev.some((e) => e.startsWith("SuccessfulDelete: Deleted job report-"))).toBe(true);
    const get = kubectl(cluster, "get cronjobs");
    expect(get.stdout).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\nreport\s+\*\/2 \* \* \* \*\s+<none>\s+False\s+0\s+\d+s\s+26m\n$/);
  });

  it("does not schedule while suspended", () => {
    const { cluster } = world(cronYaml("schedule: \"* * * * *\"\nsuspend: true"));
    cluster.advanceBy(10 * 60_000);
    expect(cluster.store.list("Job", "shop")).toEqual([]);
  });

  it("skips a run while the previous one is active under Forbid", () => {
    const { cluster } = world(cronYaml("schedule: \"* * * * *\"\nconcurrencyPolicy: Forbid", "sleep 150"));
    const cj = cluster.store.get<CronJob>("CronJob", "shop", "report")!;
    expect(cj.status?.active?.length).toBe(1);
    expect(eventsOf(cluster, cj)).toContain("JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid");
  });

  it("replaces the running job under Replace", () => {
    const { cluster } = world(cronYaml("schedule: \"* * * * *\"\nconcurrencyPolicy: Replace", "sleep 150"));
    const cj = cluster.store.get<CronJob>("CronJob", "shop", "report")!;
    expect(cj.status?.active?.length).toBe(1);
    expect(eventsOf(cluster, cj).some((e) => e.startsWith("SuccessfulDelete: Deleted job report-"))).toBe(true);
  });
});
