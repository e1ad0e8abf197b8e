/**
 * Paths into objects for `fieldEquals` / `fieldMatches` checks:
 * `spec.template.spec.containers[name=app].env[name=PROFILE].value`, `spec.ports[0].targetPort`,
 * `metadata.labels["app.kubernetes.io/name"]`.
 */

type Step = { key: string } | { index: number } | { field: string; equals: string };

/** Splits a path into steps; throws on a malformed path. */
export function parseObjectPath(path: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === ".") {
      i++;
      continue;
    }
    if (path[i] === "[") {
      const end = path.indexOf("]", i);
      if (end < 0) throw new Error(`unclosed [ in path ${path}`);
      const inner = path.slice(i + 1, end);
      i = end + 1;
      if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (/^["'].*["']$/.test(inner)) steps.push({ key: inner.slice(1, -1) });
      else {
        const eq = inner.indexOf("=");
        if (eq <= 0) throw new Error(`bad selector [${inner}] in path ${path}`);
        steps.push({ field: inner.slice(0, eq), equals: inner.slice(eq + 1) });
      }
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
    steps.push({ key: path.slice(i, j) });
    i = j;
  }
  return steps;
}

/** The value at `path` in `obj`, or undefined when any step is missing. */
export function getAtPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const s of parseObjectPath(path)) {
    if (cur === null || cur === undefined) return undefined;
    if ("key" in s) cur = typeof cur === "object" ? (cur as Record<string, unknown>)[s.key] : undefined;
    else if ("index" in s) cur = Array.isArray(cur) ? cur[s.index] : undefined;
    else cur = Array.isArray(cur) ? cur.find((e) => e && typeof e === "object" && String((e as Record<string, unknown>)[s.field]) === s.equals) : undefined;
  }
  return cur;
}
