/**
 * YAML exactly as kubectl's `-o yaml` writes it: sigs.k8s.io/yaml turns the object's JSON into
 * YAML with go-yaml v2, whose emitter (a port of libyaml) decides each scalar's style
 * (plain, 'single', "double", | literal), folds long plain and quoted scalars past column
 * 80, writes sequences inside mappings without indentation, and sorts map keys with its own
 * "natural" order (numbers by value, non-letters before letters).
 */

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** go-yaml v2's `keyList.Less` for string keys. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = DIGIT.test(ar[i]);
      continue;
    }
    const al = LETTER.test(ar[i]);
    const bl = LETTER.test(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return digits ? al : bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && DIGIT.test(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && DIGIT.test(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

function sortKeys(keys: string[]): string[] {
  // Fast path: plain lower-case ASCII words sort the same way as by code unit.
  return keys.sort((x, y) => (x === y ? 0 : goYamlKeyLess(x, y) ? -1 : 1));
}

const RESOLVE_MAP = new Set([
  "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
  "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
  "", "~", "null", "Null", "NULL",
  ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
  "<<",
]);

const TIMESTAMP = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/,
];
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Whether go-yaml would read `s`, unquoted, as something other than a string (so it must quote it). */
export function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s.charCodeAt(0);
  if (c === 0x2e) return DOT_FLOAT.test(s);
  const isDigit = c >= 0x30 && c <= 0x39;
  if (!isDigit && c !== 0x2b && c !== 0x2d) return BASE60_FLOAT.test(s);
  for (const re of TIMESTAMP) if (re.test(s)) return true;
  const plain = s.replace(/_/g, "");
  if (GO_INT.test(plain)) return true;
  if (YAML_FLOAT.test(plain)) return true;
  if (/^-?0[bB][01]+$/.test(plain)) return true;
  return BASE60_FLOAT.test(s);
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}

function analyze(cps: number[]): ScalarAnalysis {
  if (cps.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (cps.length >= 3 && ((cps[0] === 0x2d && cps[1] === 0x2d && cps[2] === 0x2d) || (cps[0] === 0x2e && cps[1] === 0x2e && cps[2] === 0x2e))) {
    blockIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
    if (i === 0) {
      switch (c) {
        case 0x23: case 0x2c: case 0x5b: case 0x5d: case 0x7b: case 0x7d: case 0x26: case 0x2a:
        case 0x21: case 0x7c: case 0x3e: case 0x27: case 0x22: case 0x25: case 0x40: case 0x60:
          blockIndicators = true;
          break;
        case 0x3f: case 0x3a:
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 0x2d:
          if (followedByWhitespace) blockIndicators = true;
          break;
      }
    } else if (c === 0x3a) {
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === 0x23) {
      if (precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c) || (i === 0 && c === 0xfeff)) special = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || isBreak(c) || c === 0;
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

type Style = "plain" | "single" | "double" | "literal";

/** The emitter's state, as libyaml keeps it. */
class Emitter {
  out = "";
  column = 0;
  indent = -1;
  whitespace = true;
  indention = true;
  openEnded = false;
  private readonly indents: number[] = [];

  put(s: string, width = s.length): void {
    this.out += s;
    this.column += width;
  }

  putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  writeIndent(): void {
    const indent = this.indent < 0 ? 0 : this.indent;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(" ".repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  node(v: unknown, mappingContext: boolean): void {
    if (Array.isArray(v)) {
      if (v.length === 0) {
        this.writeIndicator("[", true, true, false);
        this.writeIndicator("]", false, false, false);
        return;
      }
      this.increaseIndent(false, mappingContext && !this.indention);
      for (const item of v) {
        this.writeIndent();
        this.writeIndicator("-", true, false, true);
        this.node(item, false);
      }
      this.popIndent();
      return;
    }
    if (v !== null && typeof v === "object") {
      const obj = v as Record<string, unknown>;
      const keys: string[] = [];
      for (const k of Object.keys(obj)) if (obj[k] !== undefined) keys.push(k);
      if (keys.length === 0) {
        this.writeIndicator("{", true, true, false);
        this.writeIndicator("}", false, false, false);
        return;
      }
      sortKeys(keys);
      this.increaseIndent(false, false);
      for (const k of keys) {
        this.writeIndent();
        this.scalar(k, true, true);
        this.writeIndicator(":", false, false, false);
        this.node(obj[k], true);
      }
      this.popIndent();
      return;
    }
    if (v === null || v === undefined) this.scalar("null", false, false);
    else if (typeof v === "boolean") this.scalar(v ? "true" : "false", false, false);
    else if (typeof v === "number") this.scalar(goYamlNumber(v), false, false);
    else this.scalar(String(v), false, true);
  }

  /** Emits a scalar; `isString` applies go-yaml's encoder rules for strings. */
  scalar(value: string, simpleKey: boolean, isString: boolean): void {
    let style: Style = "plain";
    const cps = Array.from(value, (ch) => ch.codePointAt(0)!);
    if (isString) {
      const canUsePlain = !resolvesToNonString(value);
      style = value.includes("\n") ? "literal" : canUsePlain ? "plain" : "double";
      const a = analyze(cps);
      if (style === "plain") {
        if (!a.blockPlainAllowed) style = "single";
        if (cps.length === 0 && simpleKey) style = "single";
      }
      if (style === "single" && !a.singleQuotedAllowed) style = "double";
      if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
    }
    this.increaseIndent(true, false);
    this.openEnded = false;
    const allowBreaks = !simpleKey;
    switch (style) {
      case "plain":
        this.writePlain(cps, allowBreaks);
        break;
      case "single":
        this.writeSingle(cps, allowBreaks);
        break;
      case "double":
        this.writeDouble(cps, allowBreaks);
        break;
      case "literal":
        this.writeLiteral(cps);
        break;
    }
    this.popIndent();
  }

  private writePlain(cps: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    let run = "";
    let runWidth = 0;
    const flush = () => {
      if (run) this.put(run, runWidth);
      run = "";
      runWidth = 0;
    };
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        flush();
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== 0x20) this.writeIndent();
        else this.put(" ");
        spaces = true;
      } else {
        run += String.fromCodePoint(c);
        runWidth++;
        this.indention = false;
        spaces = false;
      }
    }
    flush();
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] !== 0x20) this.writeIndent();
        else this.put(" ");
        spaces = true;
      } else {
        if (c === 0x27) this.put("'");
        this.put(String.fromCodePoint(c), 1);
        this.indention = false;
        spaces = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(cps: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put(doubleQuotedEscape(c));
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent();
          if (cps[i + 1] === 0x20) this.put("\\");
        } else this.put(" ");
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c), 1);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(cps: number[]): void {
    this.writeIndicator("|", true, false, false);
    if (cps[0] === 0x20 || isBreak(cps[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    this.openEnded = false;
    const n = cps.length;
    let chomp = "";
    if (n === 0 || !isBreak(cps[n - 1])) chomp = "-";
    else if (n === 1 || isBreak(cps[n - 2])) {
      chomp = "+";
      this.openEnded = true;
    }
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    let run = "";
    let runWidth = 0;
    for (let i = 0; i < n; i++) {
      const c = cps[i];
      if (isBreak(c)) {
        if (run) this.put(run, runWidth);
        run = "";
        runWidth = 0;
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        run += String.fromCodePoint(c);
        runWidth++;
        this.indention = false;
      }
    }
    if (run) this.put(run, runWidth);
  }
}

function doubleQuotedEscape(c: number): string {
  switch (c) {
    case 0x00: return "\\0";
    case 0x07: return "\\a";
    case 0x08: return "\\b";
    case 0x09: return "\\t";
    case 0x0a: return "\\n";
    case 0x0b: return "\\v";
    case 0x0c: return "\\f";
    case 0x0d: return "\\r";
    case 0x1b: return "\\e";
    case 0x22: return '\\"';
    case 0x5c: return "\\\\";
    case 0x85: return "\\N";
    case 0xa0: return "\\_";
    case 0x2028: return "\\L";
    case 0x2029: return "\\P";
  }
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return "\\x" + hex.padStart(2, "0");
  if (c <= 0xffff) return "\\u" + hex.padStart(4, "0");
  return "\\U" + hex.padStart(8, "0");
}

/** A number as go-yaml writes the int64/float64 it decoded from JSON. */
export function goYamlNumber(n: number): string {
  if (Number.isNaN(n)) return ".nan";
  if (n === Infinity) return ".inf";
  if (n === -Infinity) return "-.inf";
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // strconv.FormatFloat(f, 'g', -1, 64): %e when the exponent is below -4 or at least 6.
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) return n.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  return String(n);
}

/** `yaml.Marshal(obj)` as sigs.k8s.io/yaml does it for kubectl's `-o yaml` (ends with a newline). */
export function goYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, false);
  let out = e.out;
  if (!out.endsWith("\n")) out += "\n";
  if (e.openEnded) out += "...\n";
  return out;
}
