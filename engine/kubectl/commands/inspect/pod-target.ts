/**
 * How `logs`, `exec`, `debug` and `attach` pick their pod and container: `POD`, `pod/NAME`,
 * or a workload (`deploy/web`, `rs/x`, `svc/x`…) whose first pod by kubectl's logging order
 * is used, and the default container with its `Defaulted container` notice.
 */
import type { Container, Deployment, KObject, Pod, ReplicaSet, Service } from "../../../model/types";
import { matchesMap, matchesSelector } from "../../../model/labels";
import { resolveKind } from "../../../model/kinds";
import { parseTime } from "../../../runtime/clock";
import type { ObjectStore } from "../../../runtime/store";
import { notFound, unknownResourceType } from "../../errors";

/** The default-container annotation kubectl honours. */
export const DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}
function readyTime(p: Pod): number {
  const c = p.status?.conditions?.find((x) => x.type === "Ready" && x.status === "True");
  return parseTime(c?.lastTransitionTime);
}
function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}
const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/** kubectl's `ByLogging` order: scheduled, running, ready, longest ready, most restarts, oldest. */
export function compareForLogging(a: Pod, b: Pod): number {
  const na = a.spec?.nodeName ?? "";
  const nb = b.spec?.nodeName ?? "";
  if (na !== nb && (na === "" || nb === "")) return na ? -1 : 1;
  const pa = PHASE_RANK[a.status?.phase ?? ""] ?? 0;
  const pb = PHASE_RANK[b.status?.phase ?? ""] ?? 0;
  if (pa !== pb) return pa - pb;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return (readyTime(a) || Infinity) - (readyTime(b) || Infinity);
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const ca = parseTime(a.metadata.creationTimestamp);
  const cb = parseTime(b.metadata.creationTimestamp);
  if (ca !== cb) return (Number.isNaN(ca) ? Infinity : ca) - (Number.isNaN(cb) ? Infinity : cb);
  return 0;
}

/** The pods a workload or Service selects, in kubectl's logging order. */
export function podsOf(store: ObjectStore, obj: KObject): Pod[] {
  const ns = obj.metadata.namespace;
  const pods = store.list<Pod>("Pod", ns);
  let selected: Pod[];
  if (obj.kind === "Service") selected = pods.filter((p) => matchesMap(p.metadata.labels, (obj as Service).spec.selector));
  else {
    const selector = (obj as Deployment | ReplicaSet).spec?.selector;
    selected = pods.filter((p) => matchesSelector(p.metadata.labels, selector));
  }
  return selected.sort(compareForLogging);
}

/** A resolved pod (and, for workloads, how many pods there were). */
export type PodTarget = { ok: true; pod: Pod; podCount: number } | { ok: false; error: string };

/** Resolves `POD` or `TYPE/NAME` to a pod as kubectl's `AttachablePodForObject`/`LogsForObject` do. */
export function resolvePodTarget(store: ObjectStore, namespace: string, arg: string): PodTarget {
  const slash = arg.indexOf("/");
  if (slash < 0) {
    const pod = store.get<Pod>("Pod", namespace, arg);
    return pod ? { ok: true, pod, podCount: 1 } : { ok: false, error: notFound("Pod", arg) };
  }
  const typed = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const kind = resolveKind(typed);
  if (!kind) return { ok: false, error: unknownResourceType(typed) };
  const obj = store.get(kind.kind, kind.namespaced ? namespace : undefined, name);
  if (!obj) return { ok: false, error: notFound(kind.kind, name) };
  if (kind.kind === "Pod") return { ok: true, pod: obj as Pod, podCount: 1 };
  if (!["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "Service"].includes(kind.kind)) {
    return { ok: false, error: `error: cannot attach to *v1.${kind.kind}: selector for *v1.${kind.kind} not implemented` };
  }
  const pods = podsOf(store, obj);
  if (pods.length === 0) return { ok: false, error: "error: timed out waiting for the condition" };
  return { ok: true, pod: pods[0], podCount: pods.length };
}

/** `AllContainerNames`: containers, then ephemeral `(ephem)`, then init `(init)`. */
export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec.containers ?? []).map((c) => c.name),
    ...(pod.spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(", ");
}

/** `FindContainerByName` over containers, init containers and ephemeral containers. */
export function findContainer(pod: Pod, name: string): Container | undefined {
  return (
    pod.spec.containers?.find((c) => c.name === name) ??
    pod.spec.initContainers?.find((c) => c.name === name) ??
    pod.spec.ephemeralContainers?.find((c) => c.name === name)
  );
}

/**
 * The container a command addresses: `-c NAME`, else the default-container annotation, else
 * the first container (with kubectl's `Defaulted container` notice when there is a choice).
 */
export function defaultContainer(pod: Pod, requested: string): { name: string; notice: string } {
  if (requested) return { name: requested, notice: "" };
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && findContainer(pod, annotated)) return { name: annotated, notice: "" };
  const first = pod.spec.containers[0].name;
  const choice = pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0 || (pod.spec.ephemeralContainers?.length ?? 0) > 0;
  return { name: first, notice: choice ? `Defaulted container "${first}" out of: ${allContainerNames(pod)}\n` : "" };
}
