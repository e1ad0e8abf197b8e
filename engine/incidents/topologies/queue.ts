/**
 * `queue`: a queue worker. Redis (Deployment and Service), a Python worker Deployment that
 * connects to Redis at start-up (its URL from a ConfigMap), and a CronJob that enqueues the
 * periodic batch (reports, invoices or exports, named after the team's system).
 */
import type { Random } from "../../runtime/random";
import { REDIS_FACTS, WORKER_FACTS, imageOf } from "../apps";
import type { Topology, TopologyInstance, WorkloadModel } from "../types";
import { appContainer, configMap, drawNodes, namespace, service, serviceModel, workload } from "./build";

const PLACES = [
  { ns: "reports", team: "The reporting team", system: "the report pipeline", work: "report", cron: "report-batch", batch: "the report batch" },
  { ns: "billing", team: "The billing team", system: "the invoice pipeline", work: "invoice", cron: "invoice-batch", batch: "the invoice batch" },
  { ns: "analytics", team: "The analytics team", system: "the analytics export pipeline", work: "export", cron: "export-batch", batch: "the export batch" },
] as const;

function build(rng: Random): TopologyInstance {
  const place = rng.pick(PLACES);
  const ns = place.ns;
  const workerName = `${place.work}-worker`;
  const workerConfig = `${workerName}-config`;
  const redis: WorkloadModel = { role: "redis", kind: "Deployment", name: "redis", container: "redis", image: imageOf(REDIS_FACTS), app: REDIS_FACTS, replicas: 1, label: "redis", says: "the job queue" };
  const worker: WorkloadModel = {
    role: "worker",
    kind: "Deployment",
    name: workerName,
    container: "worker",
    image: imageOf(WORKER_FACTS),
    app: WORKER_FACTS,
    replicas: rng.int(2, 3),
    label: workerName,
    says: `the ${place.work} worker`,
    configMapEnv: workerConfig,
    dependsOn: ["redis"],
  };
  const cronJob = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: place.cron, namespace: ns },
    spec: {
      schedule: rng.pick(["*/5 * * * *", "1-59/5 * * * *", "2-59/5 * * * *"]),
      concurrencyPolicy: "Forbid",
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          template: {
            metadata: { labels: { app: place.cron } },
            spec: { restartPolicy: "OnFailure", containers: [{ name: "enqueue", image: "busybox:1.36", command: ["sh", "-c", `echo enqueued ${place.work} batch`] }] },
          },
        },
      },
    },
  };
  const objects = [
    namespace(ns),
    workload("Deployment", redis.name, ns, 1, redis.label, appContainer("redis", redis.image, REDIS_FACTS)),
    service("redis", ns, redis.label, 6379, 6379),
    configMap(workerConfig, ns, { REDIS_URL: "redis://redis:6379/0", LOG_LEVEL: "INFO" }),
    workload("Deployment", worker.name, ns, worker.replicas, worker.label, appContainer("worker", worker.image, WORKER_FACTS, { envFrom: [{ configMapRef: { name: workerConfig } }] } as never)),
    cronJob,
  ];
  return {
    topology: "queue",
    namespace: ns,
    system: place.system,
    team: place.team,
    objects,
    nodes: drawNodes(rng),
    workloads: [redis, worker],
    services: [serviceModel(redis, "redis", 6379, `the ${place.work} worker`)],
    cronJobs: [{ name: place.cron, container: "enqueue", image: "busybox:1.36", label: place.cron, says: place.batch }],
    steps: [],
  };
}

/** The queue worker with Redis and a CronJob. */
export const QUEUE_TOPOLOGY: Topology = {
  id: "queue",
  description: "a Python queue worker and Redis (Deployment and Service), with a CronJob enqueueing batches",
  build,
};
