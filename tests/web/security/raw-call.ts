/**
 * Calls an App Router route handler in-process with full control of the request:
 * method, headers (Origin, Sec-Fetch-Site, X-Forwarded-For, cookies), a raw body and
 * route params. Like tests/web/classes/call-route.ts it runs the handler inside Next's
 * request scope, so next-auth and `headers()`/`cookies()` work, and nothing is mocked.
 */
import "../classes/async-local-storage";
import fs from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

/** A route handler as Next.js calls it. */
export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Options for {@link rawCall}. */
export interface RawCallOptions {
  method?: string;
  /** Full URL; its origin is the site (http://localhost unless given). */
  url?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  params?: Record<string, string | string[]>;
  /** Signs the request in as this user with a genuine next-auth session cookie. */
  userId?: string;
  /** Extra cookies (name → value), e.g. next-auth's CSRF cookie. */
  cookies?: Record<string, string>;
}

/** The session cookie's name: `__Secure-` prefixed when NEXTAUTH_URL is https, as next-auth does. */
export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** A signed session cookie value for `userId`. */
export async function sessionToken(userId: string): Promise<string> {
  return encode({ token: { sub: userId }, secret: process.env.NEXTAUTH_SECRET! });
}

/** Runs `handler` with the request described by `options`; returns its Response. */
export async function rawCall(handler: RouteHandler, options: RawCallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  const cookies: Record<string, string> = { ...options.cookies };
  if (options.userId) cookies[sessionCookieName()] = await sessionToken(options.userId);
  const cookieHeader = Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; ");
  if (cookieHeader) headers.set("cookie", cookieHeader);
  const url = options.url ?? "http://localhost/api/test";
  if (!headers.has("host")) headers.set("host", new URL(url).host);
  const method = options.method ?? "GET";
  const request = new NextRequest(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : (options.body as BodyInit | undefined) });
  const requestCookies = new RequestCookies(headers);
  const workStore = { route: "/test", isStaticGeneration: false, forceStatic: false, dynamicShouldError: false, page: "/test" };
  const unitStore = {
    type: "request",
    phase: "action",
    headers,
    cookies: requestCookies,
    mutableCookies: requestCookies,
    userspaceMutableCookies: requestCookies,
    draftMode: undefined,
    implicitTags: undefined,
  };
  return workAsyncStorage.run(workStore as never, () =>
    workUnitAsyncStorage.run(unitStore as never, () => handler(request, { params: Promise.resolve(options.params ?? {}) })),
  );
}

/** Cookies set by a response: name → { value, attributes (lower-cased) }. */
export function setCookies(response: Response): Map<string, { value: string; attributes: string[] }> {
  const out = new Map<string, { value: string; attributes: string[] }>();
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";").map((s) => s.trim());
    const eq = pair.indexOf("=");
    out.set(pair.slice(0, eq), { value: pair.slice(eq + 1), attributes: attributes.map((a) => a.toLowerCase()) });
  }
  return out;
}

const root = path.resolve(import.meta.dirname, "../../..");

/** One API route file: its URL pattern (`/api/classes/[id]`), its module path and dynamic segments. */
export interface ApiRouteFile {
  pattern: string;
  file: string;
  segments: string[];
}

/** Every `route.ts` under app/api, found on disk, so a new route is covered without editing a list. */
export function apiRouteFiles(): ApiRouteFile[] {
  const out: ApiRouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" || entry.name === "route.tsx") {
        const rel = path.relative(path.join(root, "app"), path.dirname(full)).split(path.sep);
        out.push({
          pattern: "/" + rel.join("/"),
          file: full,
          segments: rel.filter((s) => s.startsWith("[")).map((s) => s.replace(/^\[(\.\.\.)?/, "").replace(/\]$/, "")),
        });
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The HTTP method handlers a route module exports. */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
