/**
 * The `controller-revision-hash` of a StatefulSet's or DaemonSet's pod template: FNV-32a over
 * the template (and the collision count), safe-encoded, as `history.HashControllerRevision`
 * does, and the revision name `<owner>-<hash>` the pods carry in their label.
 */
import type { PodTemplateSpec } from "../../model/types";
import { fnv1a32, safeEncode } from "../../runtime/random";

/** The label that says which revision of its controller's template a pod was made from. */
export const CONTROLLER_REVISION_HASH_LABEL = "controller-revision-hash";

/** JSON with object keys sorted and `undefined` members dropped: the same template, the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return value === undefined ? "null" : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

const cache = new WeakMap<PodTemplateSpec, { text: string; hash: string }>();

/** The safe-encoded hash of a pod template (cached per template object and content). */
export function templateHash(template: PodTemplateSpec, collisionCount = 0): string {
  const text = JSON.stringify(template);
  const hit = cache.get(template);
  if (hit && hit.text === text && collisionCount === 0) return hit.hash;
  const hash = safeEncode(fnv1a32(`${canonicalJson(template)}${collisionCount ? `#${collisionCount}` : ""}`));
  if (collisionCount === 0) cache.set(template, { text, hash });
  return hash;
}

/** The ControllerRevision name of the owner's current template: `web-7b9c5d6f8c`. */
export function revisionName(ownerName: string, template: PodTemplateSpec, collisionCount = 0): string {
  return `${ownerName}-${templateHash(template, collisionCount)}`;
}
