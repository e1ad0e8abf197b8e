/**
 * Go's `fmt` for template values: `Fprint` (how an action prints), `Sprint`, `Sprintln` and
 * `Sprintf` with the common verbs, flags, widths and Go's `%!verb(type=value)` complaints.
 */
import { goQuote } from "./lexer";
import { concreteType, fromJson, sortedKeys, utf8, type GoValue } from "./values";

/** Decimal digits `d` and point position `dp` (value = 0.d × 10^dp) of a finite non-negative float. */
interface Digits {
  d: string;
  dp: number;
}

/** The exact decimal expansion of a float64 (Go's `decimal` before rounding). */
function exactDigits(x: number): Digits {
  if (x === 0) return { d: "", dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  let d: string;
  let dp: number;
  if (e >= 0) {
    d = (mant << BigInt(e)).toString();
    dp = d.length;
  } else {
    d = (mant * 5n ** BigInt(-e)).toString();
    dp = d.length + e;
  }
  return trimDigits({ d, dp });
}

function trimDigits(x: Digits): Digits {
  let d = x.d.replace(/0+$/, "");
  let dp = x.dp;
  const lead = /^0*/.exec(d)![0].length;
  d = d.slice(lead);
  dp -= lead;
  return d === "" ? { d: "", dp: 0 } : { d, dp };
}

/** The shortest digits that read back as `x` (Go's shortest formatting). */
function shortestDigits(x: number): Digits {
  if (x === 0) return { d: "", dp: 0 };
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential())!;
  return trimDigits({ d: m[1] + (m[2] ?? ""), dp: Number(m[3]) + 1 });
}

/** Rounds to `nd` digits, ties to even (Go's `decimal.Round`). */
function roundDigits(x: Digits, nd: number): Digits {
  if (nd < 0 || nd >= x.d.length) return nd < 0 ? { d: "", dp: 0 } : x;
  const next = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next === 5 && nd + 1 === x.d.length) up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = next >= 5;
  if (!up) return trimDigits({ d: x.d.slice(0, nd), dp: x.dp });
  const digits = x.d.slice(0, nd).split("").map(Number);
  let i = nd - 1;
  while (i >= 0 && digits[i] === 9) {
    digits[i] = 0;
    i--;
  }
  if (i < 0) return { d: "1", dp: x.dp + 1 };
  digits[i]++;
  return trimDigits({ d: digits.join(""), dp: x.dp });
}

function digitAt(x: Digits, i: number): string {
  return i >= 0 && i < x.d.length ? x.d[i] : "0";
}

/** `%e` layout of digits with `prec` fraction digits. */
function layoutE(x: Digits, prec: number, e: string): string {
  let s = x.d === "" ? "0" : x.d[0];
  if (prec > 0) {
    s += ".";
    for (let i = 1; i <= prec; i++) s += digitAt(x, i);
  }
  const exp = x.d === "" ? 0 : x.dp - 1;
  const a = Math.abs(exp);
  return `${s}${e}${exp < 0 ? "-" : "+"}${a < 10 ? "0" + a : a}`;
}

/** `%f` layout of digits with `prec` fraction digits. */
function layoutF(x: Digits, prec: number): string {
  let s = "";
  if (x.dp > 0) for (let i = 0; i < x.dp; i++) s += digitAt(x, i);
  else s = "0";
  if (prec > 0) {
    s += ".";
    for (let i = 0; i < prec; i++) s += digitAt(x, x.dp + i);
  }
  return s;
}

/** Go's `strconv.FormatFloat(f, verb, prec, 64)` for verbs e, E, f, g, G (prec -1: shortest). */
export function goFormatFloat(f: number, verb: "e" | "E" | "f" | "g" | "G", prec: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(a);
    if (verb === "e" || verb === "E") prec = Math.max(digs.d.length - 1, 0);
    else if (verb === "f") prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = exactDigits(a);
    if (verb === "e" || verb === "E") digs = roundDigits(exact, prec + 1);
    else if (verb === "f") digs = roundDigits(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDigits(exact, prec);
    }
  }
  let body: string;
  if (verb === "e" || verb === "E") body = layoutE(digs, prec, verb);
  else if (verb === "f") body = layoutF(digs, prec);
  else {
    let eprec = prec;
    const nd = digs.d.length;
    if (eprec > nd && nd >= digs.dp) eprec = nd;
    if (shortest) eprec = 6;
    const exp = digs.dp - 1;
    if (digs.d !== "" && (exp < -4 || exp >= eprec)) {
      let p = prec;
      if (p > nd) p = nd;
      body = layoutE(digs, Math.max(p - 1, 0), verb === "G" ? "E" : "e");
    } else {
      let p = prec;
      if (p > digs.dp) p = nd;
      body = layoutF(digs, Math.max(p - digs.dp, 0));
    }
  }
  return (neg ? "-" : "") + body;
}

/** `%v` of a float64 (`%g` with the shortest digits). */
export function formatFloatV(f: number): string {
  return goFormatFloat(f, "g", -1);
}

