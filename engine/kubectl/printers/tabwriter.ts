/**
 * Go's `text/tabwriter` as kubectl configures it, for text whose cells are terminated by
 * tabs and whose lines end with newlines. kubectl's tables use cli-runtime's settings
 * (`GetNewTabWriter`: min width 6, tab width 4, padding 3, pad with spaces, align left).
 *
 * The algorithm is tabwriter's: a column block is a run of consecutive lines that all have
 * a tab-terminated cell in that column; its width is the widest cell plus padding, at least
 * the min width. The last cell of a line is never padded. Widths count runes, as Go does.
 */

/** Tabwriter settings (`tabwriter.NewWriter(out, minwidth, tabwidth, padding, padchar, flags)`). */
export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

/** cli-runtime's `printers.GetNewTabWriter` settings, used by `kubectl get` and friends. */
export const KUBECTL_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };

interface Cell {
  text: string;
  width: number;
}

/** Number of runes (Go's utf8.RuneCountInString). */
function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** Aligns tab-separated text as Go's tabwriter does on Flush. */
export function tabwrite(text: string, options: TabwriterOptions = KUBECTL_TABWRITER): string {
  const rawLines = text.split("\n");
  const trailingNewline = rawLines.length > 1 && rawLines[rawLines.length - 1] === "";
  if (trailingNewline) rawLines.pop();
  const lines: Cell[][] = rawLines.map((l) =>
    l.split("\t").map((t) => ({ text: t, width: runeCount(t) })),
  );
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      let s = "";
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += c.text;
        if (j < widths.length && j < line.length - 1) s += " ".repeat(Math.max(0, widths[j] - c.width));
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      // A cell exists in this column: print the lines above, then size the column block.
      writeLines(line0, current);
      line0 = current;
      let width = options.minWidth;
      for (; current < line1; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        const w = line[column].width + options.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("\n") + (trailingNewline ? "\n" : "");
}

/**
 * Aligns rows of cells as tabwriter would align them joined by tabs and newlines
 * (`kubectl get` tables). Rows of equal length form one block per column, so the widths
 * are computed directly; ragged rows go through `tabwrite`.
 */
export function formatRows(rows: readonly (readonly string[])[], options: TabwriterOptions = KUBECTL_TABWRITER): string {
  if (rows.length === 0) return "";
  const n = rows[0].length;
  for (const r of rows) {
    if (r.length !== n) return tabwrite(rows.map((x) => x.join("\t") + "\n").join(""), options);
  }
  const widths = new Array<number>(n).fill(0);
  const cellWidths: number[][] = [];
  for (const r of rows) {
    const w: number[] = new Array(n);
    for (let j = 0; j < n - 1; j++) {
      const cw = runeCount(r[j]);
      w[j] = cw;
      if (cw > widths[j]) widths[j] = cw;
    }
    cellWidths.push(w);
  }
  for (let j = 0; j < n - 1; j++) widths[j] = Math.max(options.minWidth, widths[j] + options.padding);
  let out = "";
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const w = cellWidths[i];
    for (let j = 0; j < n - 1; j++) out += r[j] + " ".repeat(widths[j] - w[j]);
    out += r[n - 1] + "\n";
  }
  return out;
}
