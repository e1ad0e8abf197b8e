/**
 * Word wrapping as kubectl's `explain` does it (`term.NewWordWrapWriter`, which calls
 * github.com/mitchellh/go-wordwrap v1.0.1 `WrapString`): breaks only at whitespace, keeps
 * existing newlines, lets a word longer than the limit overflow, counts runes.
 */

const NBSP = "\u00a0";

/** Go's `unicode.IsSpace`. */
function isSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(ch);
}

/** Wraps `s` so lines stay within `lim` runes where whitespace allows. */
export function wrapString(s: string, lim: number): string {
  let out = "";
  let current = 0;
  let word = "";
  let wordLen = 0;
  let space = "";
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === "\n") {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          out += space;
        }
        space = "";
        spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        out += space + word;
        space = "";
        spaceLen = 0;
        word = "";
        wordLen = 0;
      }
      out += ch;
      current = 0;
    } else if (isSpace(ch) && ch !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = "";
        spaceLen = 0;
        word = "";
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        out += "\n";
        current = 0;
        space = "";
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) out += space;
  } else {
    out += space + word;
  }
  return out;
}
