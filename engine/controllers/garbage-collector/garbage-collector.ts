/**
 * The garbage collector, with background propagation (what `kubectl delete` asks for by
 * default): an object whose owners (ownerReferences, matched by uid) are all gone is
 * deleted; when only some are gone, the dangling references are removed. Deleting a
 * Deployment therefore cascades to its ReplicaSets and then to their Pods, pass after pass.
 */
import type { KObject, OwnerReference, Pod } from "../../model/types";
import { KINDS, kindInfo } from "../../model/kinds";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { requestPodDeletion } from "../pod-deletion";

const CONTROLLER = "garbage-collector";

/** Kinds that never carry owner references in the simulation, skipped for speed. */
const NEVER_OWNED = new Set(["Event", "Namespace", "Node", "StorageClass"]);

function ownerExists(ctx: ControllerContext, dependent: KObject, ref: OwnerReference): boolean {
  let namespaced: boolean;
  try {
    namespaced = kindInfo(ref.kind).namespaced;
  } catch {
    // An owner of a kind the simulation does not model: assume it exists.
    return true;
  }
  const owner = ctx.store.get(ref.kind, namespaced ? dependent.metadata.namespace : undefined, ref.name);
  return owner !== undefined && owner.metadata.uid === ref.uid;
}

/** Deletes one dependent as the garbage collector does (pods gracefully). */
export function deleteDependent(ctx: ControllerContext, obj: KObject): void {
  if (obj.kind === "Pod") requestPodDeletion(ctx.store, obj as Pod, ctx.now);
  else ctx.store.remove(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

/**
 * The garbage collector controller. Its decisions depend on which objects exist (by uid) and
 * on the dependents' ownerReferences, which change only when an object (of any kind but Event)
 * is created, replaced (a client write) or removed — controllers' in-place writes only add references to owners
 * that exist or drop references — so a pass is skipped while the store's structure version is
 * the one its last pass that changed nothing saw. That version is the sum over every kind but
 * Events (which neither own nor are owned): each kind's only grows, so the sum moves when any does.
 */
export const garbageCollector: Controller = {
  name: CONTROLLER,
  reconcile(ctx: ControllerContext): void {
    const memo = ctx.state(CONTROLLER, "unchanged-structure", () => ({ structure: -1 }));
    const structure = ctx.store.structureVersionOfAll() - ctx.store.structureVersion("Event");
    if (memo.structure === structure) return;
    const before = ctx.store.version;
    for (const k of KINDS) {
      if (NEVER_OWNED.has(k.kind)) continue;
      for (const obj of ctx.store.list(k.kind)) {
        const refs = obj.metadata.ownerReferences;
        if (!refs || refs.length === 0) continue;
        if (obj.kind === "Pod" && obj.metadata.deletionTimestamp) continue;
        const alive = refs.filter((r) => ownerExists(ctx, obj, r));
        if (alive.length === refs.length) continue;
        if (alive.length === 0) {
          deleteDependent(ctx, obj);
        } else {
          obj.metadata.ownerReferences = alive;
          ctx.store.touch(obj);
        }
      }
    }
    memo.structure = ctx.store.version === before ? structure : -1;
  },
};
