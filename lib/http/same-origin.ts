import { ApiError } from "./errors";

/** Methods that change nothing, which cross-site requests may use. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The message of the 403 answered to a cross-site state-changing request. */
export const CROSS_SITE_REFUSED =
  "Cross-site request refused: this API only accepts changes sent from crashcourse's own pages.";

function hostsOf(request: Request): Set<string> {
  const hosts = new Set<string>();
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = request.headers.get("host")?.trim();
  for (const h of [forwarded, host]) if (h) hosts.add(h.toLowerCase());
  try {
    hosts.add(new URL(request.url).host.toLowerCase());
  } catch {
    // a relative URL: the headers decide
  }
  const canonical = process.env.NEXTAUTH_URL;
  if (canonical) {
    try {
      hosts.add(new URL(canonical).host.toLowerCase());
    } catch {
      // not a URL: ignored (lib/env.ts validates it at start)
    }
  }
  return hosts;
}

/**
 * Why a state-changing request is cross-site, or null when it may proceed. Browsers
 * send `Sec-Fetch-Site` and `Origin` on every POST/PUT/PATCH/DELETE; a request must say
 * `same-origin` (or `none`: typed by the user) and come from this host. Requests with
 * neither header (curl, server-to-server) are not from a browser and carry no ambient
 * cookie risk, so they pass; JSON-only bodies and SameSite=Lax cookies stay as further layers.
 */
export function crossSiteReason(request: Request): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("sec-fetch-site")?.toLowerCase();
  if (site && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site is ${site}`;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let originHost: string;
  try {
    const parsed = new URL(origin);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return `Origin ${origin} is not a web origin`;
    originHost = parsed.host.toLowerCase();
  } catch {
    return `Origin ${origin.slice(0, 100)} is not a web origin`;
  }
  return hostsOf(request).has(originHost) ? null : `Origin ${originHost} is not this site`;
}

/** Throws a 403 ApiError for a cross-site state-changing request (see {@link crossSiteReason}). */
export function assertSameOrigin(request: Request): void {
  if (crossSiteReason(request) !== null) throw new ApiError("forbidden", CROSS_SITE_REFUSED);
}
