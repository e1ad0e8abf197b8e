/**
 * API-server behaviour for objects a scenario creates: defaulting, and ClusterIP
 * allocation for Services (from 10.96.0.0/16, never reusing an address).
 */
import type { KObject, Service } from "../model/types";
import type { Cluster } from "../runtime/cluster";
import type { Random } from "../runtime/random";
import { applyDefaults } from "../controllers/defaults";

/** Assigns a free ClusterIP (10.96.x.y) and fills in the Service defaults the API server sets. */
export function defaultService(svc: Service, cluster: Cluster, rng: Random): void {
  const spec = svc.spec;
  spec.type ??= "ClusterIP";
  if (spec.type !== "ExternalName" && !spec.clusterIP) {
    const used = new Set(cluster.store.list<Service>("Service").map((s) => s.spec.clusterIP));
    let ip: string;
    do ip = `10.96.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    while (used.has(ip) || ip === "10.96.0.1" || ip === "10.96.0.10");
    spec.clusterIP = ip;
  }
  if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
  spec.internalTrafficPolicy ??= "Cluster";
  spec.ipFamilies ??= ["IPv4"];
  spec.ipFamilyPolicy ??= "SingleStack";
  spec.sessionAffinity ??= "None";
  for (const p of spec.ports ?? []) {
    p.protocol ??= "TCP";
    p.targetPort ??= p.port;
  }
  svc.status ??= { loadBalancer: {} };
}

/** A defaulter for `applyManifests`: Services here, every other kind through the controllers' `applyDefaults`. */
export function makeDefaulter(rng: Random): (obj: KObject, cluster: Cluster) => void {
  return (obj, cluster) => {
    if (obj.kind === "Service") defaultService(obj as Service, cluster, rng);
    else applyDefaults(obj, { rng, store: cluster.store });
  };
}
