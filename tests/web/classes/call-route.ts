/**
 * Calls an App Router route handler in-process, as Next.js would for a real HTTP
 * request: inside Next's request scope (so `headers()` and `cookies()` work and
 * next-auth reads the session cookie), with a genuine next-auth JWT session cookie
 * for the given user. Nothing is mocked: the handler, its wrapper, next-auth and the
 * database all run for real.
 */
import "./async-local-storage";
import { encode } from "next-auth/jwt";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A user to call as (null: anonymous). */
export type Caller = { id: string } | null;

async function sessionCookie(caller: Caller): Promise<string | undefined> {
  if (!caller) return undefined;
  const token = await encode({ token: { sub: caller.id }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

/** Options for {@link callRoute}. */
export interface CallRouteOptions {
  method?: string;
  params?: Record<string, string>;
  body?: unknown;
  url?: string;
}

/** Runs `handler` for `caller`; returns the Response it produced. */
export async function callRoute(handler: Handler, caller: Caller, options: CallRouteOptions = {}): Promise<Response> {
  const headers = new Headers();
  const cookie = await sessionCookie(caller);
  if (cookie) headers.set("cookie", cookie);
  if (options.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(options.url ?? "http://localhost/api/test", {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const cookies = new RequestCookies(headers);
  const workStore = { route: "/test", isStaticGeneration: false, forceStatic: false, dynamicShouldError: false, page: "/test" };
  const unitStore = {
    type: "request",
    phase: "action",
    headers,
    cookies,
    mutableCookies: cookies,
    userspaceMutableCookies: cookies,
    draftMode: undefined,
    implicitTags: undefined,
  };
  return workAsyncStorage.run(workStore as never, () =>
    workUnitAsyncStorage.run(unitStore as never, () => handler(request, { params: Promise.resolve(options.params ?? {}) })),
  );
}
