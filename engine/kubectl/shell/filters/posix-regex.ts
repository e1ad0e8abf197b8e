/**
 * Translates POSIX basic (BRE) and extended (ERE) regular expressions, with GNU's extensions
 * (`\w`, `\s`, `\<`, `\>`, `\b`, `\|` `\+` `\?` in BRE), into JavaScript regular expressions.
 */

const CLASSES: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "A-Za-z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
  word: "A-Za-z0-9_",
};

/** A translated pattern's source, or GNU grep's error message for it. */
export type RegexTranslation = { ok: true; source: string; warnings: string[] } | { ok: false; error: string };

/** Translate a POSIX pattern (`extended` for ERE) into a JavaScript RegExp source. */
export function translatePosixRegex(pattern: string, extended: boolean): RegexTranslation {
  let out = "";
  const warnings: string[] = [];
  let depth = 0;
  let i = 0;
  /** Whether the position is where an anchor or a leading `*` is special (start of an alternative). */
  let atStart = true;
  while (i < pattern.length) {
    const c = pattern[i];
    const startHere = atStart;
    atStart = false;
    if (c === "\\") {
      if (i + 1 >= pattern.length) return { ok: false, error: "Trailing backslash" };
      const e = pattern[i + 1];
      i += 2;
      if (!extended && e === "(") {
        out += "(";
        depth++;
        atStart = true;
      } else if (!extended && e === ")") {
        if (depth === 0) return { ok: false, error: "Unmatched ) or \\)" };
        out += ")";
        depth--;
      } else if (!extended && e === "|") {
        out += "|";
        atStart = true;
      } else if (!extended && e === "{") {
        const interval = /^([0-9]*)(,[0-9]*)?\\\}/.exec(pattern.slice(i));
        if (!interval) return { ok: false, error: "Unmatched \\{" };
        out += startHere ? "" : `{${interval[1] || "0"}${interval[2] ?? ""}}`;
        i += interval[0].length;
      } else if (!extended && (e === "}" || e === "+" || e === "?")) out += startHere ? "\\" + e : e;
      else if (e === "<") out += "\\b(?=\\w)";
      else if (e === ">") out += "\\b(?<=\\w)";
      else if ("wWsSbB".includes(e)) out += "\\" + e;
      else if (/[1-9]/.test(e)) out += "\\" + e;
      else if (e === "`") out += "^";
      else if (e === "'") out += "$";
      else out += escapeLiteral(e);
      continue;
    }
    if (c === "[") {
      const bracket = translateBracket(pattern, i);
      if (typeof bracket === "string") return { ok: false, error: bracket };
      out += bracket.source;
      i = bracket.end;
      continue;
    }
    i++;
    if (c === "^") {
      out += startHere || extended ? "^" : "\\^";
      if (startHere) atStart = true;
    } else if (c === "$") {
      const rest = pattern.slice(i);
      const atEnd = rest === "" || (extended ? /^[)|]/.test(rest) : /^\\[)|]/.test(rest));
      out += atEnd || extended ? "$" : "\\$";
    } else if (c === "*") {
      if (startHere && extended) warnings.push("* at start of expression");
      out += startHere ? (extended ? "" : "\\*") : "*";
    } else if (c === ".") {
      out += ".";
    } else if (extended && c === "(") {
      out += "(";
      depth++;
      atStart = true;
    } else if (extended && c === ")") {
      if (depth === 0) out += "\\)";
      else {
        out += ")";
        depth--;
      }
    } else if (extended && c === "|") {
      out += "|";
      atStart = true;
    } else if (extended && (c === "+" || c === "?")) {
      // GNU ignores a quantifier with nothing before it in an ERE, with a warning.
      if (startHere) warnings.push(`${c} at start of expression`);
      else out += c;
    } else if (extended && c === "{") {
      const interval = /^\{[0-9]*(,[0-9]*)?\}/.exec(pattern.slice(i - 1));
      if (interval && !startHere && interval[0] !== "{}" && interval[0] !== "{,}") {
        out += interval[0];
        i += interval[0].length - 1;
      } else out += "\\{";
    } else {
      out += escapeLiteral(c);
    }
  }
  if (depth > 0) return { ok: false, error: "Unmatched ( or \\(" };
  return { ok: true, source: out, warnings };
}

function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? "\\" + c : c;
}

/** Translate `[...]` starting at `start`, or GNU's error message for it. */
function translateBracket(pattern: string, start: number): { source: string; end: number } | string {
  const unmatched = "Unmatched [, [^, [:, [., or [=";
  const rest = pattern.slice(start + 1);
  if (rest === "" || rest === "^") return "Invalid regular expression";
  let i = start + 1;
  let out = "[";
  if (pattern[i] === "^") {
    out += "^";
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "]" && !first) return { source: out + "]", end: i + 1 };
    first = false;
    if (c === "[" && pattern[i + 1] === ":") {
      const close = pattern.indexOf(":]", i + 2);
      if (close < 0) return unmatched;
      const name = pattern.slice(i + 2, close);
      const cls = CLASSES[name];
      if (cls === undefined) return "Invalid character class name";
      out += cls;
      i = close + 2;
      continue;
    }
    if (c === "[" && (pattern[i + 1] === "." || pattern[i + 1] === "=")) {
      const close = pattern.indexOf(pattern[i + 1] + "]", i + 2);
      if (close < 0) return unmatched;
      out += escapeInBracket(pattern.slice(i + 2, close));
      i = close + 2;
      continue;
    }
    out += c === "-" ? "-" : escapeInBracket(c);
    i++;
  }
  return unmatched;
}

function escapeInBracket(s: string): string {
  return s.replace(/[\\\]^[]/g, (m) => "\\" + m);
}

/** Escape text so that it matches literally (grep -F). */
export function escapeRegexLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}
