import type { KObject } from "../../../model/types";

/** One column of a server-side table (`metav1.TableColumnDefinition`). */
export interface TableColumn {
  /** Column name as the server defines it (`Nominated Node`); kubectl upper-cases it. */
  name: string;
  /** 1 for columns only `-o wide` shows. */
  priority?: 1;
  /** `name` marks the column kubectl prefixes with `kind/` when several kinds are printed. */
  format?: "name";
}

/** The table the API server builds for a kind (columns and a row function), as printers.go defines it. */
export interface TableDefinition<T extends KObject = KObject> {
  columns: readonly TableColumn[];
  /** The cells of one object's row: the priority-0 columns, plus the wide ones when `wide`. */
  row(obj: T, nowMs: number, wide: boolean): string[];
}

/** Names of each container in a pod template, and their images (`layoutContainerCells`). */
export function layoutContainerCells(containers: readonly { name: string; image: string }[] | undefined): [string, string] {
  const list = containers ?? [];
  let names = "";
  let images = "";
  for (let i = 0; i < list.length; i++) {
    names += (i ? "," : "") + list[i].name;
    images += (i ? "," : "") + list[i].image;
  }
  return [names, images];
}

/** Go's `%d` of an optional integer field (`<nil>` never reaches tables: absent counts print 0). */
export function int(n: number | undefined | null): string {
  return String(n ?? 0);
}
