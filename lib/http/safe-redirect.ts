/** Keeps a user-supplied return path on this site: only "/..." paths, never "//host" or "/\\host". */
export function safeReturnPath(value: unknown, fallback = "/scenarios"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
