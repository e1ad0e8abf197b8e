/**
 * `kubectl describe` of Ingresses, IngressClasses, NetworkPolicies and EndpointSlices
 * (describe.go's `describeIngressV1`, `describeIngressClassV1`, `describeNetworkPolicy` and
 * `describeEndpointSliceV1`, kubectl v1.32).
 */
import type { Service } from "../../model/types";
import type { EndpointSlice, Ingress, IngressBackend, IngressClass, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from "../../model/standard-kind-types";
import { parseTime } from "../../runtime/clock";
import { ingressAddress } from "../printers/tables/standard-kinds";
import { formatLabelSelector } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter, tabbedString } from "./prefix-writer";
import { formatEndpointSlices, type EndpointSliceView } from "./service";
import { searchEvents, type Describer, type DescribeSource } from "./source";

/** The Service's EndpointSlices (label `kubernetes.io/service-name`) as describe reads them. */
function serviceSlices(source: DescribeSource, ns: string | undefined, name: string): EndpointSliceView[] {
  const out: EndpointSliceView[] = [];
  for (const s of source.list<EndpointSlice>("EndpointSlice", ns)) {
    if (s.metadata.labels?.["kubernetes.io/service-name"] !== name) continue;
    out.push({
      ports: s.ports ? s.ports.map((p) => ({ name: p.name ?? "", port: p.port ?? 0, protocol: p.protocol ?? "TCP" })) : null,
      endpoints: (s.endpoints ?? []).map((e) => ({ addresses: e.addresses, ready: e.conditions?.ready !== false })),
    });
  }
  return out;
}

/** `describeBackendV1`: `svc:port (endpoints)` read from the Service's EndpointSlices, or the resource backend. */
function describeBackend(source: DescribeSource, ns: string | undefined, backend: IngressBackend | undefined): string {
  if (backend?.service) {
    const s = backend.service;
    const port = s.port?.number ? String(s.port.number) : (s.port?.name ?? "");
    const sb = `${s.name}:${port}`;
    const svc = source.get<Service>("Service", ns, s.name);
    if (!svc) return `${sb} (<error: services "${s.name}" not found>)`;
    let spName = "";
    for (const sp of svc.spec?.ports ?? []) {
      if (s.port?.number && s.port.number === sp.port) spName = sp.name ?? "";
      else if (s.port?.name && s.port.name === sp.name) spName = sp.name ?? "";
    }
    const slices = serviceSlices(source, ns, s.name);
    return `${sb} (${slices.length === 0 ? "" : formatEndpointSlices(slices, spName)})`;
  }
  if (backend?.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? "<none>"}, Kind: ${r.kind}, Name: ${r.name}`;
  }
  return "";
}

/** `kubectl describe ingress`. */
export const ingressDescriber: Describer = (obj, source, settings) => {
  const ing = obj as Ingress;
  const ns = ing.metadata.namespace;
  const spec = ing.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
    printLabelsMultiline(w, "Labels", ing.metadata.labels);
    w.write(LEVEL_0, `Namespace:\t${ns ?? ""}\n`);
    w.write(LEVEL_0, `Address:\t${ingressAddress(ing, true)}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? "<none>"}\n`);
    const def = spec.defaultBackend;
    w.write(LEVEL_0, `Default backend:\t${def ? describeBackend(source, ns, def) : "<default>"}\n`);
    if ((spec.tls ?? []).length > 0) {
      w.write(LEVEL_0, "TLS:\n");
      for (const t of spec.tls!) {
        const hosts = (t.hosts ?? []).join(",");
        if (!t.secretName) w.write(LEVEL_1, `SNI routes ${hosts}\n`);
        else w.write(LEVEL_1, `${t.secretName} terminates ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, "Rules:\n  Host\tPath\tBackends\n");
    w.write(LEVEL_1, "----\t----\t--------\n");
    let count = 0;
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || "*"}\t\n`);
      for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ""} \t${describeBackend(source, ns, p.backend)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${describeBackend(source, ns, def)}\n`);
    printAnnotationsMultiline(w, "Annotations", ing.metadata.annotations);
    if (settings.showEvents) describeEvents(searchEvents(source, { kind: ing.kind, ...ing.metadata }), w, source.now);
  });
};

/** `kubectl describe ingressclass`. */
export const ingressClassDescriber: Describer = (obj, source, settings) => {
  const ic = obj as IngressClass;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`);
    printLabelsMultiline(w, "Labels", ic.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", ic.metadata.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ""}\n`);
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, "Parameters:\n");
      if (p.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind}\n`);
      w.write(LEVEL_1, `Name:\t${p.name}\n`);
    }
    if (settings.showEvents) describeEvents(searchEvents(source, { kind: ic.kind, ...ic.metadata }), w, source.now);
  });
};

/** Go's `time.Time.String()` of a metav1.Time in UTC: `2026-03-06 08:36:30 +0000 UTC`. */
function goTimeString(ts: string | undefined): string {
  const ms = parseTime(ts);
  if (Number.isNaN(ms)) return "0001-01-01 00:00:00 +0000 UTC";
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} +0000 UTC`;
}

