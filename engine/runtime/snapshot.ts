/**
 * Copies of a cluster's state, moved in time. A snapshot taken at one instant is restored at
 * another by shifting every instant it holds by the difference: the simulation is
 * time-translation invariant (nothing in the model depends on the calendar), so building a
 * world at T and shifting it to T + Δ gives what building it at T + Δ gives.
 *
 * Instants are recognised by value, not by field name: a number within `INSTANT_WINDOW_MS`
 * of the snapshot's instant is ms since the epoch (no count, duration, port or version comes
 * near 1.7e12), and so is an RFC 3339 UTC string (`2026-03-02T08:00:00Z`, with or without a
 * fraction) within the window. Shifts are whole seconds, so second-precision strings stay
 * exactly what formatting the shifted instant would print. The snapshot tests build worlds
 * at many instants and check that shifting one gives each of the others, which is what keeps
 * this rule honest as controllers add state.
 *
 * A snapshot is kept as a template: a copy of the state in which instants, identity tokens,
 * objects referenced from several places and frozen (shared, immutable) values are marked
 * once, when it is taken. Restoring is then a plain copy that only stops at the marks.
 *
 * Identities can be left open the same way: a world built with an `IdentityMarkingRandom`
 * has a token (`\uE000<n>\uE001`, private-use characters no Kubernetes string contains) for
 * every uid, generated name suffix and hex id it drew, and a restore draws each token's value
 * from the restoring seed, wherever the token appears (names, keys, references, env).
 */
import { fnv1a32, Random, SAFE_ALPHABET } from "./random";
import { rfc3339 } from "./clock";

/** How far from the snapshot's instant a value still counts as an instant (±400 days). */
export const INSTANT_WINDOW_MS = 400 * 86_400_000;

/**
 * How to draw the value of one identity token: a uuid, or `length` characters of `alphabet`;
 * null for a token the snapshot no longer holds (an id of an object gone before it was taken).
 */
export type IdentityRecipe = { uuid: true } | { length: number; alphabet: string } | null;

const TOKEN_OPEN = "\uE000";
const TOKEN_CLOSE = "\uE001";
const TOKEN = /\uE000(\d+)\uE001/g;

/**
 * Randomness whose numbers are real draws but whose ids are tokens: `uuid`, `chars` and
 * `hex` return a fresh token and note its recipe (shared by its forks), so a snapshot of the
 * world built with it can take its ids from whichever seed restores it.
 */
export class IdentityMarkingRandom extends Random {
  constructor(
    seed: number | string,
    readonly recipes: IdentityRecipe[] = [],
  ) {
    super(seed);
  }

  private token(recipe: IdentityRecipe): string {
    this.recipes.push(recipe);
    return `${TOKEN_OPEN}${this.recipes.length - 1}${TOKEN_CLOSE}`;
  }

  override chars(n: number, alphabet?: string): string {
    return this.token({ length: n, alphabet: alphabet ?? SAFE_ALPHABET });
  }

  override hex(n: number): string {
    return this.token({ length: n, alphabet: "0123456789abcdef" });
  }

  override uuid(): string {
    return this.token({ uuid: true });
  }

  override fork(label: string): Random {
    return new IdentityMarkingRandom((this.nextUint32() ^ fnv1a32(label)) >>> 0, this.recipes);
  }
}

/** Fills identity tokens from a seed: all values drawn up front, in token order, from one stream, never repeating one. */
export class IdentityFiller {
  private readonly values: string[];

  constructor(seed: number, recipes: readonly IdentityRecipe[]) {
    const rng = new Random(`${seed >>> 0}\u0000identities`);
    const used = new Set<string>();
    this.values = recipes.map((recipe) => {
      if (recipe === null) return "";
      let v: string;
      do v = "uuid" in recipe ? rng.uuid() : rng.chars(recipe.length, recipe.alphabet);
      while (used.has(v));
      used.add(v);
      return v;
    });
  }

  value(n: number): string {
    const v = this.values[n];
    if (!v) throw new Error(`snapshot identity token ${n} has no recipe`);
    return v;
  }
}

