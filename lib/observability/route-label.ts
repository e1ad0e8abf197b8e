/** Route params as Next.js hands them to a route handler. */
export type RouteParams = Record<string, string | string[] | undefined>;

/** Segments that name one record (cuid, uuid, number) rather than a route. */
const ID_SEGMENT = /^(?:c[a-z0-9]{20,32}|[a-z0-9]{24,40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i;

/**
 * The route pattern of a request path, for metric labels, so one route is one series however
 * many attempts exist: segments holding a route param become `[name]` (`[...name]` for a
 * catch-all); without params, id-like segments become `[id]`
 * (`/api/attempts/cm1x…/actions` → `/api/attempts/[id]/actions`). Query strings and
 * trailing slashes are dropped.
 */
export function routeLabel(pathname: string, params?: RouteParams): string {
  const path = pathname.split("?")[0] ?? "";
  const segments = path.split("/").filter((s) => s.length > 0).map(safeDecode);
  const byValue = new Map<string, string>();
  const catchAll: [string, string[]][] = [];
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === "string") byValue.set(value, `[${name}]`);
    else if (Array.isArray(value) && value.length > 0) catchAll.push([name, value]);
  }
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const match = catchAll.find(([, parts]) => parts.every((part, j) => segments[i + j] === part));
    if (match) {
      out.push(`[...${match[0]}]`);
      i += match[1].length - 1;
      continue;
    }
    const segment = segments[i];
    out.push(byValue.get(segment) ?? (ID_SEGMENT.test(segment) ? "[id]" : segment));
  }
  return "/" + out.join("/");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
