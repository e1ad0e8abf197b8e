/**
 * `cat` (with `-n`), and the pagers `less` and `more`, which in this terminal print their input
 * as it would scroll by.
 */
import { gnuGetopt } from "./gnu-getopt";
import { failed, readInputs, splitLines, type Filter } from "./filter-types";

/** Concatenate stdin or the given files; `-n` numbers lines. */
export const cat: Filter = (args, input, context) => {
  const parsed = gnuGetopt(args, {
    program: "cat",
    usage: "Try 'cat --help' for more information.\n",
    errorExitCode: 1,
    short: { n: "none", A: "none", E: "none", T: "none", v: "none", s: "none", b: "none", u: "none", e: "none", t: "none" },
    long: { number: { key: "n", arg: "none" }, "show-all": { key: "A", arg: "none" }, "show-ends": { key: "E", arg: "none" } },
  });
  if (!parsed.ok) return failed(parsed.error, parsed.exitCode);
  const number = parsed.options.some((o) => o.key === "n");
  const showEnds = parsed.options.some((o) => o.key === "E" || o.key === "A" || o.key === "e");
  const { inputs, errors } = readInputs("cat", parsed.operands, input, context);
  let text = inputs.map((i) => i.text).join("");
  if (showEnds) text = text.replace(/\n/g, "$\n");
  if (number) {
    const trailing = text.endsWith("\n");
    text = splitLines(text).map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join("\n") + (trailing ? "\n" : "");
  }
  return { stdout: text, stderr: errors, exitCode: errors ? 1 : 0 };
};

/** `less` / `more`: the input, unpaged. */
export const pager: Filter = (args, input, context) => {
  const files = args.filter((a) => !a.startsWith("-"));
  const { inputs, errors } = readInputs(files.length ? "less" : "less", files, input, context);
  return { stdout: inputs.map((i) => i.text).join(""), stderr: errors, exitCode: errors ? 1 : 0 };
};
