/**
 * Splits a command line into bash tokens: words (after quote removal and `$NAME` expansion),
 * operators and redirections, reading heredoc bodies after the line that opens them.
 */
import {
  badSubstitution,
  heredocDelimitedByEof,
  notSupported,
  unexpectedEofMatching,
} from "./bash-errors";

/** A heredoc opened by `<<` or `<<-`; its body is filled in once its lines are read. */
export interface Heredoc {
  delimiter: string;
  /** Any quoting in the delimiter (`<<'EOF'`) makes the body literal. */
  quoted: boolean;
  /** `<<-` strips leading tabs from body lines and the delimiter line. */
  stripTabs: boolean;
  /** 1-based line of the `<<`. */
  line: number;
  body: string;
}

/** The redirection operators bash knows. */
export type RedirOp = "<" | "<<" | "<<-" | "<<<" | "<&" | "<>" | ">" | ">>" | ">&" | ">|" | "&>" | "&>>";

/** One token of a command line. */
export type Token =
  | { kind: "word"; value: string }
  | { kind: "op"; op: "|" | "|&" | "||" | "&&" | "&" | ";" | ";;" | "(" | ")" | "\n" }
  | { kind: "redir"; op: RedirOp; fd?: number; heredoc?: Heredoc };

/** Tokens, or bash's error; `incomplete` says more input would continue the line. */
export type LexResult =
  | { ok: true; tokens: Token[]; warnings: string[]; incomplete: boolean }
  | { ok: false; error: string; exitCode: number; incomplete: boolean };

class LexError {
  constructor(
    readonly error: string,
    readonly incomplete: boolean,
    readonly exitCode = 2,
  ) {}
}

const METACHARS = new Set(["|", "&", ";", "(", ")", "<", ">", " ", "\t", "\n"]);
const OPERATORS = ["<<<", "<<-", "&>>", "<<", "<&", "<>", ">>", ">&", ">|", "&>", "&&", "||", "|&", ";;", "<", ">", "|", "&", ";", "(", ")"];
const OPERATOR_START = new Set(["<", ">", "&", "|", ";", "(", ")"]);
const REDIR_OPS = new Set<string>(["<", "<<", "<<-", "<<<", "<&", "<>", ">", ">>", ">&", ">|", "&>", "&>>"]);

