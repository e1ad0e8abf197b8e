/**
 * `grep`: select lines matching patterns. Supports -i -v -E -F -G -P -c -n -w -x -o -q -s -m
 * -A -B -C -NUM -e -h -H -l -L --color; exits 0 when a line is selected, 1 when none, 2 on error.
 */
import { gnuGetopt, type GetoptSpec } from "./gnu-getopt";
import { escapeRegexLiteral, translatePosixRegex } from "./posix-regex";
import { failed, readInputs, splitLines, type CommandOutput, type Filter } from "./filter-types";

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

const SPEC: GetoptSpec = {
  program: "grep",
  usage: USAGE,
  errorExitCode: 2,
  short: {
    i: "none", y: "none", v: "none", E: "none", F: "none", G: "none", P: "none", c: "none", n: "none",
    w: "none", x: "none", o: "none", q: "none", s: "none", h: "none", H: "none", l: "none", L: "none",
    a: "none", I: "none", U: "none", r: "none", R: "none", z: "none",
    A: "required", B: "required", C: "required", m: "required", e: "required", f: "required",
  },
  long: {
    "ignore-case": { key: "i", arg: "none" },
    "no-ignore-case": { key: "no-ignore-case", arg: "none" },
    "invert-match": { key: "v", arg: "none" },
    "extended-regexp": { key: "E", arg: "none" },
    "fixed-strings": { key: "F", arg: "none" },
    "basic-regexp": { key: "G", arg: "none" },
    "perl-regexp": { key: "P", arg: "none" },
    count: { key: "c", arg: "none" },
    "line-number": { key: "n", arg: "none" },
    "word-regexp": { key: "w", arg: "none" },
    "line-regexp": { key: "x", arg: "none" },
    "only-matching": { key: "o", arg: "none" },
    quiet: { key: "q", arg: "none" },
    silent: { key: "q", arg: "none" },
    "no-messages": { key: "s", arg: "none" },
    "no-filename": { key: "h", arg: "none" },
    "with-filename": { key: "H", arg: "none" },
    "files-with-matches": { key: "l", arg: "none" },
    "files-without-match": { key: "L", arg: "none" },
    "after-context": { key: "A", arg: "required" },
    "before-context": { key: "B", arg: "required" },
    context: { key: "C", arg: "required" },
    "max-count": { key: "m", arg: "required" },
    regexp: { key: "e", arg: "required" },
    file: { key: "f", arg: "required" },
    color: { key: "color", arg: "optional" },
    colour: { key: "color", arg: "optional" },
    text: { key: "a", arg: "none" },
    "line-buffered": { key: "line-buffered", arg: "none" },
    recursive: { key: "r", arg: "none" },
  },
};

interface GrepOptions {
  ignoreCase: boolean;
  invert: boolean;
  mode: "G" | "E" | "F" | "P";
  count: boolean;
  lineNumbers: boolean;
  word: boolean;
  line: boolean;
  only: boolean;
  quiet: boolean;
  noMessages: boolean;
  filenames?: boolean;
  listMatching?: "with" | "without";
  after: number;
  before: number;
  maxCount: number;
  patterns: string[] | undefined;
}

