/** Base64 of UTF-8 text and back, without Node's Buffer (the engine also runs in browsers). */

/** Standard base64 of the UTF-8 bytes of `text`. */
export function base64Encode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** The position of the first byte Go's base64 decoder rejects in `data`, or -1 when valid. */
export function base64ErrorAt(data: string): number {
  const valid = /^[A-Za-z0-9+/]*$/;
  const body = data.replace(/=+$/, "");
  for (let i = 0; i < body.length; i++) if (!valid.test(body[i])) return i;
  if (data.length % 4 !== 0) return data.length - (data.length % 4);
  return -1;
}
