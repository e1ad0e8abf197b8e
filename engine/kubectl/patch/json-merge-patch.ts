/**
 * JSON merge patch (RFC 7386), as `kubectl patch --type=merge` and kubectl's label/annotate
 * send it: objects merge key by key, `null` deletes, anything else (lists included) replaces.
 */
import { deepClone, deepEqual, isObject, type JsonObject, type JsonValue } from "./json-value";

/** Applies a merge patch to `target` and returns the result (inputs untouched). */
export function applyMergePatch(target: JsonValue, patch: JsonValue): JsonValue {
  if (!isObject(patch)) return deepClone(patch);
  const out: JsonObject = isObject(target) ? deepClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k] ?? null, v);
  }
  return out;
}

/** The merge patch that turns `original` into `modified` (`jsonpatch.CreateMergePatch`). */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [k, v] of Object.entries(modified)) {
    const o = original[k];
    if (!(k in original)) patch[k] = deepClone(v);
    else if (isObject(o) && isObject(v)) {
      const sub = createMergePatch(o, v);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (!deepEqual(o, v)) patch[k] = deepClone(v);
  }
  for (const k of Object.keys(original)) if (!(k in modified)) patch[k] = null;
  return patch;
}
