/**
 * `--sort-by=<jsonpath>`: kubectl's sorter, comparing the first value the path finds in each
 * object (numbers numerically, strings with `sortorder.NaturalLess`), objects without a value
 * first, with Go's unstable `sort.Sort`, and its error when no object has the field.
 */
import type { KObject } from "../../model/types";
import { goSort } from "./go-sort";
import { findJsonPathResults, JsonPathError, parseJsonPath, relaxedJsonPath } from "./jsonpath";

/** `github.com/fvbommel/sortorder.NaturalLess`: digit runs compare as numbers. */
export function naturalLess(str1: string, str2: string): boolean {
  let i1 = 0;
  let i2 = 0;
  const isDigit = (c: number) => c >= 48 && c <= 57;
  while (i1 < str1.length && i2 < str2.length) {
    const c1 = str1.charCodeAt(i1);
    const c2 = str2.charCodeAt(i2);
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < str1.length && str1.charCodeAt(i1) === 48) i1++;
    while (i2 < str2.length && str2.charCodeAt(i2) === 48) i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < str1.length && isDigit(str1.charCodeAt(i1))) i1++;
    while (i2 < str2.length && isDigit(str2.charCodeAt(i2))) i2++;
    const len1 = i1 - nz1;
    const len2 = i2 - nz2;
    if (len1 !== len2) return len1 < len2;
    const n1 = str1.slice(nz1, i1);
    const n2 = str2.slice(nz2, i2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return str1.length < str2.length;
}

function less(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return naturalLess(a, b);
  if (typeof a === "boolean" && typeof b === "boolean") return !a && b;
  return String(a) < String(b);
}

/** Sorts `objects` by `sortBy` as kubectl does; returns kubectl's error text when the path is bad or absent everywhere. */
export function sortObjects<T extends KObject>(objects: T[], sortBy: string): { ok: true; objects: T[] } | { ok: false; error: string } {
  let expr: string;
  try {
    expr = relaxedJsonPath(sortBy);
  } catch (e) {
    return { ok: false, error: `error: ${(e as Error).message}` };
  }
  let template;
  try {
    template = parseJsonPath(expr);
  } catch (e) {
    return { ok: false, error: `error: ${(e as JsonPathError).message}` };
  }
  if (objects.length === 0) return { ok: true, objects };
  const keyed = objects.map((o) => {
    let v: unknown;
    try {
      const r = findJsonPathResults(template, o);
      v = r.length > 0 && r[0].length > 0 ? r[0][0] : undefined;
    } catch {
      v = undefined;
    }
    return { o, v };
  });
  if (keyed.every((k) => k.v === undefined)) return { ok: false, error: `error: couldn't find any field with path "${expr}" in the list of objects` };
  // kubectl's `sort.Sort`: Go's unstable sort, so equal values come out as Go leaves them. An
  // object without the field is less than any other, and than one without it too (kubectl's Less).
  goSort(keyed, (x, y) => {
    if (x.v === undefined) return true;
    if (y.v === undefined) return false;
    return less(x.v, y.v);
  });
  return { ok: true, objects: keyed.map((k) => k.o) };
}
