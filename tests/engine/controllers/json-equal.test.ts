/**
 * jsonEqual (engine/controllers/json-equal.ts) answers what comparing the two JSON texts answers,
 * for plain data and for the values that make it fall back (NaN, undefined in arrays, toJSON…).
 */
import { describe, expect, it } from "vitest";
import { jsonEqual } from "../../../engine/controllers/json-equal";
import { Random } from "../../../engine/runtime/random";

const LEAVES: unknown[] = ["", "a", "b", "10", "true", "null", 0, -0, 1, 10, 1.5, -1, NaN, Infinity, true, false, null, undefined, () => 1, new Date(0), "1970-01-01T00:00:00.000Z"];
const KEYS = ["a", "b", "c", "1", "toJSON"];

function value(rng: Random, depth: number): unknown {
  const r = rng.int(0, 9);
  if (depth > 2 || r < 5) return rng.pick(LEAVES);
  if (r < 7) return Array.from({ length: rng.int(0, 3) }, () => value(rng, depth + 1));
  const o: Record<string, unknown> = {};
  for (const k of KEYS) if (rng.int(0, 2) === 0) o[k] = value(rng, depth + 1);
  return o;
}

/** A value and a copy of it with one leaf changed (or none), so equal texts are common. */
function mutate(rng: Random, v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (rng.int(0, 3) === 0 ? mutate(rng, x) : x));
  if (typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (rng.int(0, 9) > 0) o[k] = rng.int(0, 3) === 0 ? mutate(rng, x) : x;
    if (rng.int(0, 5) === 0) o[rng.pick(KEYS)] = value(rng, 2);
    return o;
  }
  return rng.int(0, 2) === 0 ? rng.pick(LEAVES) : v;
}

describe("jsonEqual", () => {
  it("agrees with comparing JSON.stringify texts", () => {
    const rng = new Random(7);
    let equal = 0;
    for (let i = 0; i < 20_000; i++) {
      const a = value(rng, 0);
      const b = rng.int(0, 1) === 0 ? mutate(rng, a) : value(rng, 0);
      const expected = JSON.stringify(a) === JSON.stringify(b);
      if (expected) equal++;
      expect(jsonEqual(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(expected);
    }
    expect(equal).toBeGreaterThan(2_000);
  });

  it("skips undefined properties and keeps key order, as the texts do", () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(jsonEqual([undefined], [null])).toBe(true);
    expect(jsonEqual({ t: new Date(0) }, { t: "1970-01-01T00:00:00.000Z" })).toBe(true);
  });
});