/** `%v` of a value, recursing into maps and slices as `fmt` does (`map[a:1]`, `[a b]`, `<nil>`). */
export function formatV(v: GoValue): string {
  switch (v.k) {
    case "invalid":
    case "nil":
      return "<nil>";
    case "string":
      return v.v;
    case "bool":
      return String(v.v);
    case "int":
      return String(v.v);
    case "float":
      return formatFloatV(v.v);
    case "map":
      return "map[" + sortedKeys(v.v).map((k) => `${k}:${formatV(fromJson(v.v[k], true))}`).join(" ") + "]";
    case "slice":
      return "[" + v.v.map((e) => formatV(fromJson(e, true))).join(" ") + "]";
  }
}

/** `fmt.Sprint`: spaces between operands when neither is a string. */
export function sprint(args: GoValue[]): string {
  let out = "";
  let prevString = false;
  args.forEach((a, i) => {
    const isString = a.k === "string";
    if (i > 0 && !isString && !prevString) out += " ";
    out += formatV(a);
    prevString = isString;
  });
  return out;
}

/** `fmt.Sprintln`: always spaces, then a newline. */
export function sprintln(args: GoValue[]): string {
  return args.map(formatV).join(" ") + "\n";
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | undefined;
  prec: number | undefined;
}

function pad(s: string, spec: Spec, zeroOk = true): string {
  if (spec.width === undefined) return s;
  const n = Array.from(s).length;
  if (n >= spec.width) return s;
  const fill = spec.width - n;
  if (spec.minus) return s + " ".repeat(fill);
  if (spec.zero && zeroOk) {
    const m = /^([+-]|0[xXbo])?/.exec(s)!;
    const sign = m[0] && /^[+-]$/.test(m[0]) ? m[0] : "";
    return sign + "0".repeat(fill) + s.slice(sign.length);
  }
  return " ".repeat(fill) + s;
}

function fmtInt(n: number, verb: string, spec: Spec, typ: string): string {
  const neg = n < 0;
  const a = Math.abs(n);
  let digits: string;
  let prefix = "";
  switch (verb) {
    case "d":
    case "v":
      digits = String(a);
      break;
    case "x":
      digits = a.toString(16);
      if (spec.sharp) prefix = "0x";
      break;
    case "X":
      digits = a.toString(16).toUpperCase();
      if (spec.sharp) prefix = "0X";
      break;
    case "o":
      digits = a.toString(8);
      if (spec.sharp) prefix = "0";
      break;
    case "O":
      digits = a.toString(8);
      prefix = "0o";
      break;
    case "b":
      digits = a.toString(2);
      break;
    case "c":
      return pad(String.fromCodePoint(n), spec, false);
    case "q":
      return pad(goQuoteRune(n), spec, false);
    case "U":
      return pad("U+" + a.toString(16).toUpperCase().padStart(4, "0"), spec, false);
    default:
      return badVerb(verb, { k: "int", v: n, t: typ as "int64", iface: false });
  }
  if (spec.prec !== undefined) digits = digits.padStart(spec.prec, "0");
  const sign = neg ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  return pad(sign + prefix + digits, spec, spec.prec === undefined);
}

function goQuoteRune(c: number): string {
  const ch = String.fromCodePoint(c);
  if (ch === "'") return "'\\''";
  if (ch === '"') return "'\"'";
  const q = goQuote(ch);
  return "'" + q.slice(1, -1) + "'";
}

function fmtFloat(f: number, verb: string, spec: Spec): string {
  const p = spec.prec ?? -1;
  let s: string;
  switch (verb) {
    case "v":
    case "g":
      s = goFormatFloat(f, "g", p);
      break;
    case "G":
      s = goFormatFloat(f, "G", p);
      break;
    case "f":
    case "F":
      s = goFormatFloat(f, "f", spec.prec ?? 6);
      break;
    case "e":
    case "E":
      s = goFormatFloat(f, verb, spec.prec ?? 6);
      break;
    default:
      return badVerb(verb, { k: "float", v: f, iface: false });
  }
  if (spec.sharp && verb !== "v" && !s.includes(".") && Number.isFinite(f)) {
    const e = s.search(/[eE]/);
    s = e >= 0 ? s.slice(0, e) + "." + s.slice(e) : s + ".";
  }
  if (spec.plus && !s.startsWith("-") && !s.startsWith("+")) s = "+" + s;
  else if (spec.space && !s.startsWith("-") && !s.startsWith("+")) s = " " + s;
  else if (s === "+Inf" && !spec.plus) s = "+Inf";
  return pad(s, spec, Number.isFinite(f));
}

function fmtString(s: string, verb: string, spec: Spec): string {
  switch (verb) {
    case "v":
    case "s": {
      const t = spec.prec !== undefined ? Array.from(s).slice(0, spec.prec).join("") : s;
      return pad(t, spec);
    }
    case "q": {
      const t = spec.prec !== undefined ? Array.from(s).slice(0, spec.prec).join("") : s;
      if (spec.sharp && !t.includes("`")) return pad("`" + t + "`", spec);
      return pad(spec.plus ? goQuoteAscii(t) : goQuote(t), spec);
    }
    case "x":
    case "X": {
      let hex = Array.from(utf8(s))
        .map((b) => b.toString(16).padStart(2, "0"))
        .join(spec.space ? " " : "");
      if (verb === "X") hex = hex.toUpperCase();
      return pad(hex, spec);
    }
    default:
      return badVerb(verb, { k: "string", v: s, iface: false });
  }
}

