/**
 * The EndpointSlice controllers (`pkg/controller/endpointslice` and the mirroring controller):
 * every Service with a selector gets EndpointSlices `<service>-<5 chars>` (generateName, the
 * seeded rng) owned by the Service, labelled `kubernetes.io/service-name` and
 * `endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io`, with the Service's
 * labels; a Service without a selector whose Endpoints a user wrote gets them mirrored
 * (`endpointslicemirroring-controller.k8s.io`) unless they carry the skip-mirror label. The
 * endpoints are the Endpoints controller's view of the selected pods (ready ones `ready` and
 * `serving`, the others neither), one slice per distinct port set; a Service selecting no pod
 * keeps a placeholder slice with no endpoints and no ports.
 */
import type { EndpointAddress, Endpoints, Service } from "../../model/types";
import type { EndpointSlice, SliceEndpoint, SlicePort } from "../../model/standard-kind-types";
import { controllerRef, type Controller, type ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { jsonEqual } from "../json-equal";
import { HEADLESS_LABEL, LAST_CHANGE_TRIGGER_TIME } from "../endpoints/endpoints-controller";

const CONTROLLER = "endpointslice-controller";
/** The label naming the Service a slice belongs to. */
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
/** The label naming the controller that manages a slice. */
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
/** `managed-by` of slices built from a Service's selector. */
export const ENDPOINTSLICE_CONTROLLER = "endpointslice-controller.k8s.io";
/** `managed-by` of slices mirrored from user-written Endpoints. */
export const MIRRORING_CONTROLLER = "endpointslicemirroring-controller.k8s.io";
const SKIP_MIRROR_LABEL = "endpointslice.kubernetes.io/skip-mirror";

function sliceEndpoint(a: EndpointAddress, ready: boolean): SliceEndpoint {
  const e: SliceEndpoint = { addresses: [a.ip], conditions: { ready, serving: ready, terminating: false } };
  if (a.nodeName) e.nodeName = a.nodeName;
  if (a.targetRef) e.targetRef = { kind: a.targetRef.kind, name: a.targetRef.name, namespace: a.targetRef.namespace, uid: a.targetRef.uid };
  return e;
}

/** The slices' content (endpoints, ports) for the Endpoints of a Service: one per subset, a placeholder when there is none. */
function desiredContent(ep: Endpoints | undefined, placeholder: boolean): { endpoints: SliceEndpoint[] | null; ports: SlicePort[] | null }[] {
  const out: { endpoints: SliceEndpoint[] | null; ports: SlicePort[] | null }[] = [];
  for (const s of ep?.subsets ?? []) {
    const endpoints = [...(s.addresses ?? []).map((a) => sliceEndpoint(a, true)), ...(s.notReadyAddresses ?? []).map((a) => sliceEndpoint(a, false))];
    if (endpoints.length === 0) continue;
    const ports = (s.ports ?? []).map((p) => ({ name: p.name !== undefined ? p.name : "", port: p.port, protocol: p.protocol ?? "TCP" }));
    out.push({ endpoints, ports: ports.length ? ports : null });
  }
  if (out.length === 0 && placeholder) out.push({ endpoints: null, ports: null });
  return out;
}

function sliceLabels(svc: Service, managedBy: string): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === "None") labels[HEADLESS_LABEL] = "";
  labels[MANAGED_BY_LABEL] = managedBy;
  labels[SERVICE_NAME_LABEL] = svc.metadata.name;
  return labels;
}

/** The controller-managed slices of one pass by `namespace/service`, listed on first use. */
interface ManagedSlices {
  ctx: ControllerContext;
  bySvc: Map<string, EndpointSlice[]> | undefined;
}

function slicesOf(managed: ManagedSlices, key: string): EndpointSlice[] {
  if (!managed.bySvc) {
    const bySvc = new Map<string, EndpointSlice[]>();
    for (const s of managed.ctx.store.list<EndpointSlice>("EndpointSlice")) {
      const mb = s.metadata.labels?.[MANAGED_BY_LABEL];
      if (mb !== ENDPOINTSLICE_CONTROLLER && mb !== MIRRORING_CONTROLLER) continue;
      const k = `${s.metadata.namespace}/${s.metadata.labels?.[SERVICE_NAME_LABEL] ?? ""}`;
      let list = bySvc.get(k);
      if (!list) bySvc.set(k, (list = []));
      list.push(s);
    }
    managed.bySvc = bySvc;
  }
  return managed.bySvc.get(key) ?? [];
}

