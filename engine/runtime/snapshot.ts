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
 * Identities can be left open the same way: a world built with an `IdentityMarkingRandom`
 * has a token (`\uE000<n>\uE001`, private-use characters no Kubernetes string contains) for
 * every uid, generated name suffix and hex id it drew, and a restore draws each token's value
 * from the restoring seed, wherever the token appears (names, keys, references, env).
 */
import { fnv1a32, Random, SAFE_ALPHABET as SAFE_ALPHABET_FOR_TOKENS } from "./random";

/** How far from the snapshot's instant a value still counts as an instant (±400 days). */
export const INSTANT_WINDOW_MS = 400 * 86_400_000;

/** How to draw the value of one identity token: a uuid, or `length` characters of `alphabet`. */
export type IdentityRecipe = { uuid: true } | { length: number; alphabet: string };

const TOKEN_OPEN = "\uE000";
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
    return `${TOKEN_OPEN}${this.recipes.length - 1}\uE001`;
  }

  override chars(n: number, alphabet?: string): string {
    return this.token({ length: n, alphabet: alphabet ?? SAFE_ALPHABET_FOR_TOKENS });
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

/** Fills identity tokens from a seed: token n's value depends only on (seed, n, its recipe), never repeating one. */
export class IdentityFiller {
  private readonly values = new Map<number, string>();
  private readonly used = new Set<string>();

  constructor(
    private readonly seed: number,
    private readonly recipes: readonly IdentityRecipe[],
  ) {}

  value(n: number): string {
    let v = this.values.get(n);
    if (v === undefined) {
      const recipe = this.recipes[n];
      if (recipe === undefined) throw new Error(`snapshot identity token ${n} has no recipe`);
      const rng = new Random(`${this.seed}\u0000identity\u0000${n}`);
      do v = "uuid" in recipe ? rng.uuid() : rng.chars(recipe.length, recipe.alphabet);
      while (this.used.has(v));
      this.used.add(v);
      this.values.set(n, v);
    }
    return v;
  }
}

/**
 * Deep copies `value` (shared references stay shared), adding `shiftMs` to every instant near
 * `centreMs` and, with `identities`, replacing identity tokens by their values.
 */
export function copyShifted<T>(value: T, centreMs: number, shiftMs: number, identities?: IdentityFiller): T {
  if (shiftMs % 1000 !== 0) throw new Error(`a snapshot moves by whole seconds (asked ${shiftMs} ms)`);
  return new Copier(centreMs, shiftMs, identities).copy(value) as T;
}

/** A string's identity tokens, checked whole: an id cut or hashed while tokens stood in for ids would be wrong once filled. */
function checkTokens(s: string): string {
  const rest = s.replace(TOKEN, "");
  if (rest.includes(TOKEN_OPEN) || rest.includes("\uE001")) throw new Error(`a snapshot holds a cut identity token: ${JSON.stringify(s)}`);
  return s;
}

class Copier {
  private readonly seen = new Map<object, unknown>();
  /** Time strings already moved (a world repeats a few instants many times). */
  private readonly strings = new Map<string, string>();
  private readonly lo: number;
  private readonly hi: number;

  constructor(
    centreMs: number,
    private readonly shiftMs: number,
    private readonly identities: IdentityFiller | undefined,
  ) {
    this.lo = centreMs - INSTANT_WINDOW_MS;
    this.hi = centreMs + INSTANT_WINDOW_MS;
  }

  copy(v: unknown): unknown {
    switch (typeof v) {
      case "number":
        return this.shiftMs !== 0 && v >= this.lo && v <= this.hi ? v + this.shiftMs : v;
      case "string":
        if (v.indexOf(TOKEN_OPEN) !== -1) return this.identities !== undefined ? this.fillString(v) : checkTokens(v);
        return this.shiftMs !== 0 ? this.shiftString(v) : v;
      case "object":
        return v === null ? v : this.copyObject(v);
      case "function":
        throw new Error("a snapshot holds data only (found a function)");
      default:
        return v;
    }
  }

  private shiftString(s: string): string {
    // 2026-03-02T08:00:00Z or 2026-03-02T08:00:00.123456Z
    if (s.length < 20 || s.length > 30 || s.charCodeAt(4) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(s.length - 1) !== 90) return s;
    let out = this.strings.get(s);
    if (out === undefined) {
      const ms = Date.parse(s.slice(0, 19) + "Z");
      out = ms >= this.lo && ms <= this.hi ? new Date(ms + this.shiftMs).toISOString().slice(0, 19) + s.slice(19) : s;
      this.strings.set(s, out);
    }
    return out;
  }

  private fillString(s: string): string {
    let out = this.strings.get(s);
    if (out === undefined) {
      const filler = this.identities!;
      out = s.replace(TOKEN, (_token, n: string) => filler.value(Number(n)));
      this.strings.set(s, out);
    }
    return out;
  }

  private copyObject(o: object): unknown {
    const done = this.seen.get(o);
    if (done !== undefined) return done;
    // Frozen values are shared immutable data (parsed images, quantities): kept as they are.
    if (Object.isFrozen(o)) return o;
    if (Array.isArray(o)) {
      const out: unknown[] = new Array(o.length);
      this.seen.set(o, out);
      for (let i = 0; i < o.length; i++) out[i] = this.copy(o[i]);
      return out;
    }
    if (o instanceof Map) {
      const out = new Map();
      this.seen.set(o, out);
      for (const [k, v] of o) out.set(this.copy(k), this.copy(v));
      return out;
    }
    if (o instanceof Set) {
      const out = new Set();
      this.seen.set(o, out);
      for (const v of o) out.add(this.copy(v));
      return out;
    }
    const proto = Object.getPrototypeOf(o);
    const out: Record<string, unknown> = proto === Object.prototype ? {} : Object.create(proto);
    this.seen.set(o, out);
    const from = o as Record<string, unknown>;
    for (const k in from) {
      if (!Object.hasOwn(from, k)) continue;
      // Keys can hold identities too (state by pod uid); instants are never keys.
      const key = k.indexOf(TOKEN_OPEN) === -1 ? k : this.identities !== undefined ? this.fillString(k) : checkTokens(k);
      out[key] = this.copy(from[k]);
    }
    return out;
  }
}
