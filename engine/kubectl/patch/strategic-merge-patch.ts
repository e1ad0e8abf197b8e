/**
 * Applying a strategic merge patch (apimachinery `StrategicMergeMapPatch`): JSON merge patch
 * plus list merging by patch merge key, `$patch: replace|delete`, `$retainKeys`,
 * `$deleteFromPrimitiveList/<field>` and `$setElementOrder/<field>`, driven by the kind's
 * {@link PatchSchema}. Inputs are never mutated.
 */
import { deepClone, goFormat, isObject, type JsonObject, type JsonValue } from "./json-value";
import { fieldSchema, type PatchSchema } from "./patch-schema";
import { PatchError } from "./patch-error";
import { indexIn, noMergeKey, normalizeElementOrder, partitionByPresence } from "./list-order";

const DIRECTIVE = "$patch";
const RETAIN_KEYS = "$retainKeys";
const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
const SET_ELEMENT_ORDER = "$setElementOrder";

/** Options of a merge: the server merges parallel lists and drops unmatched nulls; the client's three-way merge keeps both. */
export interface MergeOptions {
  mergeParallelList: boolean;
  ignoreUnmatchedNulls: boolean;
}

/** The server's options (`StrategicMergeMapPatch`). */
export const SERVER_MERGE: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/**
 * Applies `patch` to `original` with strategic-merge semantics for `schema`. Returns a new
 * object; throws {@link PatchError} with apimachinery's message when the patch is malformed.
 */
export function applyStrategicMergePatch(original: JsonObject, patch: JsonObject, schema: PatchSchema): JsonObject {
  return mergeMap(deepClone(original), deepClone(patch), schema, SERVER_MERGE);
}

/** apimachinery `mergeMap`; mutates and returns `original` (callers pass copies). */
export function mergeMap(original: JsonObject | null, patch: JsonObject, schema: PatchSchema, options: MergeOptions): JsonObject {
  if (DIRECTIVE in patch) {
    const directive = patch[DIRECTIVE];
    if (directive === "replace") {
      delete patch[DIRECTIVE];
      return stripDirectives(patch, schema) as JsonObject;
    }
    if (directive === "delete") return {};
    throw new PatchError(`unknown patch type: ${goFormat(directive)} in map: ${goFormat(patch)}`);
  }
  const out: JsonObject = original ?? {};
  applyRetainKeys(out, patch, options);
  mergeSetElementOrder(out, patch, schema, options);

  for (let key of Object.keys(patch)) {
    const patchValue = patch[key];
    let isDeleteList = false;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!options.mergeParallelList) {
        out[key] = patchValue;
        continue;
      }
      key = extractKey(key, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
      if (!(key in out)) continue;
    }
    if (patchValue === null) {
      delete out[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    const field = fieldSchema(schema, key);
    if (!(key in out)) {
      out[key] = options.mergeParallelList ? stripDirectives(patchValue, field) : patchValue;
      continue;
    }
    const current = out[key];
    if (kindOf(current) !== kindOf(patchValue)) {
      out[key] = options.mergeParallelList ? stripDirectives(patchValue, field) : patchValue;
      continue;
    }
    if (isObject(current) && isObject(patchValue)) {
      out[key] = field.replace ? patchValue : mergeMap(current, patchValue, field, options);
    } else if (Array.isArray(current) && Array.isArray(patchValue)) {
      out[key] = field.mergeList ? mergeSlice(current, patchValue, field, options, isDeleteList) : patchValue;
    } else {
      out[key] = patchValue;
    }
  }
  return out;
}

function kindOf(v: JsonValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf("/");
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw new PatchError("invalid patch format of primitive list", "BadRequest");
    throw new PatchError("invalid patch format of setElementOrder list", "BadRequest");
  }
  return key.slice(slash + 1);
}

function applyRetainKeys(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!(RETAIN_KEYS in patch)) return;
  const retain = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!options.mergeParallelList) {
    if (!(RETAIN_KEYS in original)) original[RETAIN_KEYS] = retain;
    return;
  }
  if (!Array.isArray(retain)) throw new PatchError("invalid patch format of retainKeys", "BadRequest");
  const keep = new Set(retain.map((k) => String(k)));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) throw new PatchError("invalid patch format of retainKeys", "BadRequest");
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

function mergeSetElementOrder(original: JsonObject, patch: JsonObject, schema: PatchSchema, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    if (!options.mergeParallelList) {
      if (key in original) {
        if (JSON.stringify(original[key]) !== JSON.stringify(order)) throw new PatchError("invalid patch format of setElementOrder list", "BadRequest");
      } else original[key] = order;
    }
    delete patch[key];
    if (!Array.isArray(order)) throw new PatchError(`expected a list, but got: ${goFormat(order)}`);
    const listKey = extractKey(key, SET_ELEMENT_ORDER);
    const field = fieldSchema(schema, listKey);
    const foundOriginal = listKey in original;
    const foundPatch = listKey in patch;
    const originalList = foundOriginal ? original[listKey] : undefined;
    const patchList = foundPatch ? patch[listKey] : undefined;
    if (foundOriginal && !Array.isArray(originalList)) throw new PatchError(`expected a list, but got: ${goFormat(originalList)}`);
    if (foundPatch && !Array.isArray(patchList)) throw new PatchError(`expected a list, but got: ${goFormat(patchList)}`);
    const mergeKey = field.mergeKey;
    validateWithSetOrder((patchList as JsonValue[]) ?? [], order, mergeKey);
    let merged: JsonValue[];
    if (foundOriginal && !foundPatch) merged = originalList as JsonValue[];
    else if (!foundOriginal && foundPatch) merged = options.mergeParallelList ? (stripDirectives(patchList!, field) as JsonValue[]) : (patchList as JsonValue[]);
    else if (foundOriginal && foundPatch) {
      merged = field.mergeList
        ? mergeSlice(originalList as JsonValue[], patchList as JsonValue[], field, options, false)
        : (patchList as JsonValue[]);
    } else continue;
    const isMap = [...((originalList as JsonValue[]) ?? []), ...((patchList as JsonValue[]) ?? [])].some(isObject);
    const [inOrder, serverOnly] = partitionByPresence(merged, order, mergeKey);
    original[listKey] = normalizeElementOrder(inOrder, serverOnly, order, (originalList as JsonValue[]) ?? [], mergeKey, isMap);
    delete patch[listKey];
  }
}

