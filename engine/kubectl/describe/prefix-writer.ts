import { TabWriter } from "./tab-writer";

/** Indentation levels of kubectl's describers: each level is two spaces. */
export const LEVEL_0 = 0;
/** Two spaces. */
export const LEVEL_1 = 1;
/** Four spaces. */
export const LEVEL_2 = 2;
/** Six spaces. */
export const LEVEL_3 = 3;
/** Eight spaces. */
export const LEVEL_4 = 4;

const INDENTS = ["", "  ", "    ", "      ", "        ", "          ", "            "];

/**
 * kubectl's `PrefixWriter` over a describe tabwriter: `write(level, text)` indents `text` by
 * `level` steps of two spaces; tabs in the text separate aligned cells.
 */
export class PrefixWriter {
  private readonly tw = new TabWriter();

  /** Writes pre-formatted text at an indentation level (the text carries its own `\n`). */
  write(level: number, text: string): void {
    this.tw.write((INDENTS[level] ?? "  ".repeat(level)) + text);
  }

  /** Go's `WriteLine(a...)`: the operands joined by spaces, then a newline, without indentation. */
  writeLine(...parts: string[]): void {
    this.tw.write(parts.join(" ") + "\n");
  }

  /** Ends the current column blocks (describe flushes before the Events table). */
  flush(): void {
    this.tw.flush();
  }

  /** The rendered text. */
  toString(): string {
    return this.tw.toString();
  }
}

/** Runs a render function over a fresh writer and returns what it wrote (describe.go's `tabbedString`). */
export function tabbedString(render: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  render(w);
  return w.toString();
}
