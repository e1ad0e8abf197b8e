/** `kubectl describe service` (describe.go's `describeService`, kubectl v1.32, which reads EndpointSlices). */
import type { Endpoints, Event, Service } from "../../model/types";
import { formatLabels } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer, type DescribeSource } from "./source";

/** The parts of a discovery/v1 EndpointSlice describe reads. */
export interface EndpointSliceView {
  ports: { name: string; port: number; protocol: string }[] | null;
  endpoints: { addresses: string[]; ready: boolean; nodeName?: string; targetRef?: { kind: string; name: string; namespace: string; uid: string } }[];
}

/**
 * The EndpointSlices the cluster keeps for a Service, derived from its Endpoints (the model
 * has no EndpointSlice kind): one slice per subset, or one empty slice when the Endpoints
 * object has no subsets; none when there is no Endpoints object.
 */
export function endpointSlicesFor(source: Pick<DescribeSource, "get">, namespace: string | undefined, name: string): EndpointSliceView[] {
  const ep = source.get<Endpoints>("Endpoints", namespace, name);
  if (!ep) return [];
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return [{ ports: null, endpoints: [] }];
  return subsets.map((s) => ({
    ports: (s.ports ?? []).map((p) => ({ name: p.name ?? "", port: p.port, protocol: p.protocol ?? "TCP" })),
    endpoints: [
      ...(s.addresses ?? []).map((a) => ({ addresses: [a.ip], ready: true, nodeName: a.nodeName, targetRef: a.targetRef })),
      ...(s.notReadyAddresses ?? []).map((a) => ({ addresses: [a.ip], ready: false, nodeName: a.nodeName, targetRef: a.targetRef })),
    ],
  }));
}

/** `formatEndpointSlices`: ready `ip:port` for the named port, at most 3 then `+ N more...`; `<none>` without slices. */
export function formatEndpointSlices(slices: EndpointSliceView[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    if (!slice.ports || slice.ports.length === 0) {
      for (const ep of slice.endpoints) {
        if (list.length === max) more = true;
        if (!ep.ready) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports) {
      if (port.name !== portName) continue;
      for (const ep of slice.endpoints) {
        if (list.length === max) more = true;
        if (!ep.ready) continue;
        const addr = ep.addresses[0];
        if (!more) list.push(addr.includes(":") ? `[${addr}]:${port.port}` : `${addr}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** Renders a Service with its endpoint slices and events, at `now`. */
export function describeService(svc: Service, slices: EndpointSliceView[], events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    const spec = svc.spec ?? {};
    const any = spec as Record<string, any>;
    w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", svc.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? "ClusterIP"}\n`);
    if (any.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${any.ipFamilyPolicy}\n`);
    const families = (any.ipFamilies as string[] | undefined) ?? [];
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(",") : "<none>"}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
    const ips = spec.clusterIPs ?? [];
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(",") : "<none>"}\n`);
    if (any.externalIPs?.length > 0) w.write(LEVEL_0, `External IPs:\t${any.externalIPs.join(",")}\n`);
    if (any.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${any.loadBalancerIP}\n`);
    if (any.externalName) w.write(LEVEL_0, `External Name:\t${any.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const list = ingress.map((i) => (i.ip ? i.ip + ((i as { ipMode?: string }).ipMode ? ` (${(i as { ipMode?: string }).ipMode})` : "") : (i.hostname ?? ""))).join(", ");
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const name = sp.name || "<unset>";
      const protocol = sp.protocol ?? "TCP";
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${protocol}\n`);
      const target = sp.targetPort ?? sp.port;
      w.write(LEVEL_0, `TargetPort:\t${target}/${protocol}\n`);
      const appProtocol = (sp as { appProtocol?: string }).appProtocol;
      if (appProtocol) w.write(LEVEL_0, `AppProtocol:\t${appProtocol}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? "")}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? "None"}\n`);
    if (any.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${any.externalTrafficPolicy}\n`);
    if (any.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${any.internalTrafficPolicy}\n`);
    if (any.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${any.healthCheckNodePort}\n`);
    if (any.loadBalancerSourceRanges?.length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${any.loadBalancerSourceRanges.join(",")}\n`);
    if (any.trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${any.trafficDistribution}\n`);
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry: derives the Service's endpoint slices and fetches its events, then renders. */
export const serviceDescriber: Describer = (obj, source, settings) => {
  const svc = obj as Service;
  const slices = endpointSlicesFor(source, svc.metadata.namespace, svc.metadata.name);
  return describeService(svc, slices, settings.showEvents ? searchEvents(source, { kind: svc.kind, ...svc.metadata }) : undefined, source.now);
};
