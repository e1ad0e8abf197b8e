/** `wc`: line, word, character and byte counts, formatted like GNU coreutils. */
import { gnuGetopt } from "./gnu-getopt";
import { failed, readInputs, type Filter } from "./filter-types";

type Column = "l" | "w" | "m" | "c" | "L";
const ORDER: Column[] = ["l", "w", "m", "c", "L"];

/** Count lines (`-l`), words (`-w`), characters (`-m`), bytes (`-c`), longest line (`-L`); all but -m/-L by default. */
export const wc: Filter = (args, input, context) => {
  const parsed = gnuGetopt(args, {
    program: "wc",
    usage: "Try 'wc --help' for more information.\n",
    errorExitCode: 1,
    short: { l: "none", w: "none", m: "none", c: "none", L: "none" },
    long: {
      lines: { key: "l", arg: "none" },
      words: { key: "w", arg: "none" },
      chars: { key: "m", arg: "none" },
      bytes: { key: "c", arg: "none" },
      "max-line-length": { key: "L", arg: "none" },
    },
  });
  if (!parsed.ok) return failed(parsed.error, parsed.exitCode);
  const asked = new Set(parsed.options.map((o) => o.key as Column));
  const columns = asked.size > 0 ? ORDER.filter((c) => asked.has(c)) : (["l", "w", "c"] as Column[]);
  const { inputs, errors } = readInputs("wc", parsed.operands, input, context);
  const rows = inputs.map(({ name, text }) => ({ name: parsed.operands.length ? name : "", counts: count(text) }));
  if (rows.length > 1) {
    const total: Record<Column, number> = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    for (const r of rows) for (const c of ORDER) total[c] = c === "L" ? Math.max(total.L, r.counts.L) : total[c] + r.counts[c];
    rows.push({ name: "total", counts: total });
  }
  const readsPipe = parsed.operands.length === 0 || parsed.operands.includes("-");
  const widest = Math.max(1, ...rows.flatMap((r) => columns.map((c) => String(r.counts[c]).length)));
  const width = columns.length === 1 && rows.length === 1 ? 1 : Math.max(widest, readsPipe ? 7 : 1);
  const stdout = rows
    .map((r) => columns.map((c) => String(r.counts[c]).padStart(width)).join(" ") + (r.name ? ` ${r.name}` : "") + "\n")
    .join("");
  return { stdout, stderr: errors, exitCode: errors ? 1 : 0 };
};

function count(text: string): Record<Column, number> {
  const lines = text.split("\n");
  return {
    l: lines.length - 1,
    w: text.split(/[ \t\n\r\f\v]+/).filter((w) => w !== "").length,
    m: [...text].length,
    c: new TextEncoder().encode(text).length,
    L: Math.max(0, ...lines.map((l) => [...l.replace(/\t/g, "        ")].length)),
  };
}
