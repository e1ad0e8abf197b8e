/**
 * Checks on workloads (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, or a bare Pod):
 * is it healthy, and was it fixed rather than worked around (replicas, resources, probes,
 * image kept).
 */
import type { Container, KObject, Pod, PodTemplateSpec, ReplicaSet } from "../../model/types";
import { kindInfo } from "../../model/kinds";
import { matchesSelector } from "../../model/labels";
import { bytes, cpuMillis } from "../../model/quantity";
import type { Condition } from "../schema";
import { fail, pass, type CheckContext, type CheckOutcome } from "./context";
import { DEFAULT_STABLE_SECONDS, podProblem } from "./pod-health";

type CheckOf<K extends Condition["kind"]> = Extract<Condition, { kind: K }>;

/** How kubectl names an object in messages: `deployment web`. */
export function describeRef(kind: string, name: string): string {
  return `${kind.toLowerCase()} ${name}`;
}

/** The pod template of a workload (the pod itself for a Pod). */
export function podTemplateOf(obj: KObject): PodTemplateSpec | undefined {
  if (obj.kind === "Pod") return { metadata: obj.metadata, spec: obj.spec };
  if (obj.kind === "CronJob") return obj.spec?.jobTemplate?.spec?.template;
  return obj.spec?.template;
}

function findWorkload(ctx: CheckContext, kind: string, name: string, namespace: string | undefined): { obj?: KObject; ns: string; ref: string } {
  const ns = namespace ?? ctx.defaultNamespace;
  const info = kindInfo(kind);
  return { obj: ctx.cluster.store.get(info.kind, ns, name), ns, ref: describeRef(info.kind, name) };
}

function findContainer(obj: KObject, name: string): Container | undefined {
  const t = podTemplateOf(obj);
  return t?.spec?.containers?.find((c) => c.name === name) ?? t?.spec?.initContainers?.find((c) => c.name === name);
}

function ownedBy(o: KObject, uid: string | undefined): boolean {
  return (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === uid);
}

function revisionOf(rs: KObject): number {
  return Number(rs.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? 0);
}

/** `workloadHealthy`: desired replicas ≥ minReplicas, rollout complete, every current pod Running, Ready and stable. */
export function workloadHealthy(c: CheckOf<"workloadHealthy">, ctx: CheckContext): CheckOutcome {
  const { obj, ns, ref } = findWorkload(ctx, c.workload, c.name, c.namespace);
  if (!obj) return fail(`${ref} does not exist in namespace ${ns}`);
  const now = ctx.cluster.now();
  const stable = c.stableSeconds ?? DEFAULT_STABLE_SECONDS;
  const store = ctx.cluster.store;
  if (obj.kind === "Pod") {
    const problem = podProblem(obj as Pod, now, stable);
    return problem ? fail(`pod ${c.name} is not healthy: ${problem}`) : pass(`pod ${c.name} is Running and Ready`);
  }
  const want = obj.kind === "DaemonSet" ? undefined : (obj.spec?.replicas ?? 1);
  const min = c.minReplicas ?? 1;
  if (want !== undefined && want < min) return fail(`${ref} is scaled to ${want} replica${want === 1 ? "" : "s"}: it must run at least ${min}`);
  const pods = store.list<Pod>("Pod", ns).filter((p) => !p.metadata.deletionTimestamp && matchesSelector(p.metadata.labels, obj.spec?.selector));
  let current: Pod[];
  let old: Pod[] = [];
  if (obj.kind === "Deployment") {
    const sets = store.list<ReplicaSet>("ReplicaSet", ns).filter((rs) => ownedBy(rs, obj.metadata.uid));
    if (sets.length === 0) return fail(`${ref} has no ReplicaSet yet`);
    const newest = sets.reduce((a, b) => (revisionOf(b) > revisionOf(a) ? b : a));
    current = pods.filter((p) => ownedBy(p, newest.metadata.uid));
    old = pods.filter((p) => !ownedBy(p, newest.metadata.uid) && sets.some((rs) => ownedBy(p, rs.metadata.uid)));
    if ((obj.status?.observedGeneration ?? 0) < (obj.metadata.generation ?? 1)) return fail(`${ref}: the deployment controller has not yet seen the latest change`);
  } else current = pods.filter((p) => ownedBy(p, obj.metadata.uid));
  const problems: string[] = [];
  let healthy = 0;
  for (const p of current) {
    const problem = podProblem(p, now, stable);
    if (problem) problems.push(`pod ${p.metadata.name} is ${problem}`);
    else healthy++;
  }
  const target = want ?? current.length;
  if (healthy < target || (want === undefined && current.length === 0)) {
    const detail = problems.length > 0 ? `: ${problems.slice(0, 2).join("; ")}` : current.length === 0 ? ": no pod of the current version exists" : "";
    return fail(`${ref}: ${healthy}/${target} pods of the current version are healthy${detail}`);
  }
  if (old.length > 0) return fail(`${ref}: the rollout is not complete, ${old.length} pod${old.length === 1 ? "" : "s"} of an older version still run${old.length === 1 ? "s" : ""}`);
  return pass(`${ref}: ${healthy}/${target} pods Running and Ready`);
}

