/**
 * A deep copy of plain API data (objects, arrays, strings, numbers, booleans, null,
 * undefined members kept), in the source's key order: what `structuredClone` gives for such
 * data, without its serialisation cost on the controllers' hot paths (a pod from a template
 * on every create, a ReplicaSet's template, parsed manifests).
 */
export function clonePlain<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clonePlain(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = clonePlain((value as Record<string, unknown>)[k]);
  return out as T;
}
