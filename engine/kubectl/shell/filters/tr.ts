/** `tr`: translate (`tr a-z A-Z`, `tr ' ' '\n'`), delete (`-d`) or squeeze (`-s`) characters. */
import { failed, type Filter } from "./filter-types";

/** Translate, delete or squeeze characters of stdin. */
export const tr: Filter = (args, input) => {
  let del = false;
  let squeeze = false;
  let complement = false;
  const sets: string[] = [];
  for (const a of args) {
    if (/^-[dscC]+$/.test(a) && sets.length === 0) {
      del ||= a.includes("d");
      squeeze ||= a.includes("s");
      complement ||= /[cC]/.test(a);
    } else sets.push(a);
  }
  const usage = "Try 'tr --help' for more information.\n";
  if (sets.length === 0) return failed(`tr: missing operand\n${usage}`, 1);
  if (!del && !squeeze && sets.length < 2) return failed(`tr: missing operand after \u2018${sets[0]}\u2019\nTwo strings must be given when translating.\n${usage}`, 1);
  const from = expandSet(sets[0]);
  const to = sets[1] !== undefined ? expandSet(sets[1]) : [];
  const inFrom = (c: string) => from.includes(c) !== complement;
  let out = "";
  let prev = "";
  for (const c of input) {
    let mapped: string | undefined = c;
    if (del && inFrom(c)) mapped = undefined;
    else if (!del && to.length > 0 && inFrom(c)) {
      const idx = complement ? to.length - 1 : from.indexOf(c);
      mapped = to[Math.min(idx, to.length - 1)];
    }
    if (mapped === undefined) continue;
    const squeezeSet = del ? to : to.length > 0 ? to : from;
    if (squeeze && mapped === prev && squeezeSet.includes(mapped)) continue;
    out += mapped;
    prev = mapped;
  }
  return { stdout: out, stderr: "", exitCode: 0 };
};

const CLASSES: Record<string, string> = {
  "[:lower:]": "abcdefghijklmnopqrstuvwxyz",
  "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "[:digit:]": "0123456789",
  "[:space:]": " \t\n\r\f\v",
  "[:blank:]": " \t",
  "[:alpha:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  "[:alnum:]": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
};

function expandSet(spec: string): string[] {
  const chars: string[] = [];
  const unescaped: string[] = [];
  for (let i = 0; i < spec.length; i++) {
    const cls = Object.keys(CLASSES).find((k) => spec.startsWith(k, i));
    if (cls) {
      unescaped.push(...CLASSES[cls].split("").map((c) => "\u0000" + c));
      i += cls.length - 1;
      continue;
    }
    if (spec[i] === "\\" && i + 1 < spec.length) {
      const e = spec[++i];
      unescaped.push(({ n: "\n", t: "\t", r: "\r", "\\": "\\" } as Record<string, string>)[e] ?? e);
    } else unescaped.push(spec[i]);
  }
  for (let i = 0; i < unescaped.length; i++) {
    const c = unescaped[i];
    if (c.startsWith("\u0000")) chars.push(c.slice(1));
    else if (unescaped[i + 1] === "-" && i + 2 < unescaped.length && !unescaped[i + 2].startsWith("\u0000")) {
      const [lo, hi] = [c.codePointAt(0)!, unescaped[i + 2].codePointAt(0)!];
      for (let x = lo; x <= hi && x - lo < 65536; x++) chars.push(String.fromCodePoint(x));
      i += 2;
    } else chars.push(c);
  }
  return chars;
}