/** Run grep over `input` (its stdin). */
export const grep: Filter = (args, input, context) => {
  // `-NUM` means `-C NUM`, unless it is the value of the option before it (`-m -1`, `-e -2`).
  const takesValue = /^(-[A-Za-z]*[efmABC]|--(regexp|file|max-count|after-context|before-context|context))$/;
  const numeric = args.map((a, i) => (/^-[0-9]+$/.test(a) && !takesValue.test(args[i - 1] ?? "") ? `-C${a.slice(1)}` : a));
  const parsed = gnuGetopt(numeric, SPEC);
  if (!parsed.ok) return failed(parsed.error, parsed.exitCode);
  const o: GrepOptions = {
    ignoreCase: false, invert: false, mode: "G", count: false, lineNumbers: false, word: false, line: false,
    only: false, quiet: false, noMessages: false, after: 0, before: 0, maxCount: Infinity, patterns: undefined,
  };
  for (const { key, value = "" } of parsed.options) {
    switch (key) {
      case "i": case "y": o.ignoreCase = true; break;
      case "no-ignore-case": o.ignoreCase = false; break;
      case "v": o.invert = true; break;
      case "E": case "F": case "G": case "P": o.mode = key; break;
      case "c": o.count = true; break;
      case "n": o.lineNumbers = true; break;
      case "w": o.word = true; break;
      case "x": o.line = true; break;
      case "o": o.only = true; break;
      case "q": o.quiet = true; break;
      case "s": o.noMessages = true; break;
      case "h": o.filenames = false; break;
      case "H": o.filenames = true; break;
      case "l": o.listMatching = "with"; break;
      case "L": o.listMatching = "without"; break;
      case "A": case "B": case "C": {
        if (!/^[0-9]+$/.test(value)) return failed(`grep: ${value}: invalid context length argument\n`, 2);
        const n = Number(value);
        if (key !== "B") o.after = n;
        if (key !== "A") o.before = n;
        break;
      }
      case "m":
        if (!/^-?[0-9]+$/.test(value)) return failed("grep: invalid max count\n", 2);
        o.maxCount = Number(value) < 0 ? Infinity : Number(value);
        break;
      case "e": (o.patterns ??= []).push(...value.split("\n")); break;
      case "f": {
        const text = context.readFile?.(value);
        if (text === undefined) return failed(`grep: ${value}: No such file or directory\n`, 2);
        (o.patterns ??= []).push(...splitLines(text));
        break;
      }
      case "r": case "R": return failed("grep: recursive search is not supported in this simulated terminal\n", 2);
    }
  }
  const operands = [...parsed.operands];
  if (o.patterns === undefined) {
    if (operands.length === 0) return failed(USAGE, 2);
    o.patterns = operands.shift()!.split("\n");
  }
  const regex = compile(o);
  if (!regex.ok) return failed(`grep: ${regex.error}\n`, 2);
  const { inputs, errors } = readInputs("grep", operands, input, context);
  const showNames = o.filenames ?? operands.length > 1;
  let stdout = "";
  let anySelected = false;
  for (const { name, text } of inputs) {
    const result = grepOne(splitLines(text), regex.re, o, showNames ? name : undefined);
    anySelected ||= result.selected > 0;
    if (o.quiet) continue;
    if (o.listMatching === "with") stdout += result.selected > 0 ? name + "\n" : "";
    else if (o.listMatching === "without") stdout += result.selected === 0 ? name + "\n" : "";
    else if (o.count) stdout += (showNames ? name + ":" : "") + result.selected + "\n";
    else stdout += result.output;
  }
  const stderr = regex.warnings + (o.noMessages ? "" : errors);
  if (o.quiet && anySelected) return { stdout: "", stderr: regex.warnings, exitCode: 0 };
  const exitCode = errors ? 2 : anySelected ? 0 : 1;
  return { stdout, stderr, exitCode } satisfies CommandOutput;
};

function compile(o: GrepOptions): { ok: true; re: RegExp; warnings: string } | { ok: false; error: string } {
  const sources: string[] = [];
  let warnings = "";
  for (const p of o.patterns ?? []) {
    if (o.mode === "F") sources.push(escapeRegexLiteral(p));
    else if (o.mode === "P") sources.push(p);
    else {
      const t = translatePosixRegex(p, o.mode === "E");
      if (!t.ok) return t;
      sources.push(t.source);
      warnings += t.warnings.map((w) => `grep: warning: ${w}\n`).join("");
    }
  }
  let source = sources.map((s) => `(?:${s})`).join("|");
  if (o.line) source = `^(?:${source})$`;
  else if (o.word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  try {
    return { ok: true, re: new RegExp(source, o.ignoreCase ? "gi" : "g"), warnings };
  } catch {
    return { ok: false, error: o.mode === "P" ? "invalid regular expression" : "Invalid regular expression" };
  }
}

function matches(re: RegExp, line: string): boolean {
  re.lastIndex = 0;
  return re.test(line);
}

function grepOne(
  lines: readonly string[],
  re: RegExp,
  o: GrepOptions,
  fileName: string | undefined,
): { selected: number; output: string } {
  let selected = 0;
  let output = "";
  let lastPrinted = -1;
  let afterLeft = 0;
  const prefix = (index: number, sep: string) =>
    (fileName !== undefined ? fileName + sep : "") + (o.lineNumbers ? `${index + 1}${sep}` : "");
  const contextEnabled = (o.after > 0 || o.before > 0) && !o.only;
  const emit = (index: number, sep: string) => {
    if (contextEnabled && lastPrinted >= 0 && index > lastPrinted + 1) output += "--\n";
    output += prefix(index, sep) + lines[index] + "\n";
    lastPrinted = index;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const isSelected = matches(re, line) !== o.invert;
    if (isSelected && selected < o.maxCount) {
      selected++;
      if (o.only) {
        if (!o.invert) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) if (m[0] !== "") output += prefix(index, ":") + m[0] + "\n";
        }
      } else {
        for (let b = Math.max(lastPrinted + 1, index - o.before); b < index; b++) emit(b, "-");
        emit(index, ":");
      }
      afterLeft = o.after;
    } else if (afterLeft > 0 && !o.only) {
      if (selected >= o.maxCount && isSelected) break;
      emit(index, "-");
      afterLeft--;
    } else if (selected >= o.maxCount) break;
  }
  return { selected, output };
}
