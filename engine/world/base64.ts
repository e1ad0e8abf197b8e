/**
 * Base64 as the API stores Secret data, decoded to UTF-8 text without Node's Buffer, so the
 * engine runs unchanged in a browser.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;
LOOKUP["-".charCodeAt(0)] = 62;
LOOKUP["_".charCodeAt(0)] = 63;

/** Decodes standard or URL-safe base64 to bytes; undefined when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s=]+/g, "");
  if (clean.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c] : -1;
    if (v < 0) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, j);
}

/** One UTF-8 decoder for every call (it keeps no state between whole-buffer decodes). */
const UTF8 = new TextDecoder();

/** Decoded texts by base64 text (null: not base64): a pure function asked at every container start. Bounded. */
const decodedByText = new Map<string, string | null>();

/** Decodes base64 to UTF-8 text; undefined when it is not base64. */
export function decodeBase64(text: string): string | undefined {
  let decoded = decodedByText.get(text);
  if (decoded === undefined) {
    const bytes = base64ToBytes(text);
    decoded = bytes ? UTF8.decode(bytes) : null;
    if (decodedByText.size >= 5_000) decodedByText.clear();
    decodedByText.set(text, decoded);
  }
  return decoded ?? undefined;
}

/** Encodes UTF-8 text as standard base64. */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : "=";
  }
  return out;
}
