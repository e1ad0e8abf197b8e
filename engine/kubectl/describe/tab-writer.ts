/**
 * Go's `text/tabwriter` as kubectl's describers configure it (`tabwriter.Init(out, 0, 8, 2, ' ', 0)`):
 * cells end at a tab, a column is as wide as its widest cell plus 2 spaces of padding, a column
 * block runs over consecutive lines that have a cell in that column, and a line without any tab
 * flushes everything before it (so it ends every block). The last cell of a line never aligns.
 */

interface Cell {
  text: string;
  /** Width in runes (Go counts UTF-8 runes). */
  width: number;
}

/** Tabwriter settings: minimum cell width, padding added to the widest cell, padding character. */
export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  padChar: string;
}

/** The settings of kubectl's `describe` (`minwidth 0, tabwidth 8, padding 2, ' '`). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, padding: 2, padChar: " " };

function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** An elastic-tabstop writer with Go `text/tabwriter` semantics (left-aligned, spaces, no flags). */
export class TabWriter {
  private out = "";
  private lines: Cell[][] = [[]];
  private cell = "";
  private widths: number[] = [];

  constructor(private readonly options: TabWriterOptions = DESCRIBE_TABWRITER) {}

  /** Appends text; tabs end cells, newlines end lines. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 9 /* \t */ || ch === 10 /* \n */) {
        this.cell += text.slice(start, i);
        start = i + 1;
        const line = this.lines[this.lines.length - 1];
        line.push({ text: this.cell, width: runeCount(this.cell) });
        this.cell = "";
        if (ch === 10) {
          const ncells = line.length;
          this.lines.push([]);
          if (ncells === 1) this.flush();
        }
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats and emits every buffered line, ending all column blocks. */
  flush(): void {
    if (this.cell.length > 0) {
      const line = this.lines[this.lines.length - 1];
      line.push({ text: this.cell, width: runeCount(this.cell) });
      this.cell = "";
    }
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  /** Everything written so far, after a final flush. */
  toString(): string {
    this.flush();
    return this.out;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t].length - 1) continue;
      this.writeLines(line0, t);
      line0 = t;
      let width = this.options.minWidth;
      for (; t < line1; t++) {
        const line = this.lines[t];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.options.padding;
        if (w > width) width = w;
      }
      this.widths.push(width);
      this.format(line0, t);
      this.widths.pop();
      line0 = t;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    const last = this.lines.length - 1;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      let s = "";
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        s += c.text;
        if (j < this.widths.length) s += this.options.padChar.repeat(Math.max(0, this.widths[j] - c.width));
      }
      this.out += s;
      if (i !== last) this.out += "\n";
    }
  }
}
