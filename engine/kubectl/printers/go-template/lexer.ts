/**
 * The lexer of Go's `text/template`: splits a template into text, delimiters and the tokens
 * inside actions, with the trim markers (`{{- `, ` -}}`) and comments Go recognises.
 */

/** Token types, in Go's order (keywords after `Keyword`). */
export const enum Item {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

/** One token: its type, text, byte offset and line. */
export interface Token {
  typ: Item;
  val: string;
  pos: number;
  line: number;
}

const KEYWORDS: Record<string, Item> = {
  ".": Item.Dot,
  block: Item.Block,
  break: Item.Break,
  continue: Item.Continue,
  define: Item.Define,
  else: Item.Else,
  end: Item.End,
  if: Item.If,
  range: Item.Range,
  nil: Item.Nil,
  template: Item.Template,
  with: Item.With,
};

/** Go's `%q` of a short token, as parse errors quote it. */
function goQuoteShort(s: string, max?: number): string {
  const chars = Array.from(s);
  const cut = max !== undefined && chars.length > max ? chars.slice(0, max).join("") : s;
  return goQuote(cut);
}

/** Go's `unicode.IsPrint` beyond ASCII: letters, marks, numbers, punctuation and symbols. */
const GO_PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** `strconv.Quote`. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c === 7) out += "\\a";
    else if (c === 8) out += "\\b";
    else if (c === 12) out += "\\f";
    else if (c === 11) out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x80 || GO_PRINT.test(ch)) out += ch;
    else if (c > 0xffff) out += "\\U" + c.toString(16).padStart(8, "0");
    else out += "\\u" + c.toString(16).padStart(4, "0");
  }
  return out + '"';
}

/** How Go prints a token in `unexpected X in Y`. */
export function tokenString(t: Token): string {
  if (t.typ === Item.EOF) return "EOF";
  if (t.typ === Item.Error) return t.val;
  if (t.typ > Item.Keyword) return `<${t.val}>`;
  if (Array.from(t.val).length > 10) return goQuoteShort(t.val, 10) + "...";
  return goQuote(t.val);
}

/** `%#U` of a rune: `U+007D '}'`. */
export function goRuneU(r: string): string {
  const c = r.codePointAt(0) ?? 0;
  const hex = "U+" + c.toString(16).toUpperCase().padStart(4, "0");
  return isPrintRune(c) ? `${hex} '${r}'` : hex;
}

function isPrintRune(c: number): boolean {
  if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0)) return false;
  return !/[\p{Cc}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(c)) && !(c !== 0x20 && /\p{Zs}/u.test(String.fromCodePoint(c)));
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n";
}

function isAlphaNumeric(c: string): boolean {
  return c === "_" || /^[\p{L}\p{Nd}]$/u.test(c);
}

const LEFT = "{{";
const RIGHT = "}}";

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length >= at + 2 && s[at] === "-" && isSpace(s[at + 1]);
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length >= at + 2 && isSpace(s[at]) && s[at + 1] === "-";
}

function rightTrimLength(s: string): number {
  return s.length - s.replace(/[ \t\r\n]+$/, "").length;
}

function leftTrimLength(s: string): number {
  return s.length - s.replace(/^[ \t\r\n]+/, "").length;
}

