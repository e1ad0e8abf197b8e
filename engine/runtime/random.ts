/**
 * Seeded randomness for the engine. Every random choice (uids, pod name suffixes, IPs, variant
 * parameters) comes from one of these generators, so the same seed gives the same cluster.
 */

/** The alphabet Kubernetes uses for generated name suffixes and pod-template hashes (no vowels, no lookalikes). */
export const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** Character codes by alphabet (a handful of constant alphabets). */
const alphabetCodes = new Map<string, number[]>();
function charCodesOf(alphabet: string): number[] {
  let codes = alphabetCodes.get(alphabet);
  if (codes === undefined) {
    codes = [];
    for (let i = 0; i < alphabet.length; i++) codes.push(alphabet.charCodeAt(i));
    if (alphabetCodes.size < 64) alphabetCodes.set(alphabet, codes);
  }
  return codes;
}
/** Scratch space for `chars` (ids are at most 64 characters). */
const CODE_BUFFER: number[] = new Array<number>(64).fill(0);
/** Character codes of the hex digits and of a UUID's variant digit, and scratch space for `uuid`'s digits. */
const HEX_CODES = charCodesOf("0123456789abcdef");
const VARIANT_CODES = charCodesOf("89ab");
const UUID_DIGITS: number[] = new Array<number>(32).fill(0);

/** A small, fast, deterministic PRNG (sfc32) with helpers. */
export class Random {
  /**
   * The generator's four 32-bit words (a, b, c, d). In an Int32Array, not four fields: most
   * of their values are outside V8's small-integer range, so fields would hold them boxed.
   */
  private readonly s = new Int32Array(4);

  constructor(seed: number | string) {
    const h = typeof seed === "number" ? seed >>> 0 : fnv1a32(seed);
    const s = this.s;
    s[0] = 0x9e3779b9;
    s[1] = 0x243f6a88;
    s[2] = 0xb7e15162;
    s[3] = h ^ 0xdeadbeef;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** A string of `n` characters from `alphabet`. */
  chars(n: number, alphabet = SAFE_ALPHABET): string {
    // Built from character codes in one flat string (ids are read, hashed and sliced later).
    const codes = charCodesOf(alphabet);
    const out = n <= CODE_BUFFER.length ? CODE_BUFFER : new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = codes[Math.floor(this.next() * codes.length)];
    return n <= CODE_BUFFER.length ? String.fromCharCode.apply(null, out.slice(0, n)) : String.fromCharCode.apply(null, out);
  }

  /** Lower-case hex of `n` characters. */
  hex(n: number): string {
    return this.chars(n, "0123456789abcdef");
  }

  /**
   * A random (version 4 shaped) UUID: 32 hex digits drawn as `hex(32)` draws them, then the
   * variant; the 13th digit becomes the version `4` and the 17th the variant.
   */
  uuid(): string {
    const d = UUID_DIGITS;
    for (let i = 0; i < 32; i++) d[i] = HEX_CODES[Math.floor(this.next() * 16)];
    const v = VARIANT_CODES[this.int(0, 3)];
    // One string from its character codes (the uuid's dashes are 45, the version `4` is 52).
    // prettier-ignore
    return String.fromCharCode(
      d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], 45,
      d[8], d[9], d[10], d[11], 45,
      52, d[13], d[14], d[15], 45,
      v, d[17], d[18], d[19], 45,
      d[20], d[21], d[22], d[23], d[24], d[25], d[26], d[27], d[28], d[29], d[30], d[31],
    );
  }

  /** A child generator whose stream is independent of later draws from this one. */
  fork(label: string): Random {
    return new Random((this.nextUint32() ^ fnv1a32(label)) >>> 0);
  }
}

/** 32-bit FNV-1a of a string (used for pod-template hashes, as Kubernetes does). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Kubernetes' `rand.SafeEncodeString` applied to a decimal hash, as the deployment controller
 * does to name ReplicaSets (`web-7d4b9c6f8d`).
 */
export function safeEncode(value: number): string {
  const digits = String(value >>> 0);
  let out = "";
  for (let i = 0; i < digits.length; i++) out += SAFE_ALPHABET[digits.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}