/** `replicasAtLeast`: the workload still asks for at least `min` replicas. */
export function replicasAtLeast(c: CheckOf<"replicasAtLeast">, ctx: CheckContext): CheckOutcome {
  const { obj, ns, ref } = findWorkload(ctx, c.workload, c.name, c.namespace);
  if (!obj) return fail(`${ref} does not exist in namespace ${ns}`);
  const n = obj.spec?.replicas ?? 1;
  return n >= c.min ? pass(`${ref} runs ${n} replicas`) : fail(`${ref} was scaled down to ${n}: it must keep at least ${c.min} replicas`);
}

function quantityValue(resource: string, q: string | undefined): number {
  return resource === "cpu" ? cpuMillis(q) : bytes(q);
}

/** `resourcesKept`: each listed request/limit is still set, and not below the given quantity. */
export function resourcesKept(c: CheckOf<"resourcesKept">, ctx: CheckContext): CheckOutcome {
  const { obj, ns, ref } = findWorkload(ctx, c.workload, c.name, c.namespace);
  if (!obj) return fail(`${ref} does not exist in namespace ${ns}`);
  const container = findContainer(obj, c.container);
  if (!container) return fail(`${ref} has no container named ${c.container}`);
  for (const section of ["requests", "limits"] as const) {
    for (const [resource, min] of Object.entries(c[section] ?? {})) {
      if (min === undefined) continue;
      const actual = container.resources?.[section]?.[resource];
      if (actual === undefined) return fail(`${ref}: the ${resource} ${section === "requests" ? "request" : "limit"} of container ${c.container} was removed; keep one of at least ${min}`);
      if (quantityValue(resource, actual) < quantityValue(resource, min)) return fail(`${ref}: the ${resource} ${section === "requests" ? "request" : "limit"} of container ${c.container} is ${actual}, below ${min}`);
    }
  }
  return pass(`${ref}: container ${c.container} keeps its resource requests and limits`);
}

/** `probeKept`: the container still has its liveness/readiness/startup probe. */
export function probeKept(c: CheckOf<"probeKept">, ctx: CheckContext): CheckOutcome {
  const { obj, ns, ref } = findWorkload(ctx, c.workload, c.name, c.namespace);
  if (!obj) return fail(`${ref} does not exist in namespace ${ns}`);
  const container = findContainer(obj, c.container);
  if (!container) return fail(`${ref} has no container named ${c.container}`);
  const probe = container[`${c.probe}Probe` as "livenessProbe" | "readinessProbe" | "startupProbe"];
  return probe ? pass(`${ref}: container ${c.container} keeps its ${c.probe} probe`) : fail(`${ref}: the ${c.probe} probe of container ${c.container} was removed; fix the probe instead of deleting it`);
}

/** `imageIs`: the container's image is exactly `image`, or matches `pattern` (a whole-string regular expression). */
export function imageIs(c: CheckOf<"imageIs">, ctx: CheckContext): CheckOutcome {
  const { obj, ns, ref } = findWorkload(ctx, c.workload, c.name, c.namespace);
  if (!obj) return fail(`${ref} does not exist in namespace ${ns}`);
  const container = findContainer(obj, c.container);
  if (!container) return fail(`${ref} has no container named ${c.container}`);
  const ok = c.image !== undefined ? container.image === c.image : c.pattern !== undefined ? new RegExp(`^(?:${c.pattern})$`).test(container.image) : true;
  return ok ? pass(`${ref}: container ${c.container} runs ${container.image}`) : fail(`${ref}: container ${c.container} runs ${container.image}${c.image ? `, expected ${c.image}` : ""}`);
}