function goQuoteAscii(s: string): string {
  const q = goQuote(s);
  return q.replace(/[^\x00-\x7f]/gu, (c) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? "\\U" + cp.toString(16).padStart(8, "0") : "\\u" + cp.toString(16).padStart(4, "0");
  });
}

function badVerb(verb: string, v: GoValue): string {
  if (v.k === "invalid" || v.k === "nil") return `%!${verb}(<nil>)`;
  return `%!${verb}(${concreteType(v)}=${formatV(v)})`;
}

/** `%#v` of a value. */
function sharpV(v: GoValue, top: boolean): string {
  switch (v.k) {
    case "invalid":
    case "nil":
      return top ? "<nil>" : "interface {}(nil)";
    case "string":
      return goQuote(v.v);
    case "bool":
      return String(v.v);
    case "int":
      return String(v.v);
    case "float":
      return formatFloatV(v.v);
    case "map":
      return "map[string]interface {}{" + sortedKeys(v.v).map((k) => `${goQuote(k)}:${sharpV(fromJson(v.v[k], true), false)}`).join(", ") + "}";
    case "slice":
      return "[]interface {}{" + v.v.map((e) => sharpV(fromJson(e, true), false)).join(", ") + "}";
  }
}

/** One value formatted with one verb and no flags (`%s` of a value in Go's error texts). */
export function formatVerb(v: GoValue, verb: string): string {
  return formatArg(v, verb, { minus: false, plus: false, sharp: false, space: false, zero: false, width: undefined, prec: undefined });
}

function formatArg(v: GoValue, verb: string, spec: Spec): string {
  if (verb === "T") return pad(concreteType(v), spec);
  if (verb === "v" && spec.sharp) return pad(sharpV(v, true), spec);
  switch (v.k) {
    case "invalid":
    case "nil":
      return verb === "v" ? pad("<nil>", spec) : badVerb(verb, v);
    case "bool":
      return verb === "v" || verb === "t" ? pad(String(v.v), spec) : badVerb(verb, v);
    case "int":
      return fmtInt(v.v, verb, spec, v.t);
    case "float":
      return fmtFloat(v.v, verb, spec);
    case "string":
      return fmtString(v.v, verb, spec);
    case "map":
      return "map[" + sortedKeys(v.v).map((k) => `${formatArg(fromJson(k, false), verb, spec)}:${formatArg(fromJson(v.v[k], true), verb, spec)}`).join(" ") + "]";
    case "slice":
      return "[" + v.v.map((e) => formatArg(fromJson(e, true), verb, spec)).join(" ") + "]";
  }
}

/** `fmt.Sprintf` over template values. */
export function sprintf(format: string, args: GoValue[]): string {
  let out = "";
  let argNum = 0;
  let reordered = false;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf("%", i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false, width: undefined, prec: undefined };
    for (; i < n; i++) {
      const c = format[i];
      if (c === "-") {
        spec.minus = true;
        spec.zero = false;
      } else if (c === "+") spec.plus = true;
      else if (c === "#") spec.sharp = true;
      else if (c === " ") spec.space = true;
      else if (c === "0") spec.zero = !spec.minus;
      else break;
    }
    const num = (): number | undefined => {
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    let badIndex = false;
    const argIndex = (): void => {
      if (format[i] !== "[") return;
      reordered = true;
      const close = format.indexOf("]", i);
      const m = close < 0 ? null : /^[0-9]+$/.exec(format.slice(i + 1, close));
      if (!m) {
        badIndex = true;
        i = close < 0 ? n : close + 1;
        return;
      }
      const k = Number(m[0]);
      if (k < 1 || k > args.length) badIndex = true;
      else argNum = k - 1;
      i = close + 1;
    };
    argIndex();
    if (format[i] === "*") {
      i++;
      const a = args[argNum++];
      if (a && a.k === "int") {
        spec.width = Math.abs(a.v);
        if (a.v < 0) spec.minus = true;
      } else out += "%!(BADWIDTH)";
    } else spec.width = num();
    if (format[i] === ".") {
      i++;
      argIndex();
      if (format[i] === "*") {
        i++;
        const a = args[argNum++];
        if (a && a.k === "int" && a.v >= 0) spec.prec = a.v;
        else out += "%!(BADPREC)";
      } else spec.prec = num() ?? 0;
    }
    argIndex();
    if (i >= n) {
      out += "%!(NOVERB)";
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (badIndex) {
      out += `%!${verb}(BADINDEX)`;
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatArg(args[argNum++], verb, spec);
  }
  if (!reordered && argNum < args.length) {
    out += "%!(EXTRA " + args.slice(argNum).map((a) => (a.k === "invalid" || a.k === "nil" ? "<nil>" : `${concreteType(a)}=${formatV(a)}`)).join(", ") + ")";
  }
  return out;
}