/** Lexes a whole template into tokens; the last token is EOF or an Error. */
export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  let lineCountedTo = 0;
  let lineAtCounted = 1;
  const lineAt = (p: number): number => {
    if (p < lineCountedTo) {
      lineCountedTo = 0;
      lineAtCounted = 1;
    }
    for (let i = lineCountedTo; i < p && i < input.length; i++) if (input.charCodeAt(i) === 10) lineAtCounted++;
    lineCountedTo = Math.max(lineCountedTo, Math.min(p, input.length));
    return lineAtCounted;
  };
  const emit = (typ: Item): void => {
    tokens.push({ typ, val: input.slice(start, pos), pos: start, line: lineAt(start) });
    start = pos;
  };
  const ignore = (): void => {
    start = pos;
  };
  const next = (): string => {
    if (pos >= input.length) {
      pos++;
      return "";
    }
    const cp = input.codePointAt(pos)!;
    const ch = String.fromCodePoint(cp);
    pos += ch.length;
    return ch;
  };
  const backup = (ch: string): void => {
    if (ch === "") {
      pos--;
      return;
    }
    pos -= ch.length;
  };
  const peek = (): string => (pos >= input.length ? "" : String.fromCodePoint(input.codePointAt(pos)!));
  /** Scans a quoted literal after its opening `quote` (escapes skipped): false when a newline or the end comes first. */
  const scanQuoted = (quote: string): boolean => {
    for (;;) {
      const c = next();
      if (c === "\\") {
        const d = next();
        if (d !== "" && d !== "\n") continue;
        return false;
      }
      if (c === "" || c === "\n") return false;
      if (c === quote) return true;
    }
  };
  const error = (msg: string): Token[] => {
    tokens.push({ typ: Item.Error, val: msg, pos: start, line: lineAt(start) });
    return tokens;
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT, pos + 2)) return { delim: true, trim: true };
    if (input.startsWith(RIGHT, pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === "" || isSpace(r)) return true;
    if (".,|:)(".includes(r)) return true;
    return input.startsWith(RIGHT, pos);
  };

  for (;;) {
    // Text.
    const x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit(Item.Text);
      pos = input.length;
      emit(Item.EOF);
      return tokens;
    }
    if (x > pos || x > start) {
      pos = x;
      let trim = 0;
      if (hasLeftTrimMarker(input, pos + LEFT.length)) trim = rightTrimLength(input.slice(start, pos));
      pos -= trim;
      const text = input.slice(start, pos);
      if (text.length > 0) tokens.push({ typ: Item.Text, val: text, pos: start, line: lineAt(start) });
      start = pos;
      pos += trim;
      ignore();
    }
    // Left delimiter.
    pos += LEFT.length;
    const trimLeft = hasLeftTrimMarker(input, pos);
    const after = trimLeft ? 2 : 0;
    if (input.startsWith("/*", pos + after)) {
      pos += after;
      ignore();
      pos += 2;
      const end = input.indexOf("*/", pos);
      if (end < 0) return error("unclosed comment");
      pos = end + 2;
      const r = atRightDelim();
      if (!r.delim) return error("comment ends before closing delimiter");
      if (r.trim) pos += 2;
      pos += RIGHT.length;
      if (r.trim) pos += leftTrimLength(input.slice(pos));
      ignore();
      continue;
    }
    tokens.push({ typ: Item.LeftDelim, val: LEFT, pos: start, line: lineAt(start) });
    pos += after;
    ignore();
    parenDepth = 0;
    // Inside the action.
    for (;;) {
      const rd = atRightDelim();
      if (rd.delim) {
        if (parenDepth !== 0) return error("unclosed left paren");
        if (rd.trim) {
          pos += 2;
          ignore();
        }
        pos += RIGHT.length;
        emit(Item.RightDelim);
        if (rd.trim) {
          pos += leftTrimLength(input.slice(pos));
          ignore();
        }
        break;
      }
      const r = next();
      if (r === "") return error("unclosed action");
      if (isSpace(r)) {
        backup(r);
        let n = 0;
        while (isSpace(peek())) {
          next();
          n++;
        }
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
          backup(input[pos - 1]);
          if (n === 1) continue;
        }
        emit(Item.Space);
        continue;
      }
      switch (r) {
        case "=":
          emit(Item.Assign);
          continue;
        case ":":
          if (next() !== "=") return error("expected :=");
          emit(Item.Declare);
          continue;
        case "|":
          emit(Item.Pipe);
          continue;
        case '"':
          if (!scanQuoted('"')) return error("unterminated quoted string");
          emit(Item.String);
          continue;
        case "`": {
          const end = input.indexOf("`", pos);
          if (end < 0) return error("unterminated raw quoted string");
          pos = end + 1;
          emit(Item.RawString);
          continue;
        }
        case "$":
        case ".": {
          const typ = r === "$" ? Item.Variable : Item.Field;
          if (r === "." && /[0-9]/.test(peek())) {
            backup(r);
            if (!lexNumber()) return error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
            emit(Item.Number);
            continue;
          }
          if (atTerminator()) {
            emit(typ === Item.Variable ? Item.Variable : Item.Dot);
            continue;
          }
          let c: string;
          for (;;) {
            c = next();
            if (!isAlphaNumeric(c)) {
              backup(c);
              break;
            }
          }
          if (!atTerminator()) return error(`bad character ${goRuneU(c)}`);
          emit(typ);
          continue;
        }
        case "'":
          if (!scanQuoted("'")) return error("unterminated character constant");
          emit(Item.CharConstant);
          continue;
        case "(":
          parenDepth++;
          emit(Item.LeftParen);
          continue;
        case ")":
          parenDepth--;
          if (parenDepth < 0) return error("unexpected right paren");
          emit(Item.RightParen);
          continue;
      }
      if (r === "+" || r === "-" || (r >= "0" && r <= "9")) {
        backup(r);
        if (!lexNumber()) return error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        const sign = peek();
        if (sign === "+" || sign === "-") {
          if (!lexNumber() || input[pos - 1] !== "i") return error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        }
        emit(Item.Number);
        continue;
      }
      if (isAlphaNumeric(r)) {
        let c: string;
        for (;;) {
          c = next();
          if (!isAlphaNumeric(c)) {
            backup(c);
            break;
          }
        }
        const word = input.slice(start, pos);
        if (!atTerminator()) return error(`bad character ${goRuneU(c)}`);
        const kw = KEYWORDS[word];
        if (kw !== undefined && Object.prototype.hasOwnProperty.call(KEYWORDS, word)) emit(kw);
        else if (word === "true" || word === "false") emit(Item.Bool);
        else emit(Item.Identifier);
        continue;
      }
      const c = r.codePointAt(0)!;
      if (c <= 0x7f && c >= 0x20 && c !== 0x7f) {
        emit(Item.Char);
        continue;
      }
      return error(`unrecognized character in action: ${goRuneU(r)}`);
    }
  }

  function lexNumber(): boolean {
    const accept = (valid: string): boolean => {
      const c = peek();
      if (c !== "" && valid.includes(c)) {
        next();
        return true;
      }
      return false;
    };
    const acceptRun = (valid: string): void => {
      while (accept(valid));
    };
    accept("+-");
    let digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) digits = "0123456789abcdefABCDEF_";
      else if (accept("oO")) digits = "01234567_";
      else if (accept("bB")) digits = "01_";
    }
    acceptRun(digits);
    if (accept(".")) acceptRun(digits);
    if (digits.length === 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length === 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }
}
