/**
 * The endpoints controller (`pkg/controller/endpoint`): for every Service with a selector, an
 * Endpoints object of the same name listing the selected pods' IPs, ready ones in
 * `addresses` and the others in `notReadyAddresses`, with ports resolved from each Service
 * port's targetPort (a number, or a container port name looked up in the pod). Services
 * without a selector keep whatever Endpoints the user wrote.
 */
import type { EndpointAddress, EndpointSubset, Endpoints, Pod, Service, ServicePort } from "../../model/types";
import { rfc3339, parseTime } from "../../runtime/clock";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { jsonEqual } from "../json-equal";
import { isPodReady, podReadyCondition } from "../pod-util";

const CONTROLLER = "endpoints-controller";
/** The annotation recording when a pod or service change last moved the endpoints. */
export const LAST_CHANGE_TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
/** The label marking Endpoints of a headless Service. */
export const HEADLESS_LABEL = "service.kubernetes.io/headless";

/** `podutil.FindPort`: the container port a Service port targets in this pod, or undefined. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  const protocol = sp.protocol ?? "TCP";
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
    }
  }
  return undefined;
}

function shouldBeInEndpoints(pod: Pod): boolean {
  if (!pod.status?.podIP) return false;
  if (pod.metadata.deletionTimestamp) return false;
  const phase = pod.status.phase;
  if (phase === "Failed" || phase === "Succeeded") return false;
  return true;
}

function address(pod: Pod): EndpointAddress {
  const a: EndpointAddress = {
    ip: pod.status.podIP!,
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace!, name: pod.metadata.name, uid: pod.metadata.uid! },
  };
  if (pod.spec.nodeName) a.nodeName = pod.spec.nodeName;
  return a;
}

function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? "";
  const ub = b.targetRef?.uid ?? "";
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** Builds the subsets for a Service from its pods (`RepackSubsets`: one subset per distinct port set). */
export function buildSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const groups = new Map<string, { ports: { name?: string; port: number; protocol: string }[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  for (const pod of pods) {
    if (!shouldBeInEndpoints(pod)) continue;
    const ports: { name?: string; port: number; protocol: string }[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const p: { name?: string; port: number; protocol: string } = { port, protocol: sp.protocol ?? "TCP" };
      if (sp.name) p.name = sp.name;
      ports.push(p);
    }
    if ((svc.spec.ports?.length ?? 0) > 0 && ports.length === 0) continue;
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
    if (publishNotReady || isPodReady(pod)) g.ready.push(address(pod));
    else g.notReady.push(address(pod));
  }
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = g.ready.sort(compareAddresses);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(compareAddresses);
    if (g.ports.length) s.ports = g.ports.map((p) => (p.name ? { name: p.name, port: p.port, protocol: p.protocol } : { port: p.port, protocol: p.protocol }));
    subsets.push(s);
  }
  return subsets;
}

function triggerTime(svc: Service, pods: Pod[]): number {
  let t = parseTime(svc.metadata.creationTimestamp);
  for (const pod of pods) {
    const ready = parseTime(podReadyCondition(pod)?.lastTransitionTime);
    const created = parseTime(pod.metadata.creationTimestamp);
    const v = Number.isNaN(ready) ? created : ready;
    if (!Number.isNaN(v) && (Number.isNaN(t) || v > t)) t = v;
  }
  return t;
}

/** Labels the Endpoints carry: the Service's, plus the headless marker. */
function endpointsLabels(svc: Service): Record<string, string> | undefined {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec.clusterIP === "None") labels[HEADLESS_LABEL] = "";
  return Object.keys(labels).length ? labels : undefined;
}

/**
 * What one Service's last pass read: the Service, its selected pods and its Endpoints, by uid
 * and resourceVersion. The Endpoints are a function of these, so while they are unchanged the
 * pass would write nothing.
 */
interface SeenService {
  svcUid: string | undefined;
  svcVersion: string | undefined;
  endpoints: string;
  uids: string[];
  versions: (string | undefined)[];
}

function seenOf(svc: Service, selected: readonly Pod[], ep: Endpoints | undefined): SeenService {
  return {
    svcUid: svc.metadata.uid,
    svcVersion: svc.metadata.resourceVersion,
    endpoints: ep ? (ep.metadata.resourceVersion ?? "") : "-",
    uids: selected.map((p) => p.metadata.uid!),
    versions: selected.map((p) => p.metadata.resourceVersion),
  };
}

