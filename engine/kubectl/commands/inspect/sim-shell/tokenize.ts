/**
 * A small POSIX-shell reader for the simulated container shell: words with single and double
 * quotes and backslashes, `$VAR` / `${VAR}` / `$?` expansion, and the operators `|`, `;`,
 * `&&`, `||`. Enough for `sh -c 'nslookup web && wget -qO- http://web/'`.
 */

/** One command of a pipeline: its words after expansion. */
export type SimpleCommand = string[];

/** Commands joined by `|`. */
export type Pipeline = SimpleCommand[];

/** A pipeline and the operator that joins it to the next one (`;`, `&&`, `||`, or end). */
export interface ListItem {
  pipeline: Pipeline;
  next: ";" | "&&" | "||" | "";
}

/** A parse result, or the shell's syntax error. */
export type ParseResult = { ok: true; list: ListItem[] } | { ok: false; error: string };

/** Splits and expands a command line; `lookup` reads variables (`?` is the last exit code). */
export function parseShellLine(line: string, lookup: (name: string) => string | undefined): ParseResult {
  const list: ListItem[] = [];
  let pipeline: Pipeline = [];
  let words: string[] = [];
  let cur = "";
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(cur);
    cur = "";
    inWord = false;
  };
  const endCommand = (): boolean => {
    endWord();
    if (words.length === 0) return false;
    pipeline.push(words);
    words = [];
    return true;
  };
  const expand = (i: number): [string, number] => {
    const rest = line.slice(i + 1);
    let m: RegExpExecArray | null;
    if ((m = /^\{([A-Za-z_][A-Za-z0-9_]*|\?)\}/.exec(rest))) return [lookup(m[1]) ?? "", i + 1 + m[0].length];
    if ((m = /^([A-Za-z_][A-Za-z0-9_]*|\?|\$)/.exec(rest))) return [m[1] === "$" ? "1" : (lookup(m[1]) ?? ""), i + 1 + m[0].length];
    return ["$", i + 1];
  };
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "syntax error: unterminated quoted string" };
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      inWord = true;
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          cur += line[i + 1];
          i += 2;
        } else if (line[i] === "$") {
          const [v, j] = expand(i);
          cur += v;
          i = j;
        } else cur += line[i++];
      }
      if (i >= line.length) return { ok: false, error: "syntax error: unterminated quoted string" };
      i++;
    } else if (ch === "\\" && i + 1 < line.length) {
      cur += line[i + 1];
      inWord = true;
      i += 2;
    } else if (ch === "$") {
      const [v, j] = expand(i);
      cur += v;
      inWord = inWord || v !== "";
      i = j;
    } else if (ch === " " || ch === "\t" || ch === "\n") {
      if (ch === "\n") {
        if (endCommand() || pipeline.length > 0) {
          list.push({ pipeline, next: ";" });
          pipeline = [];
        }
      } else endWord();
      i++;
    } else if (ch === "#" && !inWord) {
      while (i < line.length && line[i] !== "\n") i++;
    } else if (ch === "|" || ch === ";" || ch === "&") {
      const two = line.slice(i, i + 2);
      const op = two === "&&" || two === "||" ? two : ch;
      if (op === "&") return { ok: false, error: "syntax error: background jobs are not supported" };
      const had = endCommand();
      if (op === "|") {
        if (!had) return { ok: false, error: `syntax error: unexpected "|"` };
      } else {
        if (pipeline.length === 0) return { ok: false, error: `syntax error: unexpected "${op}"` };
        list.push({ pipeline, next: op as ListItem["next"] });
        pipeline = [];
      }
      i += op.length;
    } else {
      cur += ch;
      inWord = true;
      i++;
    }
  }
  endCommand();
  if (pipeline.length > 0) list.push({ pipeline, next: "" });
  return { ok: true, list };
}
