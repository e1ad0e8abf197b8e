/**
 * Label maps and selectors as kubectl prints them: apimachinery's `labels.FormatLabels`
 * and the `String()` of a selector built from a `LabelSelector`.
 */
import type { LabelSelector, StringMap } from "../../model/types";

/** Go's byte-order string comparison. */
export function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `labels.FormatLabels`: `k=v` pairs sorted as strings (`labels.Set.String()`), `<none>` when empty. */
export function formatLabels(labels: StringMap | undefined): string {
  if (!labels) return "<none>";
  const pairs: string[] = [];
  for (const k in labels) pairs.push(k + "=" + labels[k]);
  if (pairs.length === 0) return "<none>";
  return pairs.sort(goStringLess).join(",");
}

/**
 * `metav1.LabelSelectorAsSelector(sel).String()`: requirements sorted by key, `k=v`,
 * `k in (a,b)`, `k notin (a)`, `k`, `!k`. An empty selector prints as the empty string.
 */
export function labelSelectorString(selector: LabelSelector | undefined): string {
  if (!selector) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of selector.matchExpressions ?? []) {
    const vals = [...(e.values ?? [])].sort(goStringLess).join(",");
    switch (e.operator) {
      case "In":
        reqs.push({ key: e.key, text: `${e.key} in (${vals})` });
        break;
      case "NotIn":
        reqs.push({ key: e.key, text: `${e.key} notin (${vals})` });
        break;
      case "Exists":
        reqs.push({ key: e.key, text: e.key });
        break;
      case "DoesNotExist":
        reqs.push({ key: e.key, text: `!${e.key}` });
        break;
    }
  }
  reqs.sort((a, b) => goStringLess(a.key, b.key));
  return reqs.map((r) => r.text).join(",");
}

/** `metav1.FormatLabelSelector`: like `labelSelectorString`, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const s = labelSelectorString(selector);
  return s === "" ? "<none>" : s;
}
