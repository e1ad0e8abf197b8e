/** Segments that name one record (cuid, uuid, number) rather than a route. */
const ID_SEGMENT = /^(?:c[a-z0-9]{20,32}|[a-z0-9]{24,40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+)$/i;

/**
 * The route pattern of a request path, for metric labels: id-like segments become `[id]`
 * (`/api/attempts/cm1x…/actions` → `/api/attempts/[id]/actions`), so one route is one series
 * however many attempts exist. Query strings and trailing slashes are dropped.
 */
export function routeLabel(pathname: string): string {
  const path = pathname.split("?")[0] ?? "";
  const segments = path.split("/").filter((s) => s.length > 0);
  return "/" + segments.map((segment) => (ID_SEGMENT.test(segment) ? "[id]" : segment)).join("/");
}
