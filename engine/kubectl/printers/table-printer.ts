/**
 * kubectl's human-readable table printer (cli-runtime `printers.HumanReadablePrinter` over a
 * server-side Table): upper-case headers, wide columns, the NAMESPACE column with `-A`,
 * `kind/name` names when several kinds are printed, `-L` label columns and `--show-labels`.
 */
import type { KindInfo, KObject } from "../../model/types";
import { formatLabels } from "./selectors";
import { tableFor } from "./tables";

/** How to decorate a table (cli-runtime `PrintOptions`). */
export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  /** Adds a NAMESPACE column first (`-A` on a namespaced kind). */
  withNamespace?: boolean;
  /** Prefixes names with `kind/` (`pod/web-x`, `deployment.apps/web`). */
  withKind?: boolean;
  showLabels?: boolean;
  /** `-L` label keys, one column each. */
  labelColumns?: readonly string[];
}

/** The lower-case `kind.group` kubectl puts before names: `pod`, `deployment.apps`, `storageclass.storage.k8s.io`. */
export function kindPrefix(kind: KindInfo): string {
  const slash = kind.apiVersion.indexOf("/");
  const group = slash > 0 ? kind.apiVersion.slice(0, slash) : "";
  return (group ? `${kind.kind}.${group}` : kind.kind).toLowerCase();
}

/** `-L app.kubernetes.io/name` heads its column `NAME`: the last path segment, upper-cased. */
export function labelColumnHeader(key: string): string {
  const parts = key.split("/");
  return parts[parts.length - 1].toUpperCase();
}

/** Cells cannot hold line breaks: kubectl cuts at the first `\n`, `\r` or `\f` and adds `...`. */
function cellText(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 || c === 12) return s.slice(0, i) + "...";
  }
  return s;
}

/** The header and rows (as cells) of one kind's table; no rows means kubectl prints nothing for it. */
export function tableRows(kind: KindInfo, objects: readonly KObject[], nowMs: number, options: TableOptions = {}): string[][] {
  if (objects.length === 0) return [];
  const def = tableFor(kind.kind);
  const wide = options.wide === true;
  const columns = def.columns.filter((c) => wide || !c.priority);
  const nameColumn = options.withKind ? columns.findIndex((c) => c.format === "name") : -1;
  const prefix = nameColumn >= 0 ? kindPrefix(kind) + "/" : "";
  const labelKeys = options.labelColumns ?? [];
  const rows: string[][] = [];
  if (!options.noHeaders) {
    const header: string[] = [];
    if (options.withNamespace) header.push("NAMESPACE");
    for (const c of columns) header.push(c.name.toUpperCase());
    for (const k of labelKeys) header.push(labelColumnHeader(k));
    if (options.showLabels) header.push("LABELS");
    rows.push(header);
  }
  for (const obj of objects) {
    const cells = def.row(obj, nowMs, wide);
    const row: string[] = [];
    if (options.withNamespace) row.push(obj.metadata.namespace ?? "");
    for (let i = 0; i < cells.length && i < columns.length; i++) {
      const text = cellText(cells[i]);
      row.push(i === nameColumn ? prefix + text : text);
    }
    const labels = obj.metadata.labels ?? {};
    for (const k of labelKeys) row.push(labels[k] ?? "");
    if (options.showLabels) row.push(formatLabels(obj.metadata.labels));
    rows.push(row);
  }
  return rows;
}
