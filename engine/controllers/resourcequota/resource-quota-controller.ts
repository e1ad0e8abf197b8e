/**
 * The resource quota controller (`pkg/controller/resourcequota`): each ResourceQuota's
 * `status.hard` (its `spec.hard`, canonical) and `status.used`, counted over its namespace:
 * pods not in a terminal phase and their cpu/memory requests and limits, claims and their
 * storage requests, and object counts (services, configmaps, secrets, replicationcontrollers,
 * resourcequotas, `count/<resource>[.<group>]`). Resources it cannot count are used `0`.
 * Admission against the quota is in `quota-admission.ts`.
 */
import type { KObject, PersistentVolumeClaim, Pod, Service } from "../../model/types";
import type { ResourceQuota } from "../../model/standard-kind-types";
import { KINDS } from "../../model/kinds";
import { bytes, cpuMillis } from "../../model/quantity";
import { canonicalQuantity, formatBinaryQuantity, formatDecimalQuantity, isBinaryQuantity } from "../../model/quantity-canonical";
import type { Controller, ControllerContext } from "../../runtime/controller";
import type { ObjectStore } from "../../runtime/store";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { isPodTerminal } from "../pod-util";

const CONTROLLER = "resourcequota-controller";
/** With no quota in the cluster, only a new quota can give the controller work. */
const QUOTA_ONLY = ["ResourceQuota"] as const;

const OBJECT_COUNTS: Record<string, string> = {
  services: "Service",
  configmaps: "ConfigMap",
  secrets: "Secret",
  replicationcontrollers: "ReplicationController",
  resourcequotas: "ResourceQuota",
  persistentvolumeclaims: "PersistentVolumeClaim",
  pods: "Pod",
};

function kindForCount(resource: string): string | undefined {
  // count/deployments.apps, count/pods
  const name = resource.slice("count/".length);
  const dot = name.indexOf(".");
  const res = dot < 0 ? name : name.slice(0, dot);
  const group = dot < 0 ? "" : name.slice(dot + 1);
  const k = KINDS.find((i) => i.resource === res && (i.apiVersion.includes("/") ? i.apiVersion.split("/")[0] : "") === group);
  return k?.kind;
}

/** Sum of quantities of one resource, as a quantity in the format of the first value seen. */
export function sumQuantity(values: string[], memoryLike: boolean): string {
  if (values.length === 0) return "0";
  if (memoryLike) {
    const total = values.reduce((n, v) => n + bytes(v), 0);
    return isBinaryQuantity(values[0]) ? formatBinaryQuantity(total) : formatDecimalQuantity(total);
  }
  return formatDecimalQuantity(values.reduce((n, v) => n + cpuMillis(v), 0) / 1000);
}

function podValues(pods: Pod[], which: "requests" | "limits", resource: string): string[] {
  const out: string[] = [];
  for (const p of pods) for (const c of p.spec.containers ?? []) {
    const v = c.resources?.[which]?.[resource];
    if (v !== undefined) out.push(String(v));
  }
  return out;
}

/** What the quota controller counts as used of `resource` in namespace `ns`, canonical. */
export function quotaUsage(store: ObjectStore, ns: string, resource: string): string {
  const pods = () => store.list<Pod>("Pod", ns).filter((p) => !isPodTerminal(p));
  switch (resource) {
    case "pods":
      return String(pods().length);
    case "cpu":
    case "requests.cpu":
      return sumQuantity(podValues(pods(), "requests", "cpu"), false);
    case "memory":
    case "requests.memory":
      return sumQuantity(podValues(pods(), "requests", "memory"), true);
    case "limits.cpu":
      return sumQuantity(podValues(pods(), "limits", "cpu"), false);
    case "limits.memory":
      return sumQuantity(podValues(pods(), "limits", "memory"), true);
    case "requests.storage":
      return sumQuantity(
        store.list<PersistentVolumeClaim>("PersistentVolumeClaim", ns).flatMap((c) => (c.spec?.resources?.requests?.storage !== undefined ? [String(c.spec.resources.requests.storage)] : [])),
        true,
      );
    case "services.nodeports":
    case "services.loadbalancers": {
      const type = resource === "services.nodeports" ? "NodePort" : "LoadBalancer";
      return String(store.list<Service>("Service", ns).filter((s) => s.spec?.type === type || (type === "NodePort" && s.spec?.type === "LoadBalancer")).length);
    }
  }
  const kind = resource.startsWith("count/") ? kindForCount(resource) : OBJECT_COUNTS[resource];
  if (kind) return String(store.list<KObject>(kind, ns).length);
  return "0";
}

/** The resource quota controller. */
export const resourceQuotaController: Controller = skipWhenUnchanged(
  {
    name: CONTROLLER,
    reconcile(ctx: ControllerContext): void {
      for (const q of ctx.store.list<ResourceQuota>("ResourceQuota")) {
        const ns = q.metadata.namespace!;
        const hard: Record<string, string> = {};
        const use: Record<string, string> = {};
        for (const [r, v] of Object.entries(q.spec?.hard ?? {})) {
          hard[r] = canonicalQuantity(v);
          use[r] = quotaUsage(ctx.store, ns, r);
        }
        const next = { hard, used: use };
        if (JSON.stringify(q.status ?? {}) === JSON.stringify(next)) continue;
        q.status = next;
        ctx.store.touch(q);
      }
    },
  },
  {
    kinds: (ctx) => (ctx.store.list("ResourceQuota").length === 0 ? QUOTA_ONLY : undefined),
    clock: false,
  },
);
