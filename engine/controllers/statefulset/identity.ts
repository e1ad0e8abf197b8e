/**
 * A StatefulSet pod's stable identity (`stateful_set_utils.go`): its name `<set>-<ordinal>`,
 * the `statefulset.kubernetes.io/pod-name` and `apps.kubernetes.io/pod-index` labels, its
 * hostname and subdomain (the governing Service), and its claims `<template>-<set>-<ordinal>`.
 */
import type { PersistentVolumeClaim, Pod, StatefulSet, Volume } from "../../model/types";
import { controllerRef } from "../../runtime/controller";
import type { Random } from "../../runtime/random";
import { applyPersistentVolumeClaimDefaults, applyPodCreateDefaults } from "../defaults";
import type { ObjectStore } from "../../runtime/store";
import { CONTROLLER_REVISION_HASH_LABEL } from "./revision";

/** The label carrying a StatefulSet pod's own name (a Service can select one replica with it). */
export const STATEFULSET_POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
/** The label carrying a StatefulSet pod's ordinal. */
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

/** `web-2` for ordinal 2 of StatefulSet `web`. */
export function statefulPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** The ordinal in a StatefulSet pod's name, or -1 when the name is not `<set>-<n>`. */
export function ordinalOf(set: StatefulSet, pod: Pod): number {
  const prefix = `${set.metadata.name}-`;
  const name = pod.metadata.name;
  if (!name.startsWith(prefix)) return -1;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : -1;
}

/** `data-web-0`: the claim of volume claim template `data` for ordinal 0 of `web`. */
export function claimName(templateName: string, set: StatefulSet, ordinal: number): string {
  return `${templateName}-${set.metadata.name}-${ordinal}`;
}

/** The claims the pod of `ordinal` needs, built from the volume claim templates (`getPersistentVolumeClaims`). */
export function claimsFor(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  const out: PersistentVolumeClaim[] = [];
  for (const tpl of set.spec.volumeClaimTemplates ?? []) {
    const matchLabels = set.spec.selector?.matchLabels ?? {};
    const labels = { ...(tpl.metadata.labels ?? {}), ...matchLabels };
    const metadata: PersistentVolumeClaim["metadata"] = { name: claimName(tpl.metadata.name, set, ordinal), namespace: set.metadata.namespace };
    if (Object.keys(labels).length > 0) metadata.labels = labels;
    if (tpl.metadata.annotations) metadata.annotations = { ...tpl.metadata.annotations };
    out.push({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata, spec: structuredClone(tpl.spec ?? {}) });
  }
  return out;
}

/**
 * Creates the claims of `ordinal` that do not exist yet (as `createPersistentVolumeClaims`)
 * and returns the names created.
 */
export function createMissingClaims(store: ObjectStore, set: StatefulSet, ordinal: number): string[] {
  const created: string[] = [];
  for (const claim of claimsFor(set, ordinal)) {
    if (store.has("PersistentVolumeClaim", claim.metadata.namespace, claim.metadata.name)) continue;
    store.create(applyPersistentVolumeClaimDefaults(claim, store));
    created.push(claim.metadata.name);
  }
  return created;
}

/** A new pod for `ordinal`, with its identity, storage and revision label, defaulted like the API server. */
export function newStatefulPod(set: StatefulSet, ordinal: number, revision: string, rng: Random): Pod {
  const name = statefulPodName(set, ordinal);
  const t = set.spec.template;
  const labels = { ...(t.metadata?.labels ?? {}), [STATEFULSET_POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH_LABEL]: revision };
  const metadata: Pod["metadata"] = { name, generateName: `${set.metadata.name}-`, namespace: set.metadata.namespace, labels, ownerReferences: [controllerRef(set, "apps/v1")] };
  if (t.metadata?.annotations && Object.keys(t.metadata.annotations).length > 0) metadata.annotations = { ...t.metadata.annotations };
  const spec = structuredClone(t.spec);
  spec.hostname = name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  const templates = set.spec.volumeClaimTemplates ?? [];
  if (templates.length > 0) {
    const claimVolumes: Volume[] = templates.map((tpl) => ({ name: tpl.metadata.name, persistentVolumeClaim: { claimName: claimName(tpl.metadata.name, set, ordinal) } }));
    const names = new Set(claimVolumes.map((v) => v.name));
    spec.volumes = [...claimVolumes, ...(spec.volumes ?? []).filter((v) => !names.has(v.name))];
  }
  const pod: Pod = { apiVersion: "v1", kind: "Pod", metadata, spec, status: { phase: "Pending" } };
  return applyPodCreateDefaults(pod, rng);
}
