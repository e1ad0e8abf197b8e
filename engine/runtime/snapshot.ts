/**
 * Copies of a cluster's state, moved in time. A snapshot taken at one instant is restored at
 * another by shifting every instant it holds by the difference: the simulation is
 * time-translation invariant (nothing in the model depends on the calendar), so building a
 * world at T and shifting it to T + Δ gives what building it at T + Δ gives.
 *
 * Instants are recognised by value, not by field name: a number within `INSTANT_WINDOW_MS`
 * of the snapshot's instant is ms since the epoch (no count, duration, port or version comes
 * near 1.7e12), and so is an RFC 3339 UTC string (`2026-03-02T08:00:00Z`, with or without a
 * fraction) within the window, and the hex nanoseconds an Event's name ends in
 * (`web-1.189a8a1181fa5b15`). Shifts are whole seconds, so second-precision strings stay
 * exactly what formatting the shifted instant would print. A snapshot may also name a
 * history boundary: instants before it (a world's back-dated past) move by a shift of their
 * own. The snapshot tests build worlds at many instants and check that shifting one gives
 * each of the others, which is what keeps this rule honest as controllers add state.
 *
 * Two more things move: `resourceVersion` values (by key) are offset by the restore's offset,
 * and identities can be left open: a world built with an `IdentityMarkingRandom` has a token
 * (`\uE000<n>\uE001`, private-use characters no Kubernetes string contains) for every uid,
 * generated name suffix and hex id it drew, and a restore draws each token's value from the
 * restoring seed, wherever the token appears (names, keys, references, env).
 *
 * A snapshot is kept as a template: a program, written once when the snapshot is taken, that
 * rebuilds the state with every instant, token, resourceVersion, object referenced from
 * several places and frozen (shared, immutable) value marked; restoring runs it.
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

const UUID_RECIPE: IdentityRecipe = Object.freeze({ uuid: true });
/** Recipes by length and alphabet, one object each (a world draws hundreds of ids). */
const charsRecipes = new Map<string, IdentityRecipe>();
function charsRecipe(length: number, alphabet: string): IdentityRecipe {
  const key = `${length}\u0000${alphabet}`;
  let r = charsRecipes.get(key);
  if (r === undefined) {
    r = Object.freeze({ length, alphabet });
    if (charsRecipes.size < 256) charsRecipes.set(key, r);
  }
  return r;
}

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
    return this.token(charsRecipe(n, alphabet ?? SAFE_ALPHABET));
  }

  override hex(n: number): string {
    return this.token(charsRecipe(n, "0123456789abcdef"));
  }

  override uuid(): string {
    return this.token(UUID_RECIPE);
  }

  override fork(label: string): Random {
    return new IdentityMarkingRandom((this.nextUint32() ^ fnv1a32(label)) >>> 0, this.recipes);
  }

  /**
   * Fresh tokens of this generator standing in for another snapshot's tokens (same recipes,
   * in token order): restoring that snapshot into a world built with this generator keeps its
   * ids open, to be filled when this world's own snapshot is restored.
   */
  retoken(recipes: readonly IdentityRecipe[]): IdentitySource {
    const values = recipes.map((recipe) => (recipe === null ? "" : this.token(recipe)));
    return {
      value(n: number): string {
        const v = values[n];
        if (!v) throw new Error(`snapshot identity token ${n} has no recipe`);
        return v;
      },
    };
  }
}

/** What a restore fills identity token `n` with. */
export interface IdentitySource {
  value(n: number): string;
}

