/**
 * Helpers shared by the fault injectors: diagnosis steps, check builders, and the kubectl
 * lines of reference fixes.
 */
import type { Check, Condition } from "../../scenario/schema";
import type { DiagnosisStep, FaultContext, ServiceModel, TopologyInstance, WorkloadModel } from "../types";

/** Reading the pods' events. */
export const READ_EVENTS: DiagnosisStep[] = [{ command: "describe", kinds: ["Pod"] }, { command: "get", kinds: ["Event"] }, { command: "events" }];

/** Reading a container's output. */
export const READ_LOGS: DiagnosisStep[] = [{ command: "logs" }, { command: "describe", kinds: ["Pod"] }];

/** Looking at a Service and its endpoints. */
export const READ_SERVICE: DiagnosisStep[] = [{ command: "get", kinds: ["Endpoints", "Service"] }, { command: "describe", kinds: ["Service", "Endpoints"] }];

/** Looking at a rollout. */
export const READ_ROLLOUT: DiagnosisStep[] = [{ command: "rollout status" }, { command: "rollout history" }, { command: "get", kinds: ["ReplicaSet"] }, { command: "describe", kinds: ["Deployment", "Pod"] }];

/** The id of the `fixed` check that a workload is healthy. */
export function healthyId(w: WorkloadModel): string {
  return `${w.role}-healthy`;
}

/** The id of the `fixed` check that a Service routes to ready pods. */
export function endpointsId(s: ServiceModel): string {
  return `${s.role}-service-endpoints`;
}

/** The Service in front of a workload, if any. */
export function serviceOf(instance: TopologyInstance, w: WorkloadModel): ServiceModel | undefined {
  return instance.services.find((s) => s.workload === w.role);
}

/** The workload behind a Service. */
export function workloadOf(instance: TopologyInstance, s: ServiceModel): WorkloadModel {
  const w = instance.workloads.find((x) => x.role === s.workload);
  if (!w) throw new Error(`no workload ${s.workload}`);
  return w;
}

/** The workloads that call this Service at start-up. */
export function dependents(instance: TopologyInstance, s: ServiceModel): WorkloadModel[] {
  return instance.workloads.filter((w) => w.dependsOn?.includes(s.role));
}

/** `workloadHealthy` as a symptom condition. */
export function unhealthy(ns: string, w: WorkloadModel, stableSeconds?: number): Condition {
  return { kind: "workloadHealthy", workload: w.kind, name: w.name, namespace: ns, ...(stableSeconds ? { stableSeconds } : {}) };
}

/** `podsNotIn` over a workload's pods (fails while one shows a status). */
export function podsShow(ns: string, w: WorkloadModel, statuses: string[]): Condition {
  return { kind: "podsNotIn", namespace: ns, selector: `app=${w.label}`, statuses };
}

/** `serviceHasEndpoints` on the app's port, as a symptom condition. */
export function noEndpoints(ns: string, s: ServiceModel): Condition {
  return { kind: "serviceHasEndpoints", name: s.name, namespace: ns, port: s.targetPort };
}

/** A rootCause check that the container still runs a published image of the same app. */
export function sameAppImage(ctx: FaultContext, w: WorkloadModel, message?: string): Check {
  return { id: `${ctx.id}image`, kind: "imageIs", workload: w.kind, name: w.name, namespace: ctx.instance.namespace, container: w.container, pattern: w.app.goodPattern, ...(message ? { message } : {}) };
}

/** `kubectl -n <ns> <kind>/<name>` reference. */
export function ref(w: WorkloadModel): string {
  return `${w.kind.toLowerCase()}/${w.name}`;
}

/** A JSON patch line. */
export function jsonPatch(ctx: FaultContext, kind: string, name: string, ops: unknown[]): string {
  return `${ctx.k} patch ${kind.toLowerCase()} ${name} --type=json -p '${JSON.stringify(ops)}'`;
}

/** A merge/strategic patch line. */
export function mergePatch(ctx: FaultContext, kind: string, name: string, patch: unknown, type: "merge" | "strategic" = "strategic"): string {
  return `${ctx.k} patch ${kind.toLowerCase()} ${name}${type === "merge" ? " --type=merge" : ""} -p '${JSON.stringify(patch)}'`;
}

/** `kubectl describe pods -l app=<label>` for a workload. */
export function describePods(ctx: FaultContext, w: WorkloadModel): string {
  return `${ctx.k} describe pods -l app=${w.label}`;
}

/** Picks one element deterministically. */
export function pick<T>(ctx: FaultContext, items: readonly T[]): T {
  return ctx.rng.pick(items);
}

/** Upper-cases the first letter. */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