/** The EndpointSlice controller (with the mirroring controller's share). */
export const endpointSliceController: Controller = skipWhenUnchanged(
  {
    name: CONTROLLER,
    reconcile(ctx: ControllerContext): void {
      // A Service's slices are a function of the Service, its Endpoints and the slices as they
      // are: while none of them was written by anyone else since this controller's last pass,
      // that Service is skipped.
      const memo = ctx.state(CONTROLLER, "memo", () => ({ sliceVersion: -1, serviceStructure: -1, inputs: {} as Record<string, string>, wanted: {} as Record<string, boolean> }));
      const slicesClean = ctx.store.kindVersion("EndpointSlice") === memo.sliceVersion;
      let cleanup = !slicesClean || ctx.store.structureVersion("Service") !== memo.serviceStructure;
      const managedSlices: ManagedSlices = { ctx, bySvc: undefined };
      const wanted = new Set<string>();
      for (const svc of ctx.store.list<Service>("Service")) {
        if (svc.spec?.type === "ExternalName") continue;
        const ns = svc.metadata.namespace!;
        const key = `${ns}/${svc.metadata.name}`;
        const ep = ctx.store.get<Endpoints>("Endpoints", ns, svc.metadata.name);
        const sig = `${svc.metadata.uid}@${svc.metadata.resourceVersion}|${ep ? ep.metadata.resourceVersion : "-"}`;
        if (slicesClean && memo.inputs[key] === sig) {
          if (memo.wanted[key]) wanted.add(key);
          continue;
        }
        cleanup = true;
        memo.inputs[key] = sig;
        memo.wanted[key] = false;
        const selector = svc.spec?.selector;
        const hasSelector = !!selector && Object.keys(selector).length > 0;
        let managedBy: string;
        if (hasSelector) {
          managedBy = ENDPOINTSLICE_CONTROLLER;
          if (!ep) continue; // the endpoints controller runs first; the slices follow in the next pass
        } else {
          if (!ep || ep.metadata.labels?.[SKIP_MIRROR_LABEL] === "true") continue;
          managedBy = MIRRORING_CONTROLLER;
        }
        wanted.add(key);
        memo.wanted[key] = true;
        const desired = desiredContent(ep, hasSelector);
        const existing = slicesOf(managedSlices, key).filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === managedBy);
        const labels = sliceLabels(svc, managedBy);
        const trigger = ep?.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME];
        desired.forEach((content, i) => {
          const live = existing[i];
          if (live) {
            const same = jsonEqual(live.endpoints ?? null, content.endpoints) && jsonEqual(live.ports ?? null, content.ports) && jsonEqual(live.metadata.labels ?? {}, labels);
            if (same) return;
            live.metadata.labels = labels;
            live.endpoints = content.endpoints;
            live.ports = content.ports;
            if (trigger) live.metadata.annotations = { ...(live.metadata.annotations ?? {}), [LAST_CHANGE_TRIGGER_TIME]: trigger };
            ctx.store.touch(live);
            return;
          }
          const generateName = `${svc.metadata.name}-`;
          let name: string;
          do name = generateName + ctx.rng.chars(5);
          while (ctx.store.get("EndpointSlice", ns, name));
          const slice: EndpointSlice = {
            addressType: "IPv4",
            apiVersion: "discovery.k8s.io/v1",
            endpoints: content.endpoints,
            kind: "EndpointSlice",
            metadata: {
              name,
              namespace: ns,
              generateName,
              labels,
              ...(trigger ? { annotations: { [LAST_CHANGE_TRIGGER_TIME]: trigger } } : {}),
              ownerReferences: [controllerRef(hasSelector ? svc : ep!, "v1")],
            },
            ports: content.ports,
          };
          ctx.store.create(slice);
        });
        for (const extra of existing.slice(desired.length)) ctx.store.remove("EndpointSlice", ns, extra.metadata.name);
      }
      if (cleanup) {
        slicesOf(managedSlices, "");
        for (const [key, slices] of managedSlices.bySvc!) {
          if (wanted.has(key)) continue;
          for (const s of slices) if (ctx.store.get("EndpointSlice", s.metadata.namespace, s.metadata.name) === s) ctx.store.remove("EndpointSlice", s.metadata.namespace, s.metadata.name);
        }
      }
      memo.sliceVersion = ctx.store.kindVersion("EndpointSlice");
      memo.serviceStructure = ctx.store.structureVersion("Service");
    },
  },
  { kinds: ["Service", "Endpoints", "EndpointSlice"], clock: false },
);