/** An instant held as a number. */
class InstantNumber {
  constructor(readonly ms: number) {}
}
/** An instant held as RFC 3339 text: the second, then `suffix` (a fraction, if any, and `Z`). */
class InstantText {
  constructor(
    readonly ms: number,
    readonly suffix: string,
  ) {}
}
/** Text holding identity tokens: literal parts and token numbers. */
class Tokened {
  constructor(readonly parts: readonly (string | number)[]) {}
}
/**
 * A plain object: its keys in order, and for each its value, primitive (copied as it is) or
 * marked (restored). Restoring adds the keys one by one to a fresh object, which measured
 * faster than spreading a copy of a per-object base (one spread site sees the snapshot's
 * hundreds of shapes).
 */
class PlainRecord {
  constructor(
    readonly keys: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}
/** An array, held as a PlainRecord holds an object: primitives in `base`, the marked elements at `indices`. */
class PlainList {
  constructor(
    readonly base: readonly unknown[],
    readonly indices: readonly number[],
    readonly values: readonly unknown[],
  ) {}
}
/** An object referenced from more than one place: copied once per restore. */
class Shared {
  constructor(
    readonly id: number,
    readonly template: unknown,
  ) {}
}
/** A frozen value: shared by every restored copy as it is. */
class Kept {
  constructor(readonly value: object) {}
}
/** A plain object with identity tokens in its keys (state by pod uid). */
class TokenKeyed {
  constructor(readonly entries: readonly [unknown, unknown][]) {}
}

/** A snapshot's state, marked for restoring (see the module comment). */
export interface Template {
  readonly root: unknown;
  /** How many Shared marks it holds. */
  readonly sharedCount: number;
  /** The numbers of the identity tokens it holds. */
  readonly tokens: ReadonlySet<number>;
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * Marks `value` (the state at `centreMs`) for restoring. Throws for state a snapshot cannot
 * hold: functions, cycles, and identity tokens cut short (an id sliced or hashed while tokens
 * stood in for ids would be wrong once filled).
 */
export function makeTemplate(value: unknown, centreMs: number): Template {
  const lo = centreMs - INSTANT_WINDOW_MS;
  const hi = centreMs + INSTANT_WINDOW_MS;
  // Pass 1: which objects are reached more than once.
  const visits = new Map<object, number>();
  const count = (v: unknown): void => {
    if (typeof v === "function") throw new Error("a snapshot holds data only (found a function)");
    if (typeof v !== "object" || v === null) return;
    const n = visits.get(v) ?? 0;
    visits.set(v, n + 1);
    if (n > 0 || Object.isFrozen(v)) return;
    if (v instanceof Map) for (const [k, x] of v) (count(k), count(x));
    else if (v instanceof Set) for (const x of v) count(x);
    else for (const k of Object.keys(v)) count((v as Record<string, unknown>)[k]);
  };
  count(value);
  // Pass 2: the marked copy.
  const tokens = new Set<number>();
  const sharedIds = new Map<object, Shared>();
  const inProgress = new Set<object>();
  const text = (s: string): unknown => {
    if (s.indexOf(TOKEN_OPEN) !== -1) {
      const parts: (string | number)[] = [];
      let last = 0;
      for (const m of s.matchAll(TOKEN)) {
        if (m.index > last) parts.push(s.slice(last, m.index));
        parts.push(Number(m[1]));
        tokens.add(Number(m[1]));
        last = m.index + m[0].length;
      }
      if (last < s.length) parts.push(s.slice(last));
      if (parts.some((p) => typeof p === "string" && (p.includes(TOKEN_OPEN) || p.includes(TOKEN_CLOSE)))) throw new Error(`a snapshot holds a cut identity token: ${JSON.stringify(s)}`);
      return new Tokened(parts);
    }
    if (s.length >= 20 && s.length <= 30 && RFC3339.test(s)) {
      const ms = Date.parse(s.slice(0, 19) + "Z");
      if (ms >= lo && ms <= hi) return new InstantText(ms, s.slice(19));
    }
    return s;
  };
  const mark = (v: unknown): unknown => {
    if (typeof v === "number") return v >= lo && v <= hi ? new InstantNumber(v) : v;
    if (typeof v === "string") return text(v);
    if (typeof v !== "object" || v === null) return v;
    if (Object.isFrozen(v)) return new Kept(v);
    const shared = (visits.get(v) ?? 0) > 1;
    if (shared) {
      const done = sharedIds.get(v);
      if (done) return done;
    }
    if (inProgress.has(v)) throw new Error("a snapshot holds no cycles");
    inProgress.add(v);
    let out: unknown;
    if (Array.isArray(v)) {
      const base: unknown[] = [];
      const indices: number[] = [];
      const values: unknown[] = [];
      for (let i = 0; i < v.length; i++) {
        const m = mark(v[i]);
        if (typeof m === "object" && m !== null) {
          base.push(null);
          indices.push(i);
          values.push(m);
        } else base.push(m);
      }
      out = new PlainList(base, indices, values);
    } else if (v instanceof Map) out = new Map([...v].map(([k, x]) => [mark(k), mark(x)]));
    else if (v instanceof Set) out = new Set([...v].map(mark));
    else {
      if (Object.getPrototypeOf(v) !== Object.prototype) throw new Error("a snapshot holds plain data only (found a class instance)");
      const keys = Object.keys(v);
      // Restoring assigns keys, and assigning `__proto__` would set the prototype instead.
      if (keys.includes("__proto__")) throw new Error("a snapshot holds plain data only (found a __proto__ key)");
      const from = v as Record<string, unknown>;
      if (keys.some((k) => k.indexOf(TOKEN_OPEN) !== -1)) out = new TokenKeyed(keys.map((k) => [text(k), mark(from[k])]));
      else {
        out = new PlainRecord(keys, keys.map((k) => mark(from[k])));
      }
    }
    inProgress.delete(v);
    if (shared) {
      const s = new Shared(sharedIds.size, out);
      sharedIds.set(v, s);
      return s;
    }
    return out;
  };
  const root = mark(value);
  return { root, sharedCount: sharedIds.size, tokens };
}

/** Builds the state `template` holds, with instants moved by `shiftMs` (whole seconds) and identity tokens filled. */
export function fromTemplate<T>(template: Template, shiftMs: number, identities?: IdentityFiller): T {
  if (shiftMs % 1000 !== 0) throw new Error(`a snapshot moves by whole seconds (asked ${shiftMs} ms)`);
  if (template.tokens.size > 0 && identities === undefined) throw new Error("this snapshot's identities need a filler");
  return new Restorer(shiftMs, identities, template.sharedCount).build(template.root) as T;
}

class Restorer {
  private readonly shared: unknown[];

