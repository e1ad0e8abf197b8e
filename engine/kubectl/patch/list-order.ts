/**
 * The ordering rules of strategic merge patch for merged lists: patch items keep the patch's
 * order, server-only items keep the live order, and the two are interleaved by the live order
 * (apimachinery `normalizeElementOrder` / `mergeSortedSlice`).
 */
import { goFormat, isObject, type JsonValue } from "./json-value";
import { PatchError } from "./patch-error";

/** The identity of a list item: its merge-key value for objects, the item itself for scalars. */
export function itemKey(item: JsonValue, mergeKey: string | undefined): unknown {
  if (mergeKey && isObject(item)) return item[mergeKey];
  return item;
}

/** Position of `item` in `list` by identity, or -1. */
export function indexIn(list: readonly JsonValue[], item: JsonValue, mergeKey: string | undefined): number {
  const k = itemKey(item, mergeKey);
  for (let i = 0; i < list.length; i++) if (itemKey(list[i], mergeKey) === k) return i;
  return -1;
}

/** apimachinery's `ErrNoMergeKey`. */
export function noMergeKey(item: JsonValue, mergeKey: string): PatchError {
  return new PatchError(`map: ${goFormat(item)} does not contain declared merge key: ${mergeKey}`);
}

function requireMergeKeys(mergeKey: string, ...lists: readonly JsonValue[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isObject(item)) throw new PatchError(`expected a map, but got: ${goFormat(item)}`);
      if (!(mergeKey in item)) throw noMergeKey(item, mergeKey);
    }
  }
}

/**
 * Sorts `toSort` by the order of `order` (items missing from `order` move forward, as Go's
 * insertion sort with apimachinery's comparator does); `$patch: delete` items go last.
 */
export function normalizeSliceOrder(toSort: JsonValue[], order: JsonValue[], mergeKey: string | undefined, isMap: boolean): JsonValue[] {
  let items = toSort;
  const toDelete: JsonValue[] = [];
  if (isMap && mergeKey) {
    requireMergeKeys(mergeKey, toSort, order);
    items = [];
    for (const v of toSort) (isObject(v) && v.$patch === "delete" ? toDelete : items).push(v);
  } else {
    items = [...toSort];
  }
  const less = (a: JsonValue, b: JsonValue): boolean => {
    const ia = indexIn(order, a, mergeKey);
    if (ia >= 0) {
      const ib = indexIn(order, b, mergeKey);
      if (ib >= 0) return ia < ib;
    }
    return true;
  };
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j], items[j - 1]); j--) {
      const t = items[j];
      items[j] = items[j - 1];
      items[j - 1] = t;
    }
  }
  return [...items, ...toDelete];
}

/** Interleaves server-only items (`left`) into patch items (`right`) by their live order. */
export function mergeSortedSlice(left: JsonValue[], right: JsonValue[], serverOrder: JsonValue[], mergeKey: string | undefined): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey);
      const ri = indexIn(serverOrder, right[j], mergeKey);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/** apimachinery's `normalizeElementOrder`. */
export function normalizeElementOrder(
  patchItems: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string | undefined,
  isMap: boolean,
): JsonValue[] {
  const p = normalizeSliceOrder(patchItems, patchOrder, mergeKey, isMap);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap);
  return mergeSortedSlice(s, p, serverOrder, mergeKey);
}

/** Splits `items` into those present in `by` (by identity) and the rest. */
export function partitionByPresence(items: JsonValue[], by: JsonValue[], mergeKey: string | undefined): [JsonValue[], JsonValue[]] {
  const inPatch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of items) {
    if (mergeKey && isObject(v) && !(mergeKey in v)) throw noMergeKey(v, mergeKey);
    (indexIn(by, v, mergeKey) >= 0 ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}
