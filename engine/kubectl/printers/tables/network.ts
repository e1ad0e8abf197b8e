import type { Endpoints, Service } from "../../../model/types";
import { translateTimestampSince } from "../human-duration";
import { formatLabels, goStringLess } from "../selectors";
import type { TableDefinition } from "./table-definition";

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatus(svc: Service, wide: boolean): string {
  const seen = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) seen.add(ing.ip);
    else if (ing.hostname) seen.add(ing.hostname);
  }
  let r = [...seen].sort(goStringLess).join(",");
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + "...";
  return r;
}

function externalIP(svc: Service, wide: boolean): string {
  const externalIPs = (svc.spec?.externalIPs ?? []) as string[];
  switch (svc.spec?.type ?? "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerStatus(svc, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(",") : []), ...externalIPs].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return String(svc.spec?.externalName ?? "");
  }
  return "<unknown>";
}

/** PORT(S): `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`))
    .join(",");
}

/** `kubectl get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE; wide adds SELECTOR. */
export const serviceTable: TableDefinition<Service> = {
  columns: [
    { name: "Name", format: "name" },
    { name: "Type" },
    { name: "Cluster-IP" },
    { name: "External-IP" },
    { name: "Port(s)" },
    { name: "Age" },
    { name: "Selector", priority: 1 },
  ],
  row(svc, now, wide) {
    const cells = [
      svc.metadata.name,
      svc.spec?.type ?? "ClusterIP",
      svc.spec?.clusterIP || "<none>",
      externalIP(svc, wide),
      servicePorts(svc) || "<none>",
      translateTimestampSince(svc.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(formatLabels(svc.spec?.selector));
    return cells;
  },
};

/** ENDPOINTS: `ip:port` items, at most three then `+ N more...`, `<none>` when empty (`formatEndpoints`). */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    for (const port of ss.ports ?? []) {
      for (const addr of ss.addresses ?? []) {
        if (list.length === max) more = true;
        if (!more) list.push(addr.ip.includes(":") ? `[${addr.ip}]:${port.port}` : `${addr.ip}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** `kubectl get endpoints`: NAME ENDPOINTS AGE. */
export const endpointsTable: TableDefinition<Endpoints> = {
  columns: [{ name: "Name", format: "name" }, { name: "Endpoints" }, { name: "Age" }],
  row(ep, now) {
    return [ep.metadata.name, formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, now)];
  },
};