  constructor(
    private readonly shiftMs: number,
    private readonly identities: IdentityFiller | undefined,
    sharedCount: number,
  ) {
    this.shared = new Array(sharedCount);
  }

  build(t: unknown): unknown {
    if (typeof t !== "object" || t === null) return t;
    if (t instanceof PlainRecord) {
      const out: Record<string, unknown> = {};
      const keys = t.keys;
      const values = t.values;
      for (let i = 0; i < keys.length; i++) {
        const v = values[i];
        out[keys[i]] = typeof v === "object" && v !== null ? this.build(v) : v;
      }
      return out;
    }
    if (t instanceof PlainList) {
      const out = t.base.slice();
      for (let i = 0; i < t.indices.length; i++) out[t.indices[i]] = this.build(t.values[i]);
      return out;
    }
    if (t instanceof InstantText) return t.suffix === "Z" ? rfc3339(t.ms + this.shiftMs) : rfc3339(t.ms + this.shiftMs).slice(0, 19) + t.suffix;
    if (t instanceof InstantNumber) return t.ms + this.shiftMs;
    if (t instanceof Tokened) return this.fill(t);
    if (t instanceof Shared) return (this.shared[t.id] ??= this.build(t.template));
    if (t instanceof Kept) return t.value;
    if (t instanceof Map) {
      const out = new Map();
      for (const [k, v] of t) out.set(this.build(k), this.build(v));
      return out;
    }
    if (t instanceof Set) {
      const out = new Set();
      for (const v of t) out.add(this.build(v));
      return out;
    }
    if (t instanceof TokenKeyed) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of t.entries) out[this.build(k) as string] = this.build(v);
      return out;
    }
    throw new Error("not a snapshot template");
  }

  private fill(t: Tokened): string {
    let out = "";
    for (const p of t.parts) out += typeof p === "number" ? this.identities!.value(p) : p;
    return out;
  }
}
