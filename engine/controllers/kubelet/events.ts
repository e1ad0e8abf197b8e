import type { Event, KObject } from "../../model/types";
import type { ControllerContext } from "../../runtime/controller";

/**
 * Records a kubelet event at a given virtual time (a sync that happened between two
 * reconciles), aggregating like client-go: same object, reason, message and source add to
 * `count` and move `lastTimestamp`.
 */
export function recordAt(ctx: ControllerContext, obj: KObject, node: string, atMs: number, type: "Normal" | "Warning", reason: string, message: string, fieldPath?: string): Event {
  const ev = ctx.events.record(obj, type, reason, message, { component: "kubelet", host: node }, fieldPath, atMs);
  if (ev.firstTimestamp > ev.lastTimestamp) ev.firstTimestamp = ev.lastTimestamp;
  return ev;
}

/** The `fieldPath` of a container in events (`spec.containers{app}`). */
export function containerFieldPath(name: string, init: boolean): string {
  return init ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
}