function printPorts(w: PrefixWriter, ports: NetworkPolicyPort[] | undefined, indent: string): void {
  if (!ports || ports.length === 0) {
    w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const p of ports) {
    const proto = p.protocol ?? "TCP";
    if (p.endPort === undefined) w.write(LEVEL_0, `${indent}To Port: ${p.port ?? ""}/${proto}\n`);
    else w.write(LEVEL_0, `${indent}To Port Range: ${p.port ?? ""}-${p.endPort}/${proto}\n`);
  }
}

function printPeers(w: PrefixWriter, peers: NetworkPolicyPeer[] | undefined, indent: string, title: "From" | "To"): void {
  if (!peers || peers.length === 0) {
    w.write(LEVEL_0, `${indent}${title}: <any> (traffic not restricted by ${title === "From" ? "source" : "destination"})\n`);
    return;
  }
  for (const peer of peers) {
    w.write(LEVEL_0, `${indent}${title}:\n`);
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    } else if (peer.podSelector) {
      w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
    } else if (peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
    } else if (peer.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
      w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(", ")}\n`);
    }
  }
}

/** `kubectl describe networkpolicy` (no events). */
export const networkPolicyDescriber: Describer = (obj) => {
  const np = obj as NetworkPolicy;
  const spec = np.spec ?? { podSelector: {} };
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, "Labels", np.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", np.metadata.annotations);
    w.write(LEVEL_0, "Spec:\n");
    w.write(LEVEL_1, "PodSelector: ");
    const sel = spec.podSelector ?? {};
    if (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      w.write(LEVEL_2, "<none> (Allowing the specific traffic to all pods in this namespace)\n");
    } else {
      w.write(LEVEL_2, `${formatLabelSelector(sel)}\n`);
    }
    const types = spec.policyTypes ?? [];
    const indent = "    ";
    if (types.includes("Ingress")) {
      w.write(LEVEL_1, "Allowing ingress traffic:\n");
      const rules = spec.ingress ?? [];
      if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ingress connectivity)\n`);
      rules.forEach((r, i) => {
        printPorts(w, r.ports, indent);
        printPeers(w, r.from, indent, "From");
        if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
      });
    } else {
      w.write(LEVEL_1, "Not affecting ingress traffic\n");
    }
    if (types.includes("Egress")) {
      w.write(LEVEL_1, "Allowing egress traffic:\n");
      const rules = spec.egress ?? [];
      if (rules.length === 0) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for egress connectivity)\n`);
      rules.forEach((r, i) => {
        printPorts(w, r.ports, indent);
        printPeers(w, r.to, indent, "To");
        if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
      });
    } else {
      w.write(LEVEL_1, "Not affecting egress traffic\n");
    }
    w.write(LEVEL_1, `Policy Types: ${types.join(", ")}\n`);
  });
};

/** `kubectl describe endpointslice`. */
export const endpointSliceDescriber: Describer = (obj, source, settings) => {
  const s = obj as EndpointSlice;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", s.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", s.metadata.annotations);
    w.write(LEVEL_0, `AddressType:\t${s.addressType ?? ""}\n`);
    const ports = s.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, "Ports: <unset>\n");
    else {
      w.write(LEVEL_0, "Ports:\n");
      w.write(LEVEL_1, "Name\tPort\tProtocol\n");
      w.write(LEVEL_1, "----\t----\t--------\n");
      for (const p of ports) w.write(LEVEL_1, `${p.name ? p.name : "<unset>"}\t${p.port !== undefined ? p.port : "<unset>"}\t${p.protocol ?? "TCP"}\n`);
    }
    const endpoints = s.endpoints ?? [];
    if (endpoints.length === 0) w.write(LEVEL_0, "Endpoints: <none>\n");
    else {
      w.write(LEVEL_0, "Endpoints:\n");
      for (const e of endpoints) {
        const addrs = (e.addresses ?? []).join(", ");
        w.write(LEVEL_1, `- Addresses:\t${addrs || "<none>"}\n`);
        w.write(LEVEL_2, "Conditions:\n");
        w.write(LEVEL_3, `Ready:\t${e.conditions?.ready !== undefined ? String(e.conditions.ready) : "<unset>"}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ? e.nodeName : "<unset>"}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ? e.zone : "<unset>"}\n`);
      }
    }
    if (settings.showEvents) describeEvents(searchEvents(source, { kind: s.kind, ...s.metadata }), w, source.now);
  });
};
