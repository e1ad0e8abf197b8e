import type { Pod } from "../../model/types";
import type { AppModel, World } from "../../model/world";
import type { ObjectStore } from "../../runtime/store";
import type { LiveListener, NetworkContext } from "../../world/network";
import type { PodRuntime } from "./state";

/**
 * Reads the kubelet's state as the network and the kubectl views need it: which ports a
 * pod listens on right now, and how its applications answer.
 */

/** Looks up the kubelet state of a pod by uid. */
export type PodRuntimeLookup = (uid: string) => PodRuntime | undefined;

/** The listener of `pod` on `port` at `nowMs`, if a running container's process listens there. */
export function listenerAt(world: World, lookup: PodRuntimeLookup, pod: Pod, port: number, nowMs: number): LiveListener | undefined {
  const pr = pod.metadata.uid ? lookup(pod.metadata.uid) : undefined;
  if (!pr) return undefined;
  for (const cr of Object.values(pr.containers)) {
    const r = cr.running;
    if (!r || r.stoppingAtMs !== undefined && r.stoppingAtMs <= nowMs) continue;
    const plan = r.plan;
    if (plan.listenAt === undefined || nowMs < r.startedAtMs + plan.listenAt * 1000) continue;
    const exitAt = plan.exit ? r.startedAtMs + plan.exit.at * 1000 : Infinity;
    if (nowMs >= exitAt || (r.killAtMs !== undefined && nowMs >= r.killAtMs)) continue;
    const idx = plan.ports.indexOf(port);
    if (idx < 0) continue;
    const app: AppModel | undefined = plan.appId ? world.apps[plan.appId] : undefined;
    const listener = app?.listen?.[idx];
    if (!listener) continue;
    return { pod, container: cr.name, listener, unready: r.unready, env: plan.env, settings: plan.settings };
  }
  return undefined;
}

/** A `NetworkContext` over the store and the kubelet's state at `nowMs`. */
export function networkContext(store: ObjectStore, world: World, lookup: PodRuntimeLookup, nowMs: number): NetworkContext {
  return {
    store,
    world,
    listenerAt(pod, port) {
      return listenerAt(world, lookup, pod, port, nowMs);
    },
  };
}