/** Fills identity tokens from a seed: all values drawn up front, in token order, from one stream, never repeating one. */
export class IdentityFiller implements IdentitySource {
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

/*
 * A template is a program: one flat array, `code`, that a restore reads front to back. A slot
 * holding anything but a number is a value copied as it is (text, booleans, null, undefined);
 * a number is an operation, followed by its operands. Flat, because a snapshot is kept for as
 * long as its scenario is played (one per variant): an object per marked value weighed about
 * three times the state itself.
 */
/** n: a number copied as it is. */
const LIT = 0;
/** shape (an index into `shapes`), then one value per key: a plain object. */
const RECORD = 1;
/** length, then the elements. */
const LIST = 2;
/** ms, history (1 or 0): an instant held as a number, moved. */
const INSTANT = 3;
/** ms, suffix, history: an instant held as RFC 3339 text (the second, then a fraction if any and `Z`), moved. */
const INSTANT_TEXT = 4;
/** count, then the parts: text copied, numbers ≥ 0 identity tokens filled, numbers < 0 addresses (-1 the first) replaced. */
const TOKENED = 5;
/** prefix (a value), ns (a bigint), history: `<prefix>.<hex of ns>`, an Event's name, its instant moved. */
const TIMED_NAME = 6;
/** value, text (1 or 0): a resourceVersion, offset. */
const RESOURCE_VERSION = 7;
/** id, then the value: an object reached from more than one place, built where first reached. */
const SHARED = 8;
/** id: the shared object again. */
const SHARED_REF = 9;
/** the value: frozen, shared by every restored copy as it is. */
const KEPT = 10;
/** size, then keys and values. */
const MAP = 11;
/** size, then values. */
const SET = 12;
/** count, then keys and values: a plain object with identity tokens in its keys (state by pod uid). */
const TOKEN_KEYED = 13;

/** A node of the trie of shapes makeTemplate keeps while it runs. */
interface ShapeNode {
  id?: number;
  next: Map<string, ShapeNode>;
}

/** A snapshot's state, marked for restoring (see the module comment). */
export interface Template {
  readonly code: readonly unknown[];
  /** The key lists of the plain objects it holds, each once. */
  readonly shapes: readonly (readonly string[])[];
  /** How many shared objects it holds. */
  readonly sharedCount: number;
  /** The numbers of the identity tokens it holds. */
  readonly tokens: ReadonlySet<number>;
  /** The addresses of `TemplateOptions.addressRanges` it holds, each once, and the range each is in. */
  readonly addresses: readonly { value: string; range: number }[];
}

/** How a restore moves a template's values. */
export interface TemplateMoves {
  /** Added to every instant (whole seconds). */
  shiftMs: number;
  /** Added instead to instants before the template's history boundary (whole seconds); default `shiftMs`. */
  historyShiftMs?: number;
  /** Added to every `resourceVersion`; default 0. */
  resourceVersionOffset?: number;
  /** What each of `Template.addresses` becomes; default: themselves. */
  addresses?: readonly string[];
}

/** Options of `makeTemplate`. */
export interface TemplateOptions {
  /**
   * Instants before this one are history (the cluster's past before the simulated stretch,
   * back-dated to its creation): a restore can move them by a shift of their own.
   */
  historyBeforeMs?: number;
  /**
   * Address ranges whose addresses a restore may change (pod IPs): a dotted IPv4 address
   * `prefix + n`, lo ≤ n ≤ hi, wherever it stands whole in text, becomes a value the restore
   * supplies (`TemplateMoves.addresses`, by `Template.addresses`).
   */
  addressRanges?: readonly AddressRange[];
}

/** A range of dotted IPv4 addresses: `prefix` (the first three octets and a dot) and the last octet's bounds. */
export interface AddressRange {
  prefix: string;
  lo: number;
  hi: number;
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
/** An event's name: `<object>.<16 hex digits of its instant in ns>`. */
const EVENT_NAME = /\.([0-9a-f]{16})$/;

/**
 * Marks `value` (the state at `centreMs`) for restoring. Throws for state a snapshot cannot
 * hold: functions, cycles, and identity tokens cut short (an id sliced or hashed while tokens
 * stood in for ids would be wrong once filled).
 */
export function makeTemplate(value: unknown, centreMs: number, options: TemplateOptions = {}): Template {
  const lo = centreMs - INSTANT_WINDOW_MS;
  const hi = centreMs + INSTANT_WINDOW_MS;
  const historyBefore = options.historyBeforeMs ?? -Infinity;
  // Pass 1: which objects are reached more than once.
  const visits = new Map<object, number>();
  function count(v: unknown): void {
    if (typeof v === "function") throw new Error("a snapshot holds data only (found a function)");
    if (typeof v !== "object" || v === null) return;
    const n = visits.get(v) ?? 0;
    visits.set(v, n + 1);
    if (n > 0 || Object.isFrozen(v)) return;
    if (v instanceof Map) for (const [k, x] of v) (count(k), count(x));
    else if (v instanceof Set) for (const x of v) count(x);
    else for (const k of Object.keys(v)) count((v as Record<string, unknown>)[k]);
  }
  count(value);
  // Pass 2: the program.
  const code: unknown[] = [];
  const shapes: string[][] = [];
  // Shapes found by walking their keys (a trie): no key list is joined to look one up.
  const shapeRoot: ShapeNode = { next: new Map() };
  const tokens = new Set<number>();
  const sharedIds = new Map<object, number>();
  const inProgress = new Set<object>();
  const ranges = options.addressRanges ?? [];
  const addresses: { value: string; range: number }[] = [];
  const addressIds = new Map<string, number>();
  /** Frozen values found to hold no address of `ranges` (looked through once per snapshot). */
  const addressFree = new WeakSet<object>();
  /** Splits `s` at the addresses of `ranges` it holds: text, and -(index + 1) for each address; undefined when it holds none. */
  function addressParts(s: string): (string | number)[] | undefined {
    if (ranges.length === 0 || !ranges.some((r) => s.indexOf(r.prefix) !== -1)) return undefined;
    let parts: (string | number)[] | undefined;
    let last = 0;
    for (const m of s.matchAll(DOTTED_IPV4)) {
      const value = m[0];
      let id = addressIds.get(value);
      if (id === undefined) {
        const dot = value.lastIndexOf(".");
        const octet = Number(value.slice(dot + 1));
        const range = ranges.findIndex((r) => value.slice(0, dot + 1) === r.prefix && octet >= r.lo && octet <= r.hi);
        if (range === -1) continue;
        id = addresses.length;
        addresses.push({ value, range });
        addressIds.set(value, id);
      }
      parts ??= [];
      if (m.index > last) parts.push(s.slice(last, m.index));
      parts.push(-(id + 1));
      last = m.index + value.length;
    }
    if (parts && last < s.length) parts.push(s.slice(last));
    return parts;
  }
  function shapeOf(keys: string[]): number {
    let node = shapeRoot;
    for (let i = 0; i < keys.length; i++) {
      let next = node.next.get(keys[i]);
      if (next === undefined) {
        next = { next: new Map() };
        node.next.set(keys[i], next);
      }
      node = next;
    }
    if (node.id === undefined) {
      node.id = shapes.length;
      shapes.push(keys);
    }
    return node.id;
  }
  function text(s: string): void {
    if (s.length > 17 && s.charCodeAt(s.length - 17) === 46 /* . */) {
      const m = EVENT_NAME.exec(s);
      if (m) {
        const ns = BigInt(`0x${m[1]}`);
        const ms = Number(ns / 1_000_000n);
        if (ms >= lo && ms <= hi) {
          code.push(TIMED_NAME);
          text(s.slice(0, m.index));
          code.push(ns, ms < historyBefore ? 1 : 0);
          return;
        }
      }
    }
    const tokened = s.indexOf(TOKEN_OPEN) !== -1;
    const withAddresses = addressParts(s);
    if (tokened || withAddresses) {
      let parts: (string | number)[] = withAddresses ?? [s];
      if (tokened) {
        parts = parts.flatMap((part) => {
          if (typeof part !== "string") return [part];
          const split: (string | number)[] = [];
          let last = 0;
          for (const m of part.matchAll(TOKEN)) {
            if (m.index > last) split.push(part.slice(last, m.index));
            split.push(Number(m[1]));
            tokens.add(Number(m[1]));
            last = m.index + m[0].length;
          }
          if (last < part.length) split.push(part.slice(last));
          return split;
        });
        if (parts.some((p) => typeof p === "string" && (p.includes(TOKEN_OPEN) || p.includes(TOKEN_CLOSE)))) throw new Error(`a snapshot holds a cut identity token: ${JSON.stringify(s)}`);
      }
      code.push(TOKENED, parts.length, ...parts.map((p) => (typeof p === "string" ? intern(p) : p)));
      return;
    }
    // 2026-03-02T08:00:00Z: looked at closely only when the dash, the T and the Z are in place.
    if (s.length >= 20 && s.length <= 30 && s.charCodeAt(4) === 45 && s.charCodeAt(10) === 84 && s.charCodeAt(s.length - 1) === 90 && RFC3339.test(s)) {
      const ms = Date.parse(s.slice(0, 19) + "Z");
      if (ms >= lo && ms <= hi) {
        code.push(INSTANT_TEXT, ms, s.slice(19), ms < historyBefore ? 1 : 0);
        return;
      }
    }
    code.push(intern(s));
  }
  function emit(v: unknown): void {
    if (typeof v === "number") {
      if (v >= lo && v <= hi) code.push(INSTANT, v, v < historyBefore ? 1 : 0);
      else code.push(LIT, v);
      return;
    }
    if (typeof v === "string") return text(v);
    if (typeof v !== "object" || v === null) {
      code.push(v);
      return;
    }
    if (Object.isFrozen(v)) {
      if (holdsText(v, holdsTokenText, tokenFree)) throw new Error("a snapshot holds no identity token in a frozen (shared) value");
      if (ranges.length > 0 && holdsText(v, (t) => addressParts(t) !== undefined, addressFree)) throw new Error("a snapshot holds no changing address in a frozen (shared) value");
      code.push(KEPT, v);
      return;
    }
    // Only an object reached more than once can be on a cycle: only those are tracked.
    const shared = (visits.get(v) ?? 0) > 1;
    if (shared) {
      if (inProgress.has(v)) throw new Error("a snapshot holds no cycles");
      const id = sharedIds.get(v);
      if (id !== undefined) {
        code.push(SHARED_REF, id);
        return;
      }
      sharedIds.set(v, sharedIds.size);
      code.push(SHARED, sharedIds.size - 1);
      inProgress.add(v);
    }
    if (Array.isArray(v)) {
      code.push(LIST, v.length);
      for (let i = 0; i < v.length; i++) emit(v[i]);
    } else if (v instanceof Map) {
      code.push(MAP, v.size);
      for (const [k, x] of v) (emit(k), emit(x));
    } else if (v instanceof Set) {
      code.push(SET, v.size);
      for (const x of v) emit(x);
    } else {
      if (Object.getPrototypeOf(v) !== Object.prototype) throw new Error("a snapshot holds plain data only (found a class instance)");
      const keys = Object.keys(v);
      // Restoring assigns keys, and assigning `__proto__` would set the prototype instead.
      if (keys.includes("__proto__")) throw new Error("a snapshot holds plain data only (found a __proto__ key)");
      const from = v as Record<string, unknown>;
      let tokenKeys = false;
      for (let i = 0; i < keys.length && !tokenKeys; i++) tokenKeys = keys[i].indexOf(TOKEN_OPEN) !== -1 || addressParts(keys[i]) !== undefined;
      if (tokenKeys) {
        code.push(TOKEN_KEYED, keys.length);
        for (const k of keys) (text(k), emit(from[k]));
      } else {
        code.push(RECORD, shapeOf(keys));
        for (const k of keys) {
          const x = from[k];
          if (k === "resourceVersion" && isResourceVersion(x)) code.push(RESOURCE_VERSION, Number(x), typeof x === "string" ? 1 : 0);
          else emit(x);
        }
      }
    }
    if (shared) inProgress.delete(v);
  }
  emit(value);
  return { code, shapes, sharedCount: sharedIds.size, tokens, addresses };
}

/**
 * One copy of each text templates hold: the variants of a scenario, and scenarios among
 * themselves, hold mostly the same names, images and messages. Bounded.
 */
const interned = new Map<string, string>();
function intern(s: string): string {
  const seen = interned.get(s);
  if (seen !== undefined) return seen;
  if (interned.size >= 200_000) interned.clear();
  interned.set(s, s);
  return s;
}

/** Whether `v` is a resourceVersion's value (a decimal string or a number). */
function isResourceVersion(v: unknown): boolean {
  if (typeof v === "number") return Number.isSafeInteger(v) && v >= 0;
  return typeof v === "string" && v.length > 0 && v.length < 16 && /^\d+$/.test(v);
}

/** A dotted IPv4 address standing whole (no digit or dot before it, no digit after it). */
const DOTTED_IPV4 = /(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\d)/g;

/**
 * Whether a value holds, anywhere (keys included), a text `test` accepts. Frozen objects found
 * to hold none are remembered in `clean` (they are shared and never change).
 */
function holdsText(v: unknown, test: (s: string) => boolean, clean: WeakSet<object>): boolean {
  if (typeof v === "string") return test(v);
  if (typeof v !== "object" || v === null || clean.has(v)) return false;
  const values = v instanceof Map ? [...v.keys(), ...v.values()] : v instanceof Set ? [...v] : [...Object.keys(v), ...Object.values(v)];
  if (values.some((x) => holdsText(x, test, clean))) return true;
  if (Object.isFrozen(v)) clean.add(v);
  return false;
}

/** Frozen values found to hold no identity token (its copies are shared, so a token could never be filled). */
const tokenFree = new WeakSet<object>();
const holdsTokenText = (s: string): boolean => s.indexOf(TOKEN_OPEN) !== -1;

/**
 * Builds the state `template` holds, with instants moved (whole seconds), resourceVersions
 * offset and identity tokens filled. `moves` may be a number: the shift of every instant.
 */
export function fromTemplate<T>(template: Template, moves: number | TemplateMoves, identities?: IdentitySource): T {
  const m = typeof moves === "number" ? { shiftMs: moves } : moves;
  const historyShiftMs = m.historyShiftMs ?? m.shiftMs;
  for (const shift of [m.shiftMs, historyShiftMs]) if (shift % 1000 !== 0) throw new Error(`a snapshot moves by whole seconds (asked ${shift} ms)`);
  if (template.tokens.size > 0 && identities === undefined) throw new Error("this snapshot's identities need a filler");
  const addresses = m.addresses ?? template.addresses.map((a) => a.value);
  if (addresses.length !== template.addresses.length) throw new Error(`this snapshot holds ${template.addresses.length} addresses (given ${addresses.length})`);
  return new Restorer(template, m.shiftMs, historyShiftMs, m.resourceVersionOffset ?? 0, identities, addresses).read() as T;
}

/** Reads a template's program once, building the state. */
class Restorer {
  private pc = 0;
  private readonly code: readonly unknown[];
  private readonly shapes: readonly (readonly string[])[];
  private readonly shared: unknown[];