function unchangedSince(last: SeenService | undefined, svc: Service, selected: readonly Pod[], ep: Endpoints | undefined): boolean {
  if (!last || last.uids.length !== selected.length) return false;
  if (last.endpoints !== (ep ? (ep.metadata.resourceVersion ?? "") : "-")) return false;
  if (last.svcUid !== svc.metadata.uid || last.svcVersion !== svc.metadata.resourceVersion) return false;
  for (let i = 0; i < selected.length; i++) {
    const m = selected[i].metadata;
    if (last.uids[i] !== m.uid || last.versions[i] !== m.resourceVersion) return false;
  }
  return true;
}

/** The pods whose labels hold every pair of a (non-empty) selector map, as `matchesMap` decides. */
function selectPods(pods: readonly Pod[], selector: Record<string, string>): Pod[] {
  const keys = Object.keys(selector);
  const out: Pod[] = [];
  for (const p of pods) {
    const labels = p.metadata.labels;
    let match = true;
    for (const k of keys) {
      if (labels?.[k] !== selector[k]) {
        match = false;
        break;
      }
    }
    if (match) out.push(p);
  }
  return out;
}

/** The endpoints controller. */
export const endpointsController = skipWhenUnchanged(
  {
  name: CONTROLLER,
  reconcile(ctx: ControllerContext): void {
    const managed = ctx.state<Record<string, string>>(CONTROLLER, "managed", () => ({}));
    const inputs = ctx.state<Record<string, SeenService>>(CONTROLLER, "seen", () => ({}));
    const services = ctx.store.list<Service>("Service");
    const seen = new Set<string>();
    const podsByNamespace = new Map<string, Pod[]>();
    for (const svc of services) {
      const selector = svc.spec?.selector;
      if (!selector || Object.keys(selector).length === 0 || svc.spec.type === "ExternalName") continue;
      const ns = svc.metadata.namespace!;
      const key = `${ns}/${svc.metadata.name}`;
      seen.add(key);
      let pods = podsByNamespace.get(ns);
      if (!pods) podsByNamespace.set(ns, (pods = ctx.store.list<Pod>("Pod", ns)));
      const selected = selectPods(pods, selector);
      const existing = ctx.store.get<Endpoints>("Endpoints", ns, svc.metadata.name);
      managed[key] = svc.metadata.uid!;
      // The Endpoints are a function of the Service, its selected pods and the Endpoints as
      // they are: when none of them was written since this Service's last pass, nothing changes.
      if (unchangedSince(inputs[key], svc, selected, existing)) continue;
      const subsets = buildSubsets(svc, selected);
      const labels = endpointsLabels(svc);
      if (!existing) {
        const ep: Endpoints = {
          apiVersion: "v1",
          kind: "Endpoints",
          metadata: { name: svc.metadata.name, namespace: ns, annotations: { [LAST_CHANGE_TRIGGER_TIME]: rfc3339(triggerTime(svc, selected)) } },
        };
        if (labels) ep.metadata.labels = labels;
        if (subsets.length) ep.subsets = subsets;
        ctx.store.create(ep);
        inputs[key] = seenOf(svc, selected, ep);
        continue;
      }
      const sameSubsets = jsonEqual(existing.subsets ?? [], subsets);
      const sameLabels = jsonEqual(existing.metadata.labels ?? {}, labels ?? {});
      if (sameSubsets && sameLabels) {
        inputs[key] = seenOf(svc, selected, existing);
        continue;
      }
      if (subsets.length) existing.subsets = subsets;
      else delete existing.subsets;
      if (labels) existing.metadata.labels = labels;
      else delete existing.metadata.labels;
      if (!sameSubsets) existing.metadata.annotations = { ...(existing.metadata.annotations ?? {}), [LAST_CHANGE_TRIGGER_TIME]: rfc3339(triggerTime(svc, selected)) };
      ctx.store.touch(existing);
      inputs[key] = seenOf(svc, selected, existing);
    }
    for (const key of Object.keys(managed)) {
      if (seen.has(key)) continue;
      delete inputs[key];
      const [ns, name] = key.split("/");
      const ep = ctx.store.get<Endpoints>("Endpoints", ns, name);
      const svc = ctx.store.get<Service>("Service", ns, name);
      // The Service is gone (or lost its selector): a gone Service takes its Endpoints with it.
      if (ep && !svc) ctx.store.remove("Endpoints", ns, name);
      delete managed[key];
    }
  },
} satisfies Controller,
  { kinds: ["Service", "Pod", "Endpoints"], clock: false },
);
