import { decode } from "next-auth/jwt";

/** How many decoded session cookies are remembered (one per active learner is plenty). */
const CAPACITY = 10_000;

interface DecodedSession {
  userId: string | null;
  /** When the token stops being valid, epoch ms (its `exp` claim). */
  expiresAtMs: number;
}

const decoded = new Map<string, DecodedSession>();

/** The session cookie's name, as next-auth names it (reading NEXTAUTH_URL when asked, as it does): `__Secure-` prefixed over https. */
function cookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

function readCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

/** The session token of a request: next-auth's cookie, or its chunks `.0`, `.1`, … joined in order. */
function sessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  const cookies = readCookies(header);
  const name = cookieName();
  const whole = cookies.get(name);
  if (whole) return whole;
  let token = "";
  for (let i = 0; cookies.has(`${name}.${i}`); i++) token += cookies.get(`${name}.${i}`);
  return token || null;
}

/**
 * The user id in the request's next-auth session cookie, or null: the same answer as
 * `getServerSession` gives (the token's `sub`, while the token is valid) without reading
 * the user row, for hot routes whose queries are scoped to the user anyway. Decrypting a
 * token (HKDF + AES-GCM) costs more than the rest of a command, so each token is
 * decrypted once and remembered until it expires; only tokens that decrypted (and so
 * were issued with our secret) are remembered.
 */
export async function sessionUserId(request: Request, nowMs: number = Date.now()): Promise<string | null> {
  const token = sessionToken(request);
  const secret = process.env.NEXTAUTH_SECRET; // next-auth's own source of the secret
  if (!token || !secret) return null;

  const known = decoded.get(token);
  if (known) {
    if (known.expiresAtMs > nowMs) return known.userId;
    decoded.delete(token);
    return null;
  }

  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret });
  } catch {
    return null; // not ours, tampered with, or malformed: signed out
  }
  const expiresAtMs = typeof payload?.exp === "number" ? payload.exp * 1000 : 0;
  if (!payload || expiresAtMs <= nowMs) return null;
  const userId = typeof payload.sub === "string" && payload.sub ? payload.sub : null;

  decoded.set(token, { userId, expiresAtMs });
  if (decoded.size > CAPACITY) decoded.delete(decoded.keys().next().value as string);
  return userId;
}