/** Tokenize `input` (newlines included). Never throws. */
export function lex(input: string, env: Readonly<Record<string, string>> = {}): LexResult {
  const s = input.replace(/\r\n?/g, "\n");
  const n = s.length;
  let i = 0;
  let line = 1;
  let incomplete = false;
  const tokens: Token[] = [];
  const warnings: string[] = [];
  let pending: Heredoc[] = [];
  let expectDelimiter: Heredoc | undefined;

  const lookup = (name: string): string => (Object.prototype.hasOwnProperty.call(env, name) ? env[name] : "");

  const readDollar = (): string => {
    // s[i] === "$"
    const next = s[i + 1];
    if (next === "(") {
      if (s.indexOf(")", i) < 0) throw new LexError(unexpectedEofMatching(")"), true);
      throw new LexError(notSupported(s[i + 2] === "(" ? "$((...)) arithmetic" : "$(...) command substitution"), false);
    }
    if (next === "{") {
      const close = s.indexOf("}", i + 2);
      if (close < 0) throw new LexError(unexpectedEofMatching("}"), true);
      const inner = s.slice(i + 2, close);
      i = close + 1;
      const plain = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#$!@*-])$/.exec(inner);
      if (plain) return lookup(inner);
      const withDefault = /^([A-Za-z_][A-Za-z0-9_]*)(:?)-([^]*)$/.exec(inner);
      if (withDefault) {
        const [, name, colon, fallback] = withDefault;
        const set = Object.prototype.hasOwnProperty.call(env, name);
        return set && (colon === "" || env[name] !== "") ? env[name] : fallback;
      }
      throw new LexError(badSubstitution("${" + inner + "}"), false, 1);
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i + 1));
    if (name) {
      i += 1 + name[0].length;
      return lookup(name[0]);
    }
    if (next !== undefined && /[?#$!@*0-9-]/.test(next)) {
      i += 2;
      return lookup(next);
    }
    i++;
    return "$";
  };

  const rejectBacktick = (): never => {
    if (s.indexOf("`", i + 1) < 0) throw new LexError(unexpectedEofMatching("`"), true);
    throw new LexError(notSupported("`...` command substitution"), false);
  };

  const readAnsiC = (): string => {
    // s[i] === "$", s[i + 1] === "'"
    i += 2;
    let out = "";
    for (;;) {
      if (i >= n) throw new LexError(unexpectedEofMatching("'"), true);
      const c = s[i];
      if (c === "'") {
        i++;
        return out;
      }
      if (c === "\\" && i + 1 < n) {
        const e = s[i + 1];
        const simple: Record<string, string> = {
          n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v",
          "\\": "\\", "'": "'", '"': '"', "?": "?",
        };
        if (simple[e] !== undefined) {
          out += simple[e];
          i += 2;
          continue;
        }
        const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(i + 1));
        if (hex) {
          out += String.fromCharCode(parseInt(hex[1], 16));
          i += 1 + hex[0].length;
          continue;
        }
        out += "\\";
        i++;
        continue;
      }
      if (c === "\n") line++;
      out += c;
      i++;
    }
  };

  const readDoubleQuoted = (expand: boolean): string => {
    i++;
    let out = "";
    for (;;) {
      if (i >= n) throw new LexError(unexpectedEofMatching('"'), true);
      const c = s[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === "\\" && i + 1 < n && '$`"\\\n'.includes(s[i + 1])) {
        if (s[i + 1] === "\n") line++;
        else out += s[i + 1];
        i += 2;
        continue;
      }
      if (expand && c === "$") {
        out += readDollar();
        continue;
      }
      if (expand && c === "`") rejectBacktick();
      if (c === "\n") line++;
      out += c;
      i++;
    }
  };

  /** Reads one word; `undefined` when it expanded to nothing and was not quoted (bash drops it). */
  const readWord = (expand: boolean): { value: string; quoted: boolean } | undefined => {
    let value = "";
    let literal = false;
    let quoted = false;
    const start = i;
    while (i < n) {
      const c = s[i];
      if (METACHARS.has(c)) break;
      if (c === "\\") {
        quoted = true;
        if (i + 1 >= n) {
          incomplete = true;
          i++;
          continue;
        }
        if (s[i + 1] === "\n") {
          line++;
          i += 2;
          continue;
        }
        value += s[i + 1];
        literal = true;
        i += 2;
        continue;
      }
      if (c === "'") {
        const close = s.indexOf("'", i + 1);
        if (close < 0) throw new LexError(unexpectedEofMatching("'"), true);
        const text = s.slice(i + 1, close);
        line += text.split("\n").length - 1;
        value += text;
        literal = quoted = true;
        i = close + 1;
        continue;
      }
      if (c === '"') {
        value += readDoubleQuoted(expand);
        literal = quoted = true;
        continue;
      }
      if (c === "$" && s[i + 1] === "'") {
        value += expand ? readAnsiC() : (i++, "$");
        literal = quoted = true;
        continue;
      }
      if (c === "$" && s[i + 1] === '"') {
        i++;
        continue;
      }
      if (c === "$" && expand) {
        value += readDollar();
        continue;
      }
      if (c === "`" && expand) rejectBacktick();
      if (c === "~" && i === start && expand && env.HOME !== undefined && (i + 1 >= n || s[i + 1] === "/" || METACHARS.has(s[i + 1]))) {
        value += env.HOME;
        literal = true;
        i++;
        continue;
      }
      value += c;
      literal = true;
      i++;
    }
    if (!literal && value === "") return undefined;
    return { value, quoted };
  };

  const readHeredocBodies = () => {
    for (const doc of pending) {
      const lines: string[] = [];
      let closed = false;
      while (i < n) {
        const end = s.indexOf("\n", i);
        const text = end < 0 ? s.slice(i) : s.slice(i, end);
        i = end < 0 ? n : end + 1;
        if (end >= 0) line++;
        const compared = doc.stripTabs ? text.replace(/^\t+/, "") : text;
        if (compared === doc.delimiter) {
          closed = true;
          break;
        }
        lines.push(compared);
      }
      if (!closed) {
        warnings.push(heredocDelimitedByEof(doc.line, doc.delimiter));
        incomplete = true;
      }
      const raw = lines.map((l) => l + "\n").join("");
      doc.body = doc.quoted ? raw : expandHeredocBody(raw, env);
    }
    pending = [];
  };

  try {
    while (i < n) {
      const c = s[i];
      if (c === " " || c === "\t") {
        i++;
        continue;
      }
      if (c === "\\" && s[i + 1] === "\n") {
        i += 2;
        line++;
        continue;
      }
      if (c === "\n") {
        tokens.push({ kind: "op", op: "\n" });
        i++;
        line++;
        expectDelimiter = undefined;
        readHeredocBodies();
        continue;
      }
      if (c === "#") {
        while (i < n && s[i] !== "\n") i++;
        continue;
      }
      const fd = c >= "0" && c <= "9" ? /^[0-9]+(?=[<>])/.exec(s.slice(i, i + 12)) : null;
      const opText = fd || OPERATOR_START.has(c) ? OPERATORS.find((op) => s.startsWith(op, fd ? i + fd[0].length : i)) : undefined;
      if (opText !== undefined) {
        i += (fd ? fd[0].length : 0) + opText.length;
        expectDelimiter = undefined;
        if (REDIR_OPS.has(opText)) {
          const token: Token = { kind: "redir", op: opText as RedirOp };
          if (fd) token.fd = Math.min(Number(fd[0]), 2 ** 31);
          if (opText === "<<" || opText === "<<-") {
            const doc: Heredoc = { delimiter: "", quoted: false, stripTabs: opText === "<<-", line, body: "" };
            token.heredoc = doc;
            expectDelimiter = doc;
          }
          tokens.push(token);
        } else {
          tokens.push({ kind: "op", op: opText as Extract<Token, { kind: "op" }>["op"] });
        }
        continue;
      }
      const doc = expectDelimiter;
      const word = readWord(doc === undefined);
      expectDelimiter = undefined;
      if (doc) {
        doc.delimiter = word?.value ?? "";
        doc.quoted = word?.quoted ?? false;
        pending.push(doc);
      }
      if (word) tokens.push({ kind: "word", value: word.value });
    }
    if (pending.length > 0) readHeredocBodies();
  } catch (e) {
    if (e instanceof LexError) return { ok: false, error: e.error, exitCode: e.exitCode, incomplete: e.incomplete };
    throw e;
  }
  return { ok: true, tokens, warnings, incomplete };
}

/** An unquoted heredoc's body: `\`-newline joined, `\$ \` \\` unescaped, `$NAME` expanded. */
function expandHeredocBody(raw: string, env: Readonly<Record<string, string>>): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\" && i + 1 < raw.length && "$`\\\n".includes(raw[i + 1])) {
      if (raw[i + 1] !== "\n") out += raw[i + 1];
      i++;
      continue;
    }
    if (c === "$") {
      const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(raw.slice(i + 1));
      const bare = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1));
      const m = braced ?? bare;
      if (m) {
        const name = braced ? braced[1] : m[0];
        out += Object.prototype.hasOwnProperty.call(env, name) ? env[name] : "";
        i += m[0].length;
        continue;
      }
      if (raw[i + 1] === "(") throw new LexError(notSupported("$(...) command substitution"), false);
    }
    if (c === "`") throw new LexError(notSupported("`...` command substitution"), false);
    out += c;
  }
  return out;
}