  constructor(
    template: Template,
    private readonly shiftMs: number,
    private readonly historyShiftMs: number,
    private readonly resourceVersionOffset: number,
    private readonly identities: IdentitySource | undefined,
    private readonly addresses: readonly string[],
  ) {
    this.code = template.code;
    this.shapes = template.shapes;
    this.shared = new Array(template.sharedCount);
  }

  read(): unknown {
    const code = this.code;
    const op = code[this.pc++];
    if (typeof op !== "number") return op;
    switch (op) {
      case LIT:
        return code[this.pc++];
      case RECORD: {
        const keys = this.shapes[code[this.pc++] as number];
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const v = code[this.pc];
          if (typeof v === "number") out[keys[i]] = this.read();
          else {
            out[keys[i]] = v;
            this.pc++;
          }
        }
        return out;
      }
      case LIST: {
        const n = code[this.pc++] as number;
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) {
          const v = code[this.pc];
          if (typeof v === "number") out.push(this.read());
          else {
            out.push(v);
            this.pc++;
          }
        }
        return out;
      }
      case INSTANT: {
        const ms = code[this.pc++] as number;
        return ms + (code[this.pc++] ? this.historyShiftMs : this.shiftMs);
      }
      case INSTANT_TEXT: {
        const ms = code[this.pc++] as number;
        const suffix = code[this.pc++] as string;
        const at = ms + (code[this.pc++] ? this.historyShiftMs : this.shiftMs);
        return suffix === "Z" ? rfc3339(at) : rfc3339(at).slice(0, 19) + suffix;
      }
      case TOKENED: {
        const n = code[this.pc++] as number;
        let out = "";
        for (let i = 0; i < n; i++) {
          const p = code[this.pc++];
          out += typeof p !== "number" ? (p as string) : p >= 0 ? this.identities!.value(p) : this.addresses[-p - 1];
        }
        return out;
      }
      case TIMED_NAME: {
        const prefix = this.read() as string;
        const ns = code[this.pc++] as bigint;
        const shift = code[this.pc++] ? this.historyShiftMs : this.shiftMs;
        return `${prefix}.${(ns + BigInt(shift) * 1_000_000n).toString(16)}`;
      }
      case RESOURCE_VERSION: {
        const v = (code[this.pc++] as number) + this.resourceVersionOffset;
        return code[this.pc++] ? String(v) : v;
      }
      case SHARED: {
        const id = code[this.pc++] as number;
        const v = this.read();
        this.shared[id] = v;
        return v;
      }
      case SHARED_REF:
        return this.shared[code[this.pc++] as number];
      case KEPT:
        return code[this.pc++];
      case MAP: {
        const n = code[this.pc++] as number;
        const out = new Map<unknown, unknown>();
        for (let i = 0; i < n; i++) {
          const k = this.read();
          out.set(k, this.read());
        }
        return out;
      }
      case SET: {
        const n = code[this.pc++] as number;
        const out = new Set<unknown>();
        for (let i = 0; i < n; i++) out.add(this.read());
        return out;
      }
      case TOKEN_KEYED: {
        const n = code[this.pc++] as number;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
          const k = this.read() as string;
          out[k] = this.read();
        }
        return out;
      }
    }
    throw new Error("not a snapshot template");
  }
}
