/** `cut`: select fields (`-d X -f LIST`, `-s`), characters (`-c`) or bytes (`-b`) from each line. */
import { gnuGetopt } from "./gnu-getopt";
import { failed, gnuQuote, joinLines, readInputs, splitLines, type Filter } from "./filter-types";

const USAGE = "Try 'cut --help' for more information.\n";

/** Cut out the selected parts of each line. */
export const cut: Filter = (args, input, context) => {
  const parsed = gnuGetopt(args, {
    program: "cut",
    usage: USAGE,
    errorExitCode: 1,
    short: { b: "required", c: "required", f: "required", d: "required", s: "none", n: "none", z: "none" },
    long: {
      bytes: { key: "b", arg: "required" },
      characters: { key: "c", arg: "required" },
      fields: { key: "f", arg: "required" },
      delimiter: { key: "d", arg: "required" },
      "only-delimited": { key: "s", arg: "none" },
      "output-delimiter": { key: "output-delimiter", arg: "required" },
      complement: { key: "complement", arg: "none" },
    },
  });
  if (!parsed.ok) return failed(parsed.error, parsed.exitCode);
  let mode: "b" | "c" | "f" | undefined;
  let list = "";
  let delimiter: string | undefined;
  let outputDelimiter: string | undefined;
  let onlyDelimited = false;
  let complement = false;
  for (const { key, value = "" } of parsed.options) {
    if (key === "b" || key === "c" || key === "f") {
      if (mode !== undefined) return failed(`cut: only one type of list may be specified\n${USAGE}`, 1);
      mode = key;
      list = value;
    } else if (key === "d") delimiter = value;
    else if (key === "s") onlyDelimited = true;
    else if (key === "output-delimiter") outputDelimiter = value;
    else if (key === "complement") complement = true;
  }
  if (mode === undefined) return failed(`cut: you must specify a list of bytes, characters, or fields\n${USAGE}`, 1);
  if (delimiter !== undefined && mode !== "f") {
    return failed(`cut: an input delimiter may be specified only when operating on fields\n${USAGE}`, 1);
  }
  if (delimiter !== undefined && [...delimiter].length > 1) return failed(`cut: the delimiter must be a single character\n${USAGE}`, 1);
  const ranges = parseList(list, mode);
  if (typeof ranges === "string") return failed(`cut: ${ranges}\n${USAGE}`, 1);
  const selected = (i: number) => ranges.some(([lo, hi]) => i >= lo && i <= hi) !== complement;
  const { inputs, errors } = readInputs("cut", parsed.operands, input, context);
  const out: string[] = [];
  for (const { text } of inputs) {
    for (const line of splitLines(text)) {
      if (mode === "f") {
        const d = delimiter === undefined || delimiter === "" ? "\t" : delimiter;
        if (!line.includes(d)) {
          if (!onlyDelimited) out.push(line);
          continue;
        }
        out.push(line.split(d).filter((_, i) => selected(i + 1)).join(outputDelimiter ?? d));
      } else {
        const units = mode === "c" ? [...line] : [...line];
        out.push(units.filter((_, i) => selected(i + 1)).join(outputDelimiter ?? ""));
      }
    }
  }
  return { stdout: joinLines(out), stderr: errors, exitCode: errors ? 1 : 0 };
};

function parseList(list: string, mode: "b" | "c" | "f"): [number, number][] | string {
  const noun = mode === "f" ? "field" : "byte/character";
  const ranges: [number, number][] = [];
  for (const part of list.split(/[, ]/)) {
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(part);
    if (!m || part === "" || part === "-") return `invalid ${noun} value ${gnuQuote(part)}`.replace(/value ‘’/, "range with no endpoint: -");
    const lo = m[1] === "" ? 1 : Number(m[1]);
    const hi = m[2] === "" ? lo : m[3] === "" ? Infinity : Number(m[3]);
    if ((m[1] !== "" && lo === 0) || (m[3] !== "" && Number(m[3]) === 0)) {
      return mode === "f" ? "fields are numbered from 1" : "byte/character positions are numbered from 1";
    }
    if (hi < lo) return "invalid decreasing range";
    ranges.push([lo, hi]);
  }
  return ranges;
}
