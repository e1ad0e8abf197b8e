/**
 * Computing strategic merge patches, as kubectl does on the client: the two-way patch of
 * `kubectl edit` (`CreateTwoWayMergePatch`) and the three-way patch of `kubectl apply`
 * (`CreateThreeWayMergePatch`: last-applied vs new configuration vs live object).
 */
import { deepClone, deepEqual, isObject, type JsonObject, type JsonValue } from "./json-value";
import { fieldSchema, type PatchSchema } from "./patch-schema";
import { PatchError } from "./patch-error";
import { mergeMap } from "./strategic-merge-patch";
import { noMergeKey, normalizeSliceOrder } from "./list-order";

interface DiffOptions {
  setElementOrder: boolean;
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  buildRetainKeys: boolean;
}

const TWO_WAY: DiffOptions = { setElementOrder: true, ignoreChangesAndAdditions: false, ignoreDeletions: false, buildRetainKeys: false };

/** The patch that turns `original` into `modified` (what `kubectl edit` sends). */
export function createTwoWayMergePatch(original: JsonObject, modified: JsonObject, schema: PatchSchema): JsonObject {
  return diffMaps(original, modified, schema, TWO_WAY);
}

/**
 * `kubectl apply`'s patch: additions and changes from `current` (live) to `modified` (the new
 * configuration), plus deletions of what `original` (the last-applied configuration) had and
 * `modified` dropped. Fields set by others (controllers, `kubectl scale`) are left alone.
 */
export function createThreeWayMergePatch(original: JsonObject | null, modified: JsonObject, current: JsonObject, schema: PatchSchema): JsonObject {
  const delta = diffMaps(current, modified, schema, { ...TWO_WAY, ignoreDeletions: true });
  const deletions = diffMaps(original ?? {}, modified, schema, { ...TWO_WAY, ignoreChangesAndAdditions: true });
  return mergeMap(deletions, delta, schema, { mergeParallelList: false, ignoreUnmatchedNulls: false });
}

function diffMaps(original: JsonObject, modified: JsonObject, schema: PatchSchema, options: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const key of Object.keys(modified)) {
    const modifiedValue = modified[key];
    if (options.buildRetainKeys && modifiedValue !== null) retainKeys.push(key);
    if (!(key in original)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = deepClone(modifiedValue);
      continue;
    }
    const originalValue = original[key];
    if (key === "$patch") {
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    const field = fieldSchema(schema, key);
    if (isObject(originalValue) && isObject(modifiedValue)) {
      if (field.replace) {
        if (!options.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) patch[key] = deepClone(modifiedValue);
        continue;
      }
      const sub = diffMaps(originalValue, modifiedValue, field, { ...options, buildRetainKeys: !!field.retainKeys });
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (Array.isArray(originalValue) && Array.isArray(modifiedValue)) {
      if (field.mergeList) {
        const [add, del, order] = diffLists(originalValue, modifiedValue, field, { ...options, buildRetainKeys: !!field.retainKeys });
        if (add.length > 0) patch[key] = add;
        if (del.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = del;
        if (order.length > 0) patch[`$setElementOrder/${key}`] = order;
      } else if (!options.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) {
        patch[key] = deepClone(modifiedValue);
      }
    } else if (!options.ignoreChangesAndAdditions && !deepEqual(originalValue, modifiedValue)) {
      patch[key] = deepClone(modifiedValue);
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch.$retainKeys = sortScalars(retainKeys);
  }
  return patch;
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  for (const [k, v] of Object.entries(original)) if (v !== null && !(k in modified)) return true;
  return false;
}

function goString(v: unknown): string {
  return typeof v === "string" ? v : String(v);
}

function sortScalars<T extends JsonValue>(list: T[]): T[] {
  return [...list].sort((a, b) => (goString(a) < goString(b) ? -1 : goString(a) > goString(b) ? 1 : 0));
}

function diffLists(original: JsonValue[], modified: JsonValue[], field: PatchSchema, options: DiffOptions): [JsonValue[], JsonValue[], JsonValue[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []];
    return [deepClone(modified), [], []];
  }
  const all = [...original, ...modified];
  if (all.some(Array.isArray)) throw new PatchError("lists of lists are not supported");
  const isMap = isObject(all[0]);
  const mergeKey = field.mergeKey;
  if (isMap) {
    if (!mergeKey) throw new PatchError("cannot merge lists without merge key for type map");
    const [changes, deletions] = diffListsOfMaps(original, modified, field.items ?? {}, mergeKey, options);
    let patchList = normalizeSliceOrder(changes, modified, mergeKey, true);
    const orderSame = original.length === modified.length && original.every((o, i) => (o as JsonObject)[mergeKey] === (modified[i] as JsonObject)[mergeKey]);
    patchList = [...patchList, ...deletions];
    let order: JsonValue[] = [];
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0))
    ) {
      order = modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] }));
    }
    return [patchList, [], order];
  }
  const [adds, deletes] = diffListsOfScalars(original, modified, options);
  const patchList = normalizeSliceOrder(adds, modified, undefined, false);
  let order: JsonValue[] = [];
  if (options.setElementOrder && ((!options.ignoreDeletions && deletes.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))) {
    order = [...modified];
  }
  return [patchList, deletes, order];
}

function diffListsOfScalars(original: JsonValue[], modified: JsonValue[], options: DiffOptions): [JsonValue[], JsonValue[]] {
  const o = sortScalars(original);
  const m = sortScalars(modified);
  const adds: JsonValue[] = [];
  const deletes: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goString(o[i]) : undefined;
    const ms = j < m.length ? goString(m[j]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!options.ignoreChangesAndAdditions) adds.push(m[j]);
      j++;
    } else {
      if (!options.ignoreDeletions && !deletes.some((d) => d === o[i])) deletes.push(o[i]);
      i++;
    }
  }
  return [adds, deletes];
}

function diffListsOfMaps(original: JsonValue[], modified: JsonValue[], itemSchema: PatchSchema, mergeKey: string, options: DiffOptions): [JsonValue[], JsonValue[]] {
  const byKey = (list: JsonValue[]): JsonObject[] => {
    for (const v of list) if (!isObject(v) || !(mergeKey in v)) throw noMergeKey(v, mergeKey);
    return [...(list as JsonObject[])].sort((a, b) => {
      const x = goString(a[mergeKey]);
      const y = goString(b[mergeKey]);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  };
  const o = byKey(original);
  const m = byKey(modified);
  const patch: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goString(o[i][mergeKey]) : undefined;
    const ms = j < m.length ? goString(m[j][mergeKey]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      const sub = diffMaps(o[i], m[j], itemSchema, options);
      if (Object.keys(sub).length > 0) {
        sub[mergeKey] = m[j][mergeKey];
        patch.push(sub);
      }
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!options.ignoreChangesAndAdditions) patch.push(deepClone(m[j]));
      j++;
    } else {
      if (!options.ignoreDeletions) deletions.push({ $patch: "delete", [mergeKey]: o[i][mergeKey] });
      i++;
    }
  }
  return [patch, deletions];
}
