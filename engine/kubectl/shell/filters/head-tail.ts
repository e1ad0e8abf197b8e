/**
 * `head` and `tail`: the first or last lines (`-n N`, `-N`, `head -n -N`, `tail -n +N`) or bytes
 * (`-c N`). `tail -f` reads to the end of the input, as on a finished pipe.
 */
import { gnuGetopt, type GetoptSpec } from "./gnu-getopt";
import { failed, gnuQuote, readInputs, written, type Filter } from "./filter-types";

function spec(program: "head" | "tail"): GetoptSpec {
  return {
    program,
    usage: `Try '${program} --help' for more information.\n`,
    errorExitCode: 1,
    short: { n: "required", c: "required", q: "none", v: "none", f: "none", F: "none", s: "required", z: "none" },
    long: {
      lines: { key: "n", arg: "required" },
      bytes: { key: "c", arg: "required" },
      quiet: { key: "q", arg: "none" },
      silent: { key: "q", arg: "none" },
      verbose: { key: "v", arg: "none" },
      follow: { key: "f", arg: "optional" },
      "sleep-interval": { key: "s", arg: "required" },
      retry: { key: "retry", arg: "none" },
    },
  };
}

const MULTIPLIERS: Record<string, number> = { "": 1, b: 512, kB: 1000, K: 1024, KiB: 1024, MB: 1e6, M: 1024 ** 2, MiB: 1024 ** 2, GB: 1e9, G: 1024 ** 3, GiB: 1024 ** 3 };

/** A count as GNU accepts it (`10`, `+5`, `-5`, `2K`), with its sign. */
function parseCount(value: string): { n: number; sign: "" | "+" | "-" } | undefined {
  const m = /^([+-]?)([0-9]+)([A-Za-z]*)$/.exec(value);
  if (!m || MULTIPLIERS[m[3]] === undefined) return undefined;
  return { n: Number(m[2]) * MULTIPLIERS[m[3]], sign: m[1] as "" | "+" | "-" };
}

function run(program: "head" | "tail", args: readonly string[], input: string, context: Parameters<Filter>[2]) {
  // The obsolete `head -5` form, recognised as the first argument only.
  const normalized = args.map((a, i) => (i === 0 && /^-[0-9]+$/.test(a) ? `-n${a.slice(1)}` : a));
  const parsed = gnuGetopt(normalized, spec(program));
  if (!parsed.ok) return failed(parsed.error, parsed.exitCode);
  let unit: "lines" | "bytes" = "lines";
  let count = { n: 10, sign: "" as "" | "+" | "-" };
  for (const { key, value = "" } of parsed.options) {
    if (key !== "n" && key !== "c") continue;
    const c = parseCount(value);
    if (!c) return failed(`${program}: invalid number of ${key === "n" ? "lines" : "bytes"}: ${gnuQuote(value)}\n`, 1);
    unit = key === "n" ? "lines" : "bytes";
    count = c;
  }
  const { inputs, errors } = readInputs(program, parsed.operands, input, context);
  let stdout = "";
  for (const { text } of inputs) {
    if (unit === "bytes") {
      const bytes = new TextEncoder().encode(text);
      const slice = pick(program, bytes.length, count);
      stdout += new TextDecoder().decode(bytes.slice(slice[0], slice[1]));
      continue;
    }
    const lines = text.split("\n");
    const complete = text.endsWith("\n") ? lines.slice(0, -1) : lines;
    const total = text === "" ? 0 : complete.length;
    const [from, to] = pick(program, total, count);
    const chosen = complete.slice(from, to);
    const endsOpen = to >= total && !text.endsWith("\n") && text !== "";
    stdout += chosen.join("\n") + (chosen.length > 0 && !endsOpen ? "\n" : "");
  }
  return { ...written(stdout, errors ? 1 : 0), stderr: errors };
}

/** The [from, to) range head or tail keeps out of `total` items. */
function pick(program: "head" | "tail", total: number, count: { n: number; sign: string }): [number, number] {
  if (program === "head") return count.sign === "-" ? [0, Math.max(0, total - count.n)] : [0, Math.min(total, count.n)];
  if (count.sign === "+") return [Math.max(0, count.n - 1), total];
  return [Math.max(0, total - count.n), total];
}

/** `head`: the first 10 lines, or as many as asked. */
export const head: Filter = (args, input, context) => run("head", args, input, context);

/** `tail`: the last 10 lines, or as many as asked; `-n +N` starts at line N. */
export const tail: Filter = (args, input, context) => run("tail", args, input, context);
