import type { KindInfo, KObject } from "../model/types";
import { resolveKind } from "../model/kinds";
import type { ObjectStore } from "../runtime/store";
import { notFound, unknownResourceType } from "./errors";

/** One resource request from the command line: a kind and either names or "all of them". */
export interface ResourceRequest {
  kind: KindInfo;
  /** Names asked for; empty means every object (subject to selectors). */
  names: string[];
  /** The text the learner typed for the type (for messages). */
  typed: string;
}

/**
 * Reads kubectl's resource arguments: `pods`, `pod web`, `pod/web deploy/api`, `po,svc`,
 * `pods a b`. Returns the requests or kubectl's error text. `all` expands to the kinds
 * `kubectl get all` shows.
 */
export function parseResourceArgs(args: string[]): { ok: true; requests: ResourceRequest[] } | { ok: false; error: string } {
  if (args.length === 0) return { ok: false, error: "error: You must specify the type of resource to get. " };
  const requests: ResourceRequest[] = [];
  if (args.some((a) => a.includes("/"))) {
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash <= 0) return { ok: false, error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      const typed = a.slice(0, slash);
      const name = a.slice(slash + 1);
      const kind = resolveKind(typed);
      if (!kind) return { ok: false, error: unknownResourceType(typed) };
      if (!name) return { ok: false, error: `error: arguments in resource/name form must have a single resource and name` };
      const last = requests[requests.length - 1];
      if (last && last.kind === kind) last.names.push(name);
      else requests.push({ kind, names: [name], typed });
    }
    return { ok: true, requests };
  }
  const [types, ...names] = args;
  for (const typed of types.split(",")) {
    if (typed === "all") {
      for (const k of ["Pod", "ReplicationController", "Service", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "HorizontalPodAutoscaler", "CronJob", "Job"]) {
        requests.push({ kind: resolveKind(k)!, names: [...names], typed: k });
      }
      continue;
    }
    const kind = resolveKind(typed);
    if (!kind) return { ok: false, error: unknownResourceType(typed) };
    requests.push({ kind, names: [...names], typed });
  }
  return { ok: true, requests };
}

/** Finds one named object or returns kubectl's NotFound text. */
export function findObject(store: ObjectStore, kind: KindInfo, namespace: string, name: string): { ok: true; obj: KObject } | { ok: false; error: string } {
  const obj = store.get(kind.kind, kind.namespaced ? namespace : undefined, name);
  return obj ? { ok: true, obj } : { ok: false, error: notFound(kind.kind, name) };
}
