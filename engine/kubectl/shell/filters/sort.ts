/**
 * `sort` in the C locale (byte order): -r -n -g -h -V -f -b -u -s, `-k F[.C][opts][,F[.C][opts]]`
 * keys and `-t SEP`, with GNU's last-resort whole-line comparison.
 */
import { gnuGetopt } from "./gnu-getopt";
import { failed, gnuQuote, joinLines, readInputs, splitLines, type Filter } from "./filter-types";

interface KeyOptions {
  numeric?: "n" | "g" | "h" | "V";
  reverse: boolean;
  foldCase: boolean;
  skipBlanks: boolean;
}

interface SortKey extends KeyOptions {
  startField: number;
  startChar: number;
  endField?: number;
  endChar?: number;
}

const USAGE = "Try 'sort --help' for more information.\n";

/** Sort the input lines. */
export const sort: Filter = (args, input, context) => {
  const parsed = gnuGetopt(args, {
    program: "sort",
    usage: USAGE,
    errorExitCode: 2,
    short: {
      r: "none", n: "none", g: "none", h: "none", V: "none", f: "none", b: "none", u: "none", s: "none",
      M: "none", d: "none", i: "none", R: "none", c: "none", C: "none", z: "none",
      k: "required", t: "required", o: "required", S: "required", T: "required", y: "required",
    },
    long: {
      reverse: { key: "r", arg: "none" },
      "numeric-sort": { key: "n", arg: "none" },
      "general-numeric-sort": { key: "g", arg: "none" },
      "human-numeric-sort": { key: "h", arg: "none" },
      "version-sort": { key: "V", arg: "none" },
      "ignore-case": { key: "f", arg: "none" },
      "ignore-leading-blanks": { key: "b", arg: "none" },
      unique: { key: "u", arg: "none" },
      stable: { key: "s", arg: "none" },
      key: { key: "k", arg: "required" },
      "field-separator": { key: "t", arg: "required" },
    },
  });
  if (!parsed.ok) return failed(parsed.error, parsed.exitCode);
  const global: KeyOptions = { reverse: false, foldCase: false, skipBlanks: false };
  const keys: SortKey[] = [];
  let separator: string | undefined;
  let unique = false;
  let stable = false;
  for (const { key, value = "" } of parsed.options) {
    if (key === "r") global.reverse = true;
    else if (key === "n" || key === "g" || key === "h" || key === "V") global.numeric = key;
    else if (key === "f") global.foldCase = true;
    else if (key === "b") global.skipBlanks = true;
    else if (key === "u") unique = true;
    else if (key === "s") stable = true;
    else if (key === "t") {
      if ([...value].length !== 1) {
        return failed(value === "" ? "sort: empty tab\n" : `sort: multi-character tab ${gnuQuote(value)}\n`, 2);
      }
      separator = value;
    } else if (key === "k") {
      const k = parseKey(value);
      if (typeof k === "string") return failed(`sort: ${k}\n`, 2);
      keys.push(k);
    }
  }
  const { inputs, errors } = readInputs("sort", parsed.operands, input, context);
  if (errors) return failed(errors.replace(/^sort: /gm, "sort: cannot read: "), 2);
  const lines = inputs.flatMap((i) => splitLines(i.text));
  const effectiveKeys = keys.map((k) => (hasOwnOptions(k) ? k : { ...k, ...global }));
  const compareKeys = (a: string, b: string): number => {
    if (effectiveKeys.length === 0) return compareValues(a, b, global);
    for (const k of effectiveKeys) {
      const c = compareValues(extract(a, k, separator), extract(b, k, separator), k);
      if (c !== 0) return c;
    }
    return 0;
  };
  const sorted = lines
    .map((line, index) => ({ line, index }))
    .sort((x, y) => {
      const c = compareKeys(x.line, y.line);
      if (c !== 0 || unique) return c;
      if (stable) return x.index - y.index;
      const last = byteCompare(x.line, y.line);
      return global.reverse ? -last : last;
    })
    .map((x) => x.line);
  const out = unique ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1], l) !== 0) : sorted;
  return { stdout: joinLines(out), stderr: "", exitCode: 0 };
};

