/**
 * The syntax error Go's `encoding/json` scanner reports for malformed JSON, so that a broken
 * JSON manifest gets kubectl's text (`invalid character '}' looking for beginning of object
 * key string`, `unexpected EOF`) rather than the JavaScript parser's.
 */

/** Go's quoting of the offending character in scanner errors (`'x'`, `'\''`, `'\n'`). */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

/**
 * The first syntax error in `text` as encoding/json words it, with its byte offset (kubectl
 * prints `json: offset 8: invalid character …`, or just `unexpected EOF`), or
 * undefined when `text` is one well-formed JSON value (trailing whitespace allowed).
 */
export function goJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  class Stop {
    constructor(readonly message: string) {}
  }
  const bad = (context: string): never => {
    if (i >= n) throw new Stop("unexpected EOF");
    throw new Stop(`invalid character ${quoteChar(text[i])} ${context}`);
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) {
      if (text[i] !== word[k]) bad(k === 0 ? "looking for beginning of value" : `in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= n) bad("");
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        i++;
        if (i >= n) bad("");
        if (text[i] === "u") {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? "")) bad("in \\u hexadecimal character escape");
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i])) bad("in string escape code");
        i++;
        continue;
      }
      if (c < " ") bad("in string literal");
      i++;
    }
  };
  const number = () => {
    if (text[i] === "-") {
      i++;
      if (!/[0-9]/.test(text[i] ?? "")) bad("in numeric literal");
    }
    if (text[i] === "0") i++;
    else while (/[0-9]/.test(text[i] ?? "")) i++;
    if (text[i] === ".") {
      i++;
      if (!/[0-9]/.test(text[i] ?? "")) bad("after decimal point in numeric literal");
      while (/[0-9]/.test(text[i] ?? "")) i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (!/[0-9]/.test(text[i] ?? "")) bad("in exponent of numeric literal");
      while (/[0-9]/.test(text[i] ?? "")) i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > 10000) throw new Stop("exceeded max depth");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') bad("looking for beginning of object key string");
        string();
        ws();
        if (text[i] !== ":") bad("after object key");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        bad("after object key:value pair");
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        bad("after array element");
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return number();
    bad("looking for beginning of value");
  };
  try {
    value(0);
    ws();
    if (i < n) bad("looking for beginning of value");
    return undefined;
  } catch (e) {
    // Go counts the offset in bytes, up to and including the offending character.
    if (e instanceof Stop) return { offset: new TextEncoder().encode(text.slice(0, i)).length + 1, message: e.message };
    throw e;
  }
}
