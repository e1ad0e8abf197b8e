/** `uniq`: collapse adjacent equal lines; -c counts (`%7d `), -d repeated only, -u unique only, -i, -f N, -s N. */
import { gnuGetopt } from "./gnu-getopt";
import { failed, gnuQuote, joinLines, readInputs, splitLines, type Filter } from "./filter-types";

/** Filter adjacent repeated lines. */
export const uniq: Filter = (args, input, context) => {
  const parsed = gnuGetopt(args, {
    program: "uniq",
    usage: "Try 'uniq --help' for more information.\n",
    errorExitCode: 1,
    short: { c: "none", d: "none", u: "none", i: "none", f: "required", s: "required", w: "required", D: "none" },
    long: {
      count: { key: "c", arg: "none" },
      repeated: { key: "d", arg: "none" },
      unique: { key: "u", arg: "none" },
      "ignore-case": { key: "i", arg: "none" },
      "skip-fields": { key: "f", arg: "required" },
      "skip-chars": { key: "s", arg: "required" },
      "check-chars": { key: "w", arg: "required" },
      "all-repeated": { key: "D", arg: "none" },
    },
  });
  if (!parsed.ok) return failed(parsed.error, parsed.exitCode);
  const o = { count: false, repeated: false, unique: false, allRepeated: false, ignoreCase: false, fields: 0, chars: 0, check: Infinity };
  for (const { key, value = "" } of parsed.options) {
    if (key === "c") o.count = true;
    else if (key === "d") o.repeated = true;
    else if (key === "u") o.unique = true;
    else if (key === "D") o.allRepeated = true;
    else if (key === "i") o.ignoreCase = true;
    else {
      if (!/^[0-9]+$/.test(value)) {
        const what = key === "f" ? "number of fields to skip" : key === "s" ? "number of bytes to skip" : "number of bytes to compare";
        return failed(`uniq: ${gnuQuote(value)}: invalid ${what}\nTry 'uniq --help' for more information.\n`, 1);
      }
      if (key === "f") o.fields = Number(value);
      if (key === "s") o.chars = Number(value);
      if (key === "w") o.check = Number(value);
    }
  }
  if (parsed.operands.length > 2) {
    return failed(`uniq: extra operand ${gnuQuote(parsed.operands[2])}\nTry 'uniq --help' for more information.\n`, 1);
  }
  const { inputs, errors } = readInputs("uniq", parsed.operands.slice(0, 1), input, context);
  if (errors) return failed(errors, 1);
  const lines = splitLines(inputs[0]?.text ?? "");
  const keyOf = (line: string) => {
    let rest = line;
    for (let f = 0; f < o.fields; f++) rest = rest.replace(/^[ \t]*[^ \t]*/, "");
    rest = rest.slice(o.chars, o.chars + o.check);
    return o.ignoreCase ? rest.toLowerCase() : rest;
  };
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && keyOf(lines[j]) === keyOf(lines[i])) j++;
    const n = j - i;
    if (o.allRepeated) {
      if (n > 1) out.push(...lines.slice(i, j));
    } else if (!(o.repeated && n < 2) && !(o.unique && n > 1)) {
      out.push(o.count ? `${String(n).padStart(7)} ${lines[i]}` : lines[i]);
    }
    i = j;
  }
  return { stdout: joinLines(out), stderr: "", exitCode: 0 };
};
