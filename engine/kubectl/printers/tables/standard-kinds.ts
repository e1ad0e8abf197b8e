/**
 * Server-side tables (printers.go) of the standard kinds without a controller of their own:
 * Ingress, IngressClass, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget,
 * ResourceQuota, LimitRange, EndpointSlice, ReplicationController, PodTemplate, PriorityClass.
 */
import type {
  EndpointSlice,
  HorizontalPodAutoscaler,
  Ingress,
  IngressClass,
  IngressRule,
  LimitRange,
  MetricSpec,
  MetricStatus,
  NetworkPolicy,
  PodDisruptionBudget,
  PodTemplate,
  PriorityClass,
  ReplicationController,
  ResourceQuota,
  SliceEndpoint,
  SlicePort,
} from "../../../model/standard-kind-types";
import { translateTimestampSince } from "../human-duration";
import { formatLabels, formatLabelSelector, goStringLess } from "../selectors";
import { int, layoutContainerCells, type TableDefinition } from "./table-definition";

const NAME = { name: "Name", format: "name" } as const;
const AGE = { name: "Age" } as const;
const LOAD_BALANCER_WIDTH = 16;

/** `formatHosts`: up to three hosts, `*` when no rule names one. */
export function formatIngressHosts(rules: readonly IngressRule[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return "*";
  const ret = list.join(",");
  return more ? `${ret} + ${(rules ?? []).length - max} more...` : ret;
}

/** `ingressLoadBalancerStatusStringer`: the IPs and hostnames, cut to 16 characters unless wide. */
export function ingressAddress(ing: Ingress, wide: boolean): string {
  const parts: string[] = [];
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) parts.push(i.ip);
    else if (i.hostname) parts.push(i.hostname);
  }
  const r = parts.join(",");
  return !wide && r.length > LOAD_BALANCER_WIDTH ? `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : r;
}

/** `kubectl get ingress`: NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressTable: TableDefinition<Ingress> = {
  columns: [NAME, { name: "Class" }, { name: "Hosts" }, { name: "Address" }, { name: "Ports" }, AGE],
  row(ing, now, wide) {
    return [
      ing.metadata.name,
      ing.spec?.ingressClassName ?? "<none>",
      formatIngressHosts(ing.spec?.rules),
      ingressAddress(ing, wide),
      (ing.spec?.tls ?? []).length > 0 ? "80, 443" : "80",
      translateTimestampSince(ing.metadata.creationTimestamp, now),
    ];
  },
};

/** `kubectl get ingressclasses`: NAME CONTROLLER PARAMETERS AGE. */
export const ingressClassTable: TableDefinition<IngressClass> = {
  columns: [NAME, { name: "Controller" }, { name: "Parameters" }, AGE],
  row(ic, now) {
    const p = ic.spec?.parameters;
    let parameters = "<none>";
    if (p) parameters = `${p.kind}${p.apiGroup !== undefined ? `.${p.apiGroup}` : ""}/${p.name}`;
    return [ic.metadata.name, ic.spec?.controller ?? "", parameters, translateTimestampSince(ic.metadata.creationTimestamp, now)];
  },
};

/** `kubectl get networkpolicies`: NAME POD-SELECTOR AGE. */
export const networkPolicyTable: TableDefinition<NetworkPolicy> = {
  columns: [NAME, { name: "Pod-Selector" }, AGE],
  row(np, now) {
    return [np.metadata.name, formatLabelSelector(np.spec?.podSelector), translateTimestampSince(np.metadata.creationTimestamp, now)];
  },
};

/** A Resource or ContainerResource metric: `cpu: 40%/80%`, `memory: <unknown>/256Mi`. */
function resourceTarget(spec: { name: string; target: { averageValue?: string; averageUtilization?: number } }, utilization: number | undefined, averageValue: string | undefined): string {
  if (spec.target.averageValue !== undefined) return `${spec.name}: ${averageValue ?? "<unknown>"}/${spec.target.averageValue}`;
  const cur = utilization !== undefined ? `${utilization}%` : "<unknown>";
  const target = spec.target.averageUtilization !== undefined ? `${spec.target.averageUtilization}%` : "<auto>";
  return `${spec.name}: ${cur}/${target}`;
}

/** `formatHPAMetrics`: each metric's `current/target`, two at most then `+ N more...`. */
export function formatHpaMetrics(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | null | undefined): string {
  const list: string[] = [];
  if (!specs || specs.length === 0) return "<none>";
  const max = 2;
  const st = statuses ?? [];
  let count = 0;
  specs.forEach((spec, i) => {
    const s = st.length > i ? st[i] : undefined;
    switch (spec.type) {
      case "External": {
        const t = spec.external?.target;
        if (t?.averageValue !== undefined) list.push(`${s?.external?.current.averageValue ?? "<unknown>"}/${t.averageValue} (avg)`);
        else list.push(`${s?.external ? (s.external.current.value ?? "0") : "<unknown>"}/${t?.value ?? "0"}`);
        break;
      }
      case "Pods":
        list.push(`${s?.pods ? (s.pods.current.averageValue ?? "0") : "<unknown>"}/${spec.pods?.target.averageValue ?? "0"}`);
        break;
      case "Object": {
        const t = spec.object?.target;
        if (t?.averageValue !== undefined) list.push(`${s?.object?.current.averageValue ?? "<unknown>"}/${t.averageValue} (avg)`);
        else list.push(`${s?.object ? (s.object.current.value ?? "0") : "<unknown>"}/${t?.value ?? "0"}`);
        break;
      }
      case "Resource": {
        const r = spec.resource!;
        const cur = s?.resource?.current;
        list.push(resourceTarget(r, cur?.averageUtilization, s?.resource ? (cur?.averageValue ?? "0") : undefined));
        break;
      }
      case "ContainerResource": {
        const r = spec.containerResource!;
        const cur = s?.containerResource?.current;
        list.push(resourceTarget(r, cur?.averageUtilization, s?.containerResource ? (cur?.averageValue ?? "0") : undefined));
        break;
      }
      default:
        list.push("<unknown type>");
    }
    count++;
  });
  if (count > max) return `${list.slice(0, max).join(", ")} + ${count - max} more...`;
  return list.join(", ");
}

/** `kubectl get hpa`: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. */
export const horizontalPodAutoscalerTable: TableDefinition<HorizontalPodAutoscaler> = {
  columns: [NAME, { name: "Reference" }, { name: "Targets" }, { name: "MinPods" }, { name: "MaxPods" }, { name: "Replicas" }, AGE],
  row(hpa, now) {
    const ref = hpa.spec?.scaleTargetRef;
    return [
      hpa.metadata.name,
      `${ref?.kind ?? ""}/${ref?.name ?? ""}`,
      formatHpaMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics),
      hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : "<unset>",
      int(hpa.spec?.maxReplicas),
      int(hpa.status?.currentReplicas),
      translateTimestampSince(hpa.metadata.creationTimestamp, now),
    ];
  },
};

/** `kubectl get pdb`: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
export const podDisruptionBudgetTable: TableDefinition<PodDisruptionBudget> = {
  columns: [NAME, { name: "Min Available" }, { name: "Max Unavailable" }, { name: "Allowed Disruptions" }, AGE],
  row(pdb, now) {
    const min = pdb.spec?.minAvailable;
    const max = pdb.spec?.maxUnavailable;
    return [
      pdb.metadata.name,
      min !== undefined ? String(min) : "N/A",
      max !== undefined ? String(max) : "N/A",
      int(pdb.status?.disruptionsAllowed),
      translateTimestampSince(pdb.metadata.creationTimestamp, now),
    ];
  },
};

/** `kubectl get quota`: NAME AGE REQUEST LIMIT (`resource: used/hard`, `limits.*` in LIMIT). */
export const resourceQuotaTable: TableDefinition<ResourceQuota> = {
  columns: [NAME, AGE, { name: "Request" }, { name: "Limit" }],
  row(q, now) {
    const names = Object.keys(q.spec?.hard ?? {}).sort(goStringLess);
    const request: string[] = [];
    const limit: string[] = [];
    for (const r of names) {
      const pieces = r.split(".");
      const cell = `${r}: ${q.status?.used?.[r] ?? "0"}/${q.status?.hard?.[r] ?? "0"}`;
      (pieces.length > 1 && pieces[0] === "limits" ? limit : request).push(cell);
    }
    return [q.metadata.name, translateTimestampSince(q.metadata.creationTimestamp, now), request.join(", "), limit.join(", ")];
  },
};

/** `kubectl get limitranges`: NAME CREATED AT (RFC 3339, UTC). */
export const limitRangeTable: TableDefinition<LimitRange> = {
  columns: [NAME, { name: "Created At" }],
  row(lr) {
    return [lr.metadata.name, lr.metadata.creationTimestamp ?? "0001-01-01T00:00:00Z"];
  },
};

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}

/** `formatDiscoveryPorts`: up to three port numbers (or names, `*`). */
export function formatDiscoveryPorts(ports: readonly SlicePort[] | null | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < max) list.push(p.port !== undefined ? String(p.port) : p.name !== undefined ? p.name : "*");
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

/** `formatDiscoveryEndpoints`: up to three addresses. */
export function formatDiscoveryEndpoints(endpoints: readonly SliceEndpoint[] | null | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const e of endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < max) list.push(a);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

/** `kubectl get endpointslices`: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSliceTable: TableDefinition<EndpointSlice> = {
  columns: [NAME, { name: "AddressType" }, { name: "Ports" }, { name: "Endpoints" }, AGE],
  row(s, now) {
    return [s.metadata.name, s.addressType ?? "", formatDiscoveryPorts(s.ports), formatDiscoveryEndpoints(s.endpoints), translateTimestampSince(s.metadata.creationTimestamp, now)];
  },
};

/** `kubectl get rc`: NAME DESIRED CURRENT READY AGE; wide adds CONTAINERS IMAGES SELECTOR. */
export const replicationControllerTable: TableDefinition<ReplicationController> = {
  columns: [NAME, { name: "Desired" }, { name: "Current" }, { name: "Ready" }, AGE, { name: "Containers", priority: 1 }, { name: "Images", priority: 1 }, { name: "Selector", priority: 1 }],
  row(rc, now, wide) {
    const cells = [rc.metadata.name, int(rc.spec?.replicas ?? 1), int(rc.status?.replicas), int(rc.status?.readyReplicas), translateTimestampSince(rc.metadata.creationTimestamp, now)];
    if (wide) cells.push(...layoutContainerCells(rc.spec?.template?.spec?.containers), formatLabels(rc.spec?.selector));
    return cells;
  },
};

/** `kubectl get podtemplates`: NAME CONTAINERS IMAGES POD LABELS (no AGE). */
export const podTemplateTable: TableDefinition<PodTemplate> = {
  columns: [NAME, { name: "Containers" }, { name: "Images" }, { name: "Pod Labels" }],
  row(pt) {
    return [pt.metadata.name, ...layoutContainerCells(pt.template?.spec?.containers), formatLabels(pt.template?.metadata?.labels)];
  },
};

/** `kubectl get priorityclasses`: NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY. */
export const priorityClassTable: TableDefinition<PriorityClass> = {
  columns: [NAME, { name: "Value" }, { name: "Global-Default" }, AGE, { name: "PreemptionPolicy" }],
  row(pc, now) {
    return [pc.metadata.name, int(pc.value), String(pc.globalDefault ?? false), translateTimestampSince(pc.metadata.creationTimestamp, now), pc.preemptionPolicy ?? "<unset>"];
  },
};
