/**
 * The `pod-template-hash`: FNV-32a over the pod template (plus the collision count),
 * safe-encoded, as `controller.ComputeHash` does. The template is serialised as canonical
 * JSON (sorted keys) so that the same template always gives the same hash whatever order
 * its fields were written in.
 */
import type { KObject, PodTemplateSpec } from "../../model/types";
import { fnv1a32, safeEncode } from "../../runtime/random";

/** The label (and selector key) the deployment controller adds to tell its ReplicaSets apart. */
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";

/** JSON with object keys sorted, `undefined` members dropped: a stable text for hashing and comparing. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return value === undefined ? "null" : JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return out + "]";
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = "{";
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    out += (first ? "" : ",") + JSON.stringify(k) + ":" + canonicalJson(v);
    first = false;
  }
  return out + "}";
}

/**
 * Per template object: its plain JSON text when its key was last computed, and that key. Plain
 * JSON (native, in the template's own key order) is much cheaper than the canonical form, and
 * the same text means the same value, so the same key, whatever was edited in place.
 */
const templateCache = new WeakMap<PodTemplateSpec, { text: string; key: string }>();

/**
 * Keys by plain JSON text, across templates: the key is a pure function of the template's value,
 * and the same text is the same value, so a template seen before (the same CoreDNS template in
 * every cluster, a scenario's template in every attempt) is not canonicalised again. Bounded.
 */
const keyByText = new Map<string, string>();
const MAX_KEYS_BY_TEXT = 2_000;

/** The template as canonical JSON without the pod-template-hash label (`EqualIgnoreHash`). */
export function templateKeyIgnoringHash(template: PodTemplateSpec): string {
  const text = JSON.stringify(template);
  const hit = templateCache.get(template);
  if (hit && hit.text === text) return hit.key;
  let key = keyByText.get(text);
  if (key === undefined) {
    key = canonicalKeyIgnoringHash(template);
    if (keyByText.size >= MAX_KEYS_BY_TEXT) keyByText.clear();
    keyByText.set(text, key);
  }
  templateCache.set(template, { text, key });
  return key;
}

function canonicalKeyIgnoringHash(template: PodTemplateSpec): string {
  const labels = template.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return canonicalJson(template);
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
  return canonicalJson({ ...template, metadata: { ...template.metadata, labels: rest } });
}

const keyCache = new WeakMap<KObject, { template: PodTemplateSpec; generation: number | undefined; key: string }>();

/**
 * The comparison key of a Deployment's or ReplicaSet's pod template, cached per object, template
 * object and generation: controllers compare templates on every pass, and a template changes
 * only through a write that bumps the generation (a spec change: a learner's edit replaces the
 * object, a controller's spec write is a `touch(obj, true)`); status and metadata writes, which
 * are most writes, leave both alone.
 */
export function templateKeyOf(obj: KObject & { spec: { template: PodTemplateSpec } }): string {
  const template = obj.spec.template;
  const generation = obj.metadata.generation;
  const hit = keyCache.get(obj);
  if (hit && hit.template === template && hit.generation === generation && generation !== undefined) return hit.key;
  const key = templateKeyIgnoringHash(template);
  keyCache.set(obj, { template, generation, key });
  return key;
}

/** `EqualIgnoreHash`: whether two templates are the same apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return templateKeyIgnoringHash(a) === templateKeyIgnoringHash(b);
}

/**
 * Records the comparison key of a just-created object's template when it is already known (a
 * ReplicaSet made from its Deployment's template plus the hash label has the Deployment's key),
 * so that its first comparison does not serialise the template again.
 */
export function rememberTemplateKey(obj: KObject & { spec: { template: PodTemplateSpec } }, key: string): void {
  const generation = obj.metadata.generation;
  if (generation !== undefined) keyCache.set(obj, { template: obj.spec.template, generation, key });
}

function hashOfKey(key: string, collisionCount?: number): string {
  let text = key;
  if (collisionCount !== undefined && collisionCount !== null) text += String(collisionCount);
  return safeEncode(fnv1a32(text));
}

/** `controller.ComputeHash`: the safe-encoded FNV-32a of the template and the collision count. */
export function computePodTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  return hashOfKey(templateKeyIgnoringHash(template), collisionCount);
}

/** {@link computePodTemplateHash} of a Deployment's template, through its cached key ({@link templateKeyOf}). */
export function podTemplateHashOf(obj: KObject & { spec: { template: PodTemplateSpec } }, collisionCount?: number): string {
  return hashOfKey(templateKeyOf(obj), collisionCount);
}