function hasOwnOptions(k: SortKey): boolean {
  return k.numeric !== undefined || k.reverse || k.foldCase || k.skipBlanks;
}

function parseKey(spec: string): SortKey | string {
  const m = /^([0-9]+)(?:\.([0-9]+))?([bdfgiMhnRrV]*)(?:,([0-9]+)(?:\.([0-9]+))?([bdfgiMhnRrV]*))?$/.exec(spec);
  if (!m) {
    const lead = /^[0-9]*/.exec(spec)![0];
    if (lead === "") return `invalid number at field start: invalid count at start of ${gnuQuote(spec)}`;
    return `stray character in field spec: invalid field specification ${gnuQuote(spec)}`;
  }
  const startField = Number(m[1]);
  if (startField === 0) return `field number is zero: invalid field specification ${gnuQuote(spec)}`;
  const opts = (m[3] ?? "") + (m[6] ?? "");
  const numeric = [...opts].reverse().find((c) => "nghV".includes(c)) as KeyOptions["numeric"];
  return {
    startField,
    startChar: m[2] ? Number(m[2]) : 1,
    endField: m[4] ? Number(m[4]) : undefined,
    endChar: m[5] ? Number(m[5]) : undefined,
    numeric,
    reverse: opts.includes("r"),
    foldCase: opts.includes("f"),
    skipBlanks: opts.includes("b"),
  };
}

/** The text of a key: fields as GNU sort splits them (blank runs belong to the next field). */
function extract(line: string, key: SortKey, separator: string | undefined): string {
  const starts: number[] = [];
  const ends: number[] = [];
  if (separator !== undefined) {
    let pos = 0;
    for (const part of line.split(separator)) {
      starts.push(pos);
      ends.push(pos + part.length);
      pos += part.length + separator.length;
    }
  } else {
    const re = /[ \t]*[^ \t]+|[ \t]+$/g;
    for (const m of line.matchAll(re)) {
      starts.push(m.index!);
      ends.push(m.index! + m[0].length);
    }
  }
  const fieldStart = starts[key.startField - 1];
  if (fieldStart === undefined) return "";
  let from = fieldStart;
  if (key.skipBlanks) while (line[from] === " " || line[from] === "\t") from++;
  from += key.startChar - 1;
  let to = line.length;
  if (key.endField !== undefined) {
    const endFieldEnd = ends[key.endField - 1];
    const endFieldStart = starts[key.endField - 1];
    if (endFieldEnd !== undefined && endFieldStart !== undefined) {
      to = key.endChar !== undefined ? Math.min(endFieldEnd, endFieldStart + key.endChar) : endFieldEnd;
    }
  }
  return line.slice(Math.min(from, line.length), Math.max(from, to));
}

function compareValues(a: string, b: string, o: KeyOptions): number {
  let c: number;
  if (o.numeric === "n" || o.numeric === "g") c = numberOf(a) - numberOf(b);
  else if (o.numeric === "h") c = humanOf(a) - humanOf(b);
  else if (o.numeric === "V") c = versionCompare(a.trim(), b.trim());
  else if (o.foldCase) c = byteCompare(a.toUpperCase(), b.toUpperCase());
  else if (o.skipBlanks) c = byteCompare(a.trimStart(), b.trimStart());
  else c = byteCompare(a, b);
  if (Number.isNaN(c)) c = 0;
  return o.reverse ? -c : c;
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numberOf(s: string): number {
  const m = /^[ \t]*(-?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?|-?[0-9]+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

const HUMAN = "KMGTPEZYRQ";

function humanOf(s: string): number {
  const m = /^[ \t]*(-?[0-9]*\.?[0-9]+)([kKMGTPEZYRQ]?)/.exec(s);
  if (!m) return 0;
  const power = m[2] === "" ? 0 : HUMAN.indexOf(m[2].toUpperCase()) + 1;
  return Number(m[1]) * 1024 ** power;
}

function versionCompare(a: string, b: string): number {
  const pa = a.match(/[0-9]+|[^0-9]+/g) ?? [];
  const pb = b.match(/[0-9]+|[^0-9]+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    const c = /^[0-9]/.test(x) && /^[0-9]/.test(y) ? Number(x) - Number(y) : byteCompare(x, y);
    if (c !== 0) return c;
  }
  return 0;
}
