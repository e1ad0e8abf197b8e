/**
 * `JSON.stringify(a) === JSON.stringify(b)`, decided without building either text: the
 * comparison controllers make between what they would write and what an object holds.
 */

/** Thrown inside the walk when a value is not plain JSON data: the caller stringifies instead. */
const NOT_PLAIN = Symbol("not plain JSON data");

/**
 * Whether `a` and `b` serialise to the same JSON text. Plain data (strings, finite numbers,
 * booleans, null, arrays, objects of Object's prototype) is compared member by member, in key
 * order, leaving out undefined and function properties as JSON.stringify does; anything else
 * (undefined in an array, NaN, a class instance, a toJSON method…) falls back to the two texts.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  try {
    return plainEqual(a, b);
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return JSON.stringify(a) === JSON.stringify(b);
  }
}

/** What a value prints as: a string, a boolean, a finite number, null, an array or an object; "other" for anything else. */
type JsonKind = "string" | "boolean" | "number" | "null" | "array" | "object" | "other";

function kindOf(v: unknown): JsonKind {
  switch (typeof v) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "number":
      return Number.isFinite(v) ? "number" : "other";
    case "object": {
      if (v === null) return "null";
      if (typeof (v as { toJSON?: unknown }).toJSON === "function") return "other";
      if (Array.isArray(v)) return "array";
      return Object.getPrototypeOf(v) === Object.prototype ? "object" : "other";
    }
    default:
      return "other";
  }
}

function plainEqual(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === "other" || kb === "other") throw NOT_PLAIN;
  // Texts of different kinds differ from their first character (`"`, a digit or `-`, t/f, n, [, {).
  if (ka !== kb) return false;
  if (ka === "array") {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!plainEqual(x[i], y[i])) return false;
    return true;
  }
  if (ka !== "object") return a === b || ka === "null";
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xs = Object.keys(x);
  const ys = Object.keys(y);
  // Keys in order, skipping the values JSON.stringify leaves out of objects.
  let j = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = x[xs[i]];
    if (omitted(v)) continue;
    while (j < ys.length && omitted(y[ys[j]])) j++;
    if (j === ys.length || ys[j] !== xs[i] || !plainEqual(v, y[ys[j]])) return false;
    j++;
  }
  while (j < ys.length && omitted(y[ys[j]])) j++;
  return j === ys.length;
}

/** Whether JSON.stringify leaves a property with this value out of an object. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}
