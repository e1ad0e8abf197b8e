/**
 * Go values as a template sees kubectl's object: the object is decoded from JSON into
 * `map[string]interface{}` with integers as `int64` and other numbers as `float64`; template
 * constants add `int`, `float64` and `int32` (runes). `iface` marks a value still wrapped in
 * an `interface {}` (a map or slice element), which Go names in some errors.
 */

/** A Go value inside the template interpreter. */
export type GoValue =
  | { k: "invalid" }
  | { k: "nil"; iface: boolean }
  | { k: "string"; v: string; iface: boolean }
  | { k: "bool"; v: boolean; iface: boolean }
  | { k: "int"; v: number; t: "int" | "int64" | "int32"; iface: boolean }
  | { k: "float"; v: number; iface: boolean }
  | { k: "map"; v: Record<string, unknown>; iface: boolean }
  | { k: "slice"; v: unknown[]; iface: boolean };

/** Go's zero `reflect.Value` (a missing key, an untyped nil). */
export const INVALID: GoValue = { k: "invalid" };

/** Wraps a decoded JSON value; `iface` when it sits in an `interface {}` (map or slice element). */
export function fromJson(x: unknown, iface: boolean): GoValue {
  if (x === null || x === undefined) return { k: "nil", iface };
  switch (typeof x) {
    case "string":
      return { k: "string", v: x, iface };
    case "boolean":
      return { k: "bool", v: x, iface };
    case "number":
      return Number.isInteger(x) && Math.abs(x) < 2 ** 63 ? { k: "int", v: x, t: "int64", iface } : { k: "float", v: x, iface };
    default:
      if (Array.isArray(x)) return { k: "slice", v: x, iface };
      return { k: "map", v: x as Record<string, unknown>, iface };
  }
}

/** The same value without its `interface {}` wrapper (Go's `indirectInterface`). */
export function unwrap(v: GoValue): GoValue {
  if (v.k === "invalid") return v;
  if (v.k === "nil") return v.iface ? INVALID : v;
  return v.iface ? { ...v, iface: false } : v;
}

/** The dynamic Go type name: `string`, `int64`, `map[string]interface {}`… (`<nil>` for none). */
export function concreteType(v: GoValue): string {
  switch (v.k) {
    case "invalid":
    case "nil":
      return "<nil>";
    case "string":
      return "string";
    case "bool":
      return "bool";
    case "int":
      return v.t;
    case "float":
      return "float64";
    case "map":
      return "map[string]interface {}";
    case "slice":
      return "[]interface {}";
  }
}

/** The static type (`interface {}` for a wrapped value). */
export function staticType(v: GoValue): string {
  if (v.k !== "invalid" && v.iface) return "interface {}";
  return concreteType(v);
}

/** Keys of a Go map in `fmtsort` order (strings ascending by bytes). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareGoStrings);
}

/** Go's string comparison (by UTF-8 bytes). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ea = utf8(a);
  const eb = utf8(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) if (ea[i] !== eb[i]) return ea[i] - eb[i];
  return ea.length - eb.length;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Go's `truth` of a value (false for zero values and empty containers). */
export function isTrue(v: GoValue): boolean {
  switch (v.k) {
    case "invalid":
    case "nil":
      return false;
    case "string":
      return v.v.length > 0;
    case "bool":
      return v.v;
    case "int":
    case "float":
      return v.v !== 0;
    case "map":
      return Object.keys(v.v).some((k) => v.v[k] !== undefined);
    case "slice":
      return v.v.length > 0;
  }
}

/** The JS value behind a Go value (for JSON dumps). */
export function toJs(v: GoValue): unknown {
  switch (v.k) {
    case "invalid":
    case "nil":
      return null;
    default:
      return v.v;
  }
}
