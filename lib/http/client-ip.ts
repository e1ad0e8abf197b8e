/**
 * The client's address as this server sees it: the last `X-Forwarded-For` entry (the
 * one added by the nearest proxy, such as the Ingress controller; `next start` fills the
 * header from the socket when no proxy set it), else `X-Real-IP`, else "unknown".
 * Only as trustworthy as the proxy in front: deploy behind one that appends to the header.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const forwarded = get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return (forwarded ?? get("x-real-ip")?.trim() ?? "unknown").slice(0, 64);
}