function validateWithSetOrder(patchList: JsonValue[], order: JsonValue[], mergeKey: string | undefined): void {
  if (order.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey ? patchList.filter((v) => !(isObject(v) && v[DIRECTIVE] === "delete")) : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < order.length) {
    const item = nonDelete[p];
    if (isObject(item) && DIRECTIVE in item) {
      p++;
      continue;
    }
    if (mergeKey) {
      if (!isObject(item) || !(mergeKey in item)) throw noMergeKey(item, mergeKey);
      const o = order[s];
      if (!isObject(o) || !(mergeKey in o)) throw noMergeKey(o, mergeKey);
      if (item[mergeKey] === o[mergeKey]) p++;
    } else if (item === order[s]) p++;
    s++;
  }
  if (p < nonDelete.length && s >= order.length) {
    throw new PatchError(`The order in patch list:\n${goFormat(patchList)}\n doesn't match $setElementOrder list:\n${goFormat(order)}\n`);
  }
}

/** apimachinery `mergeSlice` for a list with the merge strategy. */
function mergeSlice(original: JsonValue[], patch: JsonValue[], field: PatchSchema, options: MergeOptions, isDeleteList: boolean): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const all = [...original, ...patch];
  if (all.some(Array.isArray)) throw new PatchError("lists of lists are not supported");
  const isMap = all.length > 0 && isObject(all[0]);
  if (all.some((v) => isObject(v) !== isMap)) throw new PatchError(`list element types are not identical: ${goFormat([original, patch])}`);
  const mergeKey = field.mergeKey;
  let merged: JsonValue[];
  let base = original;
  let items = patch;
  if (!isMap) {
    if (options.mergeParallelList && isDeleteList) {
      const drop = new Set(patch.map((v) => JSON.stringify(v)));
      return original.filter((v) => !drop.has(JSON.stringify(v)));
    }
    merged = dedupeScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw new PatchError("cannot merge lists without merge key for type map");
    [base, items] = applySpecialElements(original, patch, mergeKey);
    merged = [...base];
    const itemSchema = field.items ?? {};
    for (const v of items) {
      const obj = v as JsonObject;
      if (!(mergeKey in obj)) throw noMergeKey(obj, mergeKey);
      const at = indexIn(merged, obj, mergeKey);
      if (at >= 0) merged[at] = mergeMap(merged[at] as JsonObject, obj, itemSchema, options);
      else merged.push(options.mergeParallelList ? stripDirectives(obj, itemSchema) : obj);
    }
  }
  const [inPatch, serverOnly] = partitionByPresence(merged, items, isMap ? mergeKey : undefined);
  return normalizeElementOrder(inPatch, serverOnly, items, base, isMap ? mergeKey : undefined, isMap);
}

function applySpecialElements(original: JsonValue[], patch: JsonValue[], mergeKey: string): [JsonValue[], JsonValue[]] {
  const plain: JsonValue[] = [];
  let replace = false;
  let base = original;
  for (const v of patch) {
    const obj = v as JsonObject;
    if (!(DIRECTIVE in obj)) {
      plain.push(v);
      continue;
    }
    switch (obj[DIRECTIVE]) {
      case "delete":
        if (!(mergeKey in obj)) throw noMergeKey(obj, mergeKey);
        base = base.filter((x) => !(isObject(x) && x[mergeKey] === obj[mergeKey]));
        break;
      case "replace":
        replace = true;
        break;
      case "merge":
        throw new PatchError("merging lists cannot yet be specified in the patch");
      default:
        throw new PatchError(`unknown patch type: ${goFormat(obj[DIRECTIVE])} in map: ${goFormat(obj)}`);
    }
  }
  if (replace) return [plain, []];
  return [base, plain];
}

function dedupeScalars(list: JsonValue[]): JsonValue[] {
  const seen = new Set<string>();
  const out: JsonValue[] = [];
  for (const v of list) {
    const k = JSON.stringify(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return out;
}

/**
 * Removes patch directives from a value that lands where the original had nothing (the API
 * server's typed decoding would drop them): `$patch: delete` list items vanish, `$`-keys go.
 */
export function stripDirectives(value: JsonValue, schema: PatchSchema): JsonValue {
  if (Array.isArray(value)) {
    const out: JsonValue[] = [];
    for (const v of value) {
      if (isObject(v) && v[DIRECTIVE] === "delete") continue;
      out.push(stripDirectives(v, schema.items ?? {}));
    }
    return out;
  }
  if (!isObject(value)) return value;
  if (value[DIRECTIVE] === "delete") return {};
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith("$")) continue;
    if (v === null) continue;
    out[k] = stripDirectives(v, fieldSchema(schema, k));
  }
  return out;
}
