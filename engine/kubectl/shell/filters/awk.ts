/**
 * A small `awk`: enough for one-liners learners pipe kubectl into — `'{print $1}'`,
 * `'NR>1 {print $1, $NF}'`, `'$3 == "Running"'`, `'/web/ {print $2}'`, `-F:`, `-v n=1`,
 * `BEGIN`/`END`, string concatenation, `$(NF-1)`, `NR`, `NF`, `length`, `toupper`, `tolower`.
 */
import { failed, readInputs, splitLines, type Filter } from "./filter-types";

type Expr =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "field"; e: Expr }
  | { t: "var"; name: string }
  | { t: "call"; name: string; args: Expr[] }
  | { t: "concat"; parts: Expr[] }
  | { t: "bin"; op: string; l: Expr; r: Expr }
  | { t: "not"; e: Expr }
  | { t: "match"; negate: boolean; subject: Expr; re: RegExp };

interface Rule {
  pattern?: Expr | "BEGIN" | "END";
  print?: Expr[][];
}

class AwkSyntaxError {
  constructor(readonly near: string) {}
}

/** Run an awk program over the input. */
export const awk: Filter = (args, input, context) => {
  let fs: string | undefined;
  const vars: Record<string, string> = {};
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (a.startsWith("-F")) fs = a.length > 2 ? a.slice(2) : args[++i];
    else if (a.startsWith("-v")) {
      const assign = a.length > 2 ? a.slice(2) : args[++i] ?? "";
      const eq = assign.indexOf("=");
      if (eq > 0) vars[assign.slice(0, eq)] = assign.slice(eq + 1);
    } else if (a.startsWith("-") && a.length > 1) return failed(`awk: not an option: ${a}\n`, 2);
    else break;
  }
  const program = args[i];
  if (program === undefined) return failed("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n", 2);
  let rules: Rule[];
  try {
    rules = parseProgram(program);
  } catch (e) {
    if (e instanceof AwkSyntaxError) return failed(`awk: line 1: syntax error at or near ${e.near}\n`, 2);
    throw e;
  }
  const { inputs, errors } = readInputs("awk", args.slice(i + 1), input, context);
  if (errors) return failed(errors.replace(/^awk: (.*): No such file or directory$/gm, "awk: cannot open $1 (No such file or directory)"), 2);
  const separator = fs === undefined ? " " : fs === "\\t" || fs === "t" ? "\t" : fs;
  let out = "";
  let nr = 0;
  let fields: string[] = [];
  let record = "";
  const split = (line: string) =>
    separator === " " ? line.split(/[ \t\n]+/).filter((f) => f !== "") : separator.length === 1 ? line.split(separator) : line.split(new RegExp(separator));
  const value = (e: Expr): string | number => {
    switch (e.t) {
      case "str": return e.v;
      case "num": return e.v;
      case "field": {
        const n = Math.trunc(Number(value(e.e)));
        return n === 0 ? record : fields[n - 1] ?? "";
      }
      case "var": return e.name === "NR" ? nr : e.name === "NF" ? fields.length : vars[e.name] ?? "";
      case "call": {
        const arg = e.args[0] ? String(value(e.args[0])) : record;
        return e.name === "length" ? [...arg].length : e.name === "toupper" ? arg.toUpperCase() : arg.toLowerCase();
      }
      case "concat": return e.parts.map((p) => format(value(p))).join("");
      case "not": return truthy(value(e.e)) ? 0 : 1;
      case "match": {
        e.re.lastIndex = 0;
        return e.re.test(String(value(e.subject))) !== e.negate ? 1 : 0;
      }
      case "bin": {
        if (e.op === "&&") return truthy(value(e.l)) && truthy(value(e.r)) ? 1 : 0;
        if (e.op === "||") return truthy(value(e.l)) || truthy(value(e.r)) ? 1 : 0;
        const l = value(e.l);
        const r = value(e.r);
        if (["+", "-", "*", "/", "%"].includes(e.op)) {
          const [x, y] = [Number(l) || 0, Number(r) || 0];
          return e.op === "+" ? x + y : e.op === "-" ? x - y : e.op === "*" ? x * y : e.op === "/" ? x / y : x % y;
        }
        const numeric = looksNumeric(l) && looksNumeric(r);
        const c = numeric ? Number(l) - Number(r) : String(l) < String(r) ? -1 : String(l) > String(r) ? 1 : 0;
        const ok = { "==": c === 0, "!=": c !== 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0 }[e.op];
        return ok ? 1 : 0;
      }
    }
  };
  const runRule = (rule: Rule) => {
    if (!rule.print) {
      out += record + "\n";
      return;
    }
    for (const list of rule.print) out += (list.length === 0 ? record : list.map((e) => format(value(e))).join(" ")) + "\n";
  };
  for (const rule of rules) if (rule.pattern === "BEGIN") runRule(rule);
  for (const { text } of inputs) {
    for (const line of splitLines(text)) {
      nr++;
      record = line;
      fields = split(line);
      for (const rule of rules) {
        if (rule.pattern === "BEGIN" || rule.pattern === "END") continue;
        if (rule.pattern === undefined || truthy(value(rule.pattern))) runRule(rule);
      }
    }
  }
  for (const rule of rules) if (rule.pattern === "END") runRule(rule);
  return { stdout: out, stderr: "", exitCode: 0 };
};

