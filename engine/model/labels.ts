import type { LabelSelector, StringMap } from "./types";

/** Whether `labels` satisfy a Deployment/ReplicaSet-style selector (`matchLabels` and `matchExpressions`). An empty selector matches everything. */
export function matchesSelector(labels: StringMap | undefined, selector: LabelSelector | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const vals = e.values ?? [];
    switch (e.operator) {
      case "In":
        if (!has || !vals.includes(l[e.key])) return false;
        break;
      case "NotIn":
        if (has && vals.includes(l[e.key])) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Whether `labels` contain every pair of a Service-style equality selector. An empty or missing selector matches nothing. */
export function matchesMap(labels: StringMap | undefined, selector: StringMap | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector)) if (l[k] !== v) return false;
  return true;
}

/** One requirement of a `-l` label query. */
export interface LabelRequirement {
  key: string;
  op: "=" | "!=" | "in" | "notin" | "exists" | "!";
  values: string[];
}

/**
 * Parses a `-l` selector string (`app=web,tier!=db`, `env in (a,b)`, `!canary`, `app`).
 * Returns kubectl's error text when it cannot be parsed.
 */
export function parseLabelQuery(query: string): { ok: true; requirements: LabelRequirement[] } | { ok: false; error: string } {
  const reqs: LabelRequirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of query) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) continue;
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      reqs.push({ key: m[1], op: m[2] as "in" | "notin", values: m[3].split(",").map((v) => v.trim()).filter(Boolean) });
    } else if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(p))) {
      reqs.push({ key: m[1], op: m[2] === "!=" ? "!=" : "=", values: [m[3]] });
    } else if ((m = /^!\s*([\w./-]+)$/.exec(p))) {
      reqs.push({ key: m[1], op: "!", values: [] });
    } else if ((m = /^([\w./-]+)$/.exec(p))) {
      reqs.push({ key: m[1], op: "exists", values: [] });
    } else {
      return { ok: false, error: `error: unable to parse requirement: found '${p}', expected: identifier` };
    }
  }
  return { ok: true, requirements: reqs };
}

/** Whether `labels` satisfy every parsed `-l` requirement. */
export function matchesLabelQuery(labels: StringMap | undefined, reqs: LabelRequirement[]): boolean {
  const l = labels ?? {};
  for (const r of reqs) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case "=":
        if (l[r.key] !== r.values[0]) return false;
        break;
      case "!=":
        if (has && l[r.key] === r.values[0]) return false;
        break;
      case "in":
        if (!has || !r.values.includes(l[r.key])) return false;
        break;
      case "notin":
        if (has && r.values.includes(l[r.key])) return false;
        break;
      case "exists":
        if (!has) return false;
        break;
      case "!":
        if (has) return false;
        break;
    }
  }
  return true;
}