function truthy(v: string | number): boolean {
  return typeof v === "number" ? v !== 0 : v !== "";
}

function looksNumeric(v: string | number): boolean {
  return typeof v === "number" || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);
}

function format(v: string | number): string {
  if (typeof v === "string") return v;
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** Tokens of the supported awk subset. */
function tokenize(src: string): string[] {
  const re = /\s*("(?:[^"\\]|\\.)*"|\/(?:[^/\\]|\\.)*\/|[0-9]+(?:\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\|\||!~|[{}()$,;<>!~+\-*/%\n])/y;
  const tokens: string[] = [];
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw new AwkSyntaxError(src.slice(pos).trim()[0] ?? "end of file");
    tokens.push(m[1]);
    pos = re.lastIndex;
  }
  return tokens;
}

function parseProgram(src: string): Rule[] {
  const tokens = tokenize(src);
  let p = 0;
  const peek = () => tokens[p];
  const next = () => tokens[p++];
  const expect = (t: string) => {
    if (peek() !== t) throw new AwkSyntaxError(peek() ?? "end of file");
    p++;
  };
  const primary = (): Expr => {
    const t = next();
    if (t === undefined) throw new AwkSyntaxError("end of file");
    if (t === "$") return { t: "field", e: primary() };
    if (t === "(") {
      const e = expr();
      expect(")");
      return e;
    }
    if (t === "!") return { t: "not", e: primary() };
    if (t === "-") return { t: "bin", op: "-", l: { t: "num", v: 0 }, r: primary() };
    if (t.startsWith('"')) return { t: "str", v: t.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t" })[c] ?? c) };
    if (t.startsWith("/")) return { t: "match", negate: false, subject: { t: "field", e: { t: "num", v: 0 } }, re: regex(t) };
    if (/^[0-9]/.test(t)) return { t: "num", v: Number(t) };
    if (/^(length|toupper|tolower)$/.test(t)) {
      const args: Expr[] = [];
      if (peek() === "(") {
        next();
        if (peek() !== ")") args.push(expr());
        expect(")");
      }
      return { t: "call", name: t, args };
    }
    if (/^[A-Za-z_]/.test(t) && !/^(print|printf|BEGIN|END|if|while|for|getline)$/.test(t)) return { t: "var", name: t };
    throw new AwkSyntaxError(t);
  };
  const additive = (): Expr => {
    let l = primary();
    while (peek() && "+-*/%".includes(peek()!) && peek()!.length === 1) l = { t: "bin", op: next()!, l, r: primary() };
    return l;
  };
  const startsTerm = (t: string | undefined) => t !== undefined && (t === "$" || t === "(" || /^["0-9A-Za-z_]/.test(t));
  const concat = (): Expr => {
    const parts = [additive()];
    while (startsTerm(peek())) parts.push(additive());
    return parts.length === 1 ? parts[0] : { t: "concat", parts };
  };
  const comparison = (): Expr => {
    const l = concat();
    const op = peek();
    if (op === "~" || op === "!~") {
      next();
      const r = next();
      if (!r?.startsWith("/")) throw new AwkSyntaxError(r ?? "end of file");
      return { t: "match", negate: op === "!~", subject: l, re: regex(r) };
    }
    if (op && ["==", "!=", "<", "<=", ">", ">="].includes(op)) {
      next();
      return { t: "bin", op, l, r: concat() };
    }
    return l;
  };
  const and = (): Expr => {
    let l = comparison();
    while (peek() === "&&") {
      next();
      l = { t: "bin", op: "&&", l, r: comparison() };
    }
    return l;
  };
  const expr = (): Expr => {
    let l = and();
    while (peek() === "||") {
      next();
      l = { t: "bin", op: "||", l, r: and() };
    }
    return l;
  };
  const action = (): Expr[][] => {
    expect("{");
    const prints: Expr[][] = [];
    while (peek() !== "}") {
      if (peek() === ";" || peek() === "\n") {
        next();
        continue;
      }
      if (next() !== "print") throw new AwkSyntaxError(tokens[p - 1]);
      const list: Expr[] = [];
      while (peek() !== undefined && peek() !== "}" && peek() !== ";" && peek() !== "\n") {
        list.push(expr());
        if (peek() === ",") next();
      }
      prints.push(list);
    }
    expect("}");
    return prints;
  };
  const rules: Rule[] = [];
  while (p < tokens.length) {
    if (peek() === ";" || peek() === "\n") {
      next();
      continue;
    }
    const rule: Rule = {};
    if (peek() === "BEGIN" || peek() === "END") rule.pattern = next() as "BEGIN" | "END";
    else if (peek() !== "{") rule.pattern = expr();
    if (peek() === "{") rule.print = action();
    else if (rule.pattern === "BEGIN" || rule.pattern === "END") throw new AwkSyntaxError(peek() ?? "end of file");
    rules.push(rule);
  }
  return rules;
}

function regex(token: string): RegExp {
  try {
    return new RegExp(token.slice(1, -1));
  } catch {
    throw new AwkSyntaxError(token);
  }
}
