/**
 * The parser of Go's `text/template`: builds the tree (text, actions, if/range/with, define,
 * template) from the lexer's tokens, with Go's parse error texts
 * (`template: output:1: unexpected "}" in operand`).
 */
import { goQuote, Item, lex, tokenString, type Token } from "./lexer";

/** A node of the template tree; `pos` is the byte offset Go reports in errors. */
export type Node =
  | { type: "text"; pos: number; text: string }
  | { type: "action"; pos: number; line: number; pipe: PipeNode }
  | ControlNode
  | { type: "template"; pos: number; line: number; name: string; pipe: PipeNode | null }
  | { type: "break" | "continue"; pos: number; line: number }
  | ListNode;

/** `{{if}}`, `{{with}}` or `{{range}}` with its lists. */
export interface ControlNode {
  type: "if" | "with" | "range";
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}

/** A sequence of nodes. */
export interface ListNode {
  type: "list";
  pos: number;
  nodes: Node[];
}

/** A pipeline, with its declared or assigned variables. */
export interface PipeNode {
  type: "pipe";
  pos: number;
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}

/** One command of a pipeline: a function or operand with its arguments. */
export interface CommandNode {
  type: "command";
  pos: number;
  args: ArgNode[];
}

/** `$x.a.b` */
export interface VariableNode {
  type: "variable";
  pos: number;
  ident: string[];
}

/** An operand. */
export type ArgNode =
  | { type: "field"; pos: number; ident: string[] }
  | VariableNode
  | { type: "chain"; pos: number; node: ArgNode; field: string[] }
  | { type: "identifier"; pos: number; ident: string }
  | { type: "dot"; pos: number }
  | { type: "nil"; pos: number }
  | { type: "bool"; pos: number; value: boolean }
  | { type: "string"; pos: number; quoted: string; text: string }
  | NumberNode
  | PipeNode;

/** A number constant, with the interpretations Go allows. */
export interface NumberNode {
  type: "number";
  pos: number;
  text: string;
  isInt: boolean;
  isFloat: boolean;
  int: number;
  float: number;
  isChar: boolean;
}

/** A parse error; `message` is Go's full text (`template: output:1: …`). */
export class TemplateParseError extends Error {}

/** A parsed template set: the main tree and `{{define}}`d templates. */
export interface ParsedTemplate {
  name: string;
  source: string;
  root: ListNode;
  defined: Map<string, ListNode>;
}

/** Go's `Node.String()`, used in exec error contexts. */
export function nodeString(n: Node | ArgNode | CommandNode): string {
  switch (n.type) {
    case "text":
      return goQuote(n.text);
    case "action":
      return `{{${nodeString(n.pipe)}}}`;
    case "pipe": {
      let s = "";
      if (n.decl.length > 0) s = n.decl.map((d) => d.ident.join(".")).join(", ") + (n.isAssign ? " = " : " := ");
      return s + n.cmds.map(nodeString).join(" | ");
    }
    case "command":
      return n.args.map((a) => (a.type === "pipe" ? `(${nodeString(a)})` : nodeString(a))).join(" ");
    case "field":
      return n.ident.map((i) => "." + i).join("");
    case "variable":
      return n.ident.join(".");
    case "chain":
      return (n.node.type === "pipe" ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => "." + f).join("");
    case "identifier":
      return n.ident;
    case "dot":
      return ".";
    case "nil":
      return "nil";
    case "bool":
      return String(n.value);
    case "string":
      return n.quoted;
    case "number":
      return n.text;
    case "if":
    case "with":
    case "range": {
      let s = `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}`;
      if (n.elseList) s += `{{else}}${nodeString(n.elseList)}`;
      return s + "{{end}}";
    }
    case "template":
      return n.pipe ? `{{template ${goQuote(n.name)} ${nodeString(n.pipe)}}}` : `{{template ${goQuote(n.name)}}}`;
    case "break":
      return "{{break}}";
    case "continue":
      return "{{continue}}";
    case "list":
      return n.nodes.map(nodeString).join("");
  }
}

type Internal = Node | { type: "end"; pos: number } | { type: "else"; pos: number; line: number };

/** Unquotes a Go string, raw string or char literal (`strconv.Unquote`); undefined when invalid. */
export function goUnquote(s: string): string | undefined {
  if (s.startsWith("`")) return s.endsWith("`") && s.length >= 2 ? s.slice(1, -1).replace(/\r/g, "") : undefined;
  const q = s[0];
  if ((q !== '"' && q !== "'") || !s.endsWith(q) || s.length < 2) return undefined;
  const body = s.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "\n") return undefined;
    if (c === q) return undefined;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
    if (e in simple) out += simple[e];
    else if (e === q) out += q;
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) return undefined;
      const v = parseInt(hex, 16);
      if (e === "x") out += String.fromCharCode(v);
      else if (v > 0x10ffff) return undefined;
      else out += String.fromCodePoint(v);
      i += n;
    } else if (e >= "0" && e <= "7") {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else return undefined;
  }
  if (q === "'" && Array.from(out).length !== 1) return undefined;
  return out;
}

/** The function names a template may call (Go's builtins and kubectl's). */
export type FunctionNames = ReadonlySet<string>;

/** Parses `source` as template `name`; throws {@link TemplateParseError}. */
export function parseTemplate(name: string, source: string, funcs: FunctionNames): ParsedTemplate {
  const tokens = lex(source);
  let i = 0;
  let last: Token = tokens[0];
  let vars: string[] = ["$"];
  let rangeDepth = 0;
  let actionLine = 0;
  const treeName = name;
  const defined = new Map<string, ListNode>();

  const fail = (msg: string): never => {
    throw new TemplateParseError(`template: ${treeName}:${last.line}: ${msg}`);
  };
  const next = (): Token => {
    last = tokens[i] ?? tokens[tokens.length - 1];
    if (i < tokens.length) i++;
    return last;
  };
  const backup = (): void => {
    i--;
  };
  const peek = (): Token => tokens[i] ?? tokens[tokens.length - 1];
  const nextNonSpace = (): Token => {
    let t = next();
    while (t.typ === Item.Space) t = next();
    return t;
  };
  const peekNonSpace = (): Token => {
    const t = nextNonSpace();
    backup();
    return t;
  };
  const unexpected = (t: Token, context: string): never => {
    if (t.typ === Item.Error) {
      let extra = "";
      if (actionLine !== 0 && actionLine !== t.line) {
        extra = ` in action started at ${treeName}:${actionLine}`;
        if (t.val.endsWith(" action")) extra = extra.slice(" in action".length);
      }
      return fail(t.val + extra);
    }
    return fail(`unexpected ${tokenString(t)} in ${context}`);
  };
  const expect = (typ: Item, context: string): Token => {
    const t = nextNonSpace();
    if (t.typ !== typ) unexpected(t, context);
    return t;
  };

  const textOrAction = (): Internal => {
    const t = nextNonSpace();
    switch (t.typ) {
      case Item.Text:
        return { type: "text", pos: t.pos, text: t.val };
      case Item.LeftDelim: {
        actionLine = t.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      }
      default:
        return unexpected(t, "input");
    }
  };

  const itemList = (): { list: ListNode; next: Internal } => {
    const list: ListNode = { type: "list", pos: peekNonSpace().pos, nodes: [] };
    while (peekNonSpace().typ !== Item.EOF) {
      const n = textOrAction();
      if (n.type === "end" || n.type === "else") return { list, next: n };
      list.nodes.push(n);
    }
    return fail("unexpected EOF");
  };

  const action = (): Internal => {
    const t = nextNonSpace();
    switch (t.typ) {
      case Item.Block:
        return blockControl();
      case Item.Break:
      case Item.Continue: {
        const word = t.typ === Item.Break ? "break" : "continue";
        const n = nextNonSpace();
        if (n.typ !== Item.RightDelim) unexpected(n, `{{${word}}}`);
        if (rangeDepth === 0) fail(`{{${word}}} outside {{range}}`);
        return { type: word, pos: t.pos, line: t.line };
      }
      case Item.Else: {
        const p = peekNonSpace();
        if (p.typ === Item.If || p.typ === Item.With) return { type: "else", pos: p.pos, line: p.line };
        const e = expect(Item.RightDelim, "else");
        return { type: "else", pos: e.pos, line: e.line };
      }
      case Item.End:
        return { type: "end", pos: expect(Item.RightDelim, "end").pos };
      case Item.If:
        return control("if");
      case Item.Range:
        return control("range");
      case Item.With:
        return control("with");
      case Item.Template:
        return templateControl();
    }
    backup();
    const p = peek();
    return { type: "action", pos: p.pos, line: p.line, pipe: pipeline("command", Item.RightDelim) };
  };

  const control = (context: "if" | "range" | "with"): Node => {
    const saved = vars.length;
    try {
      const pipe = pipeline(context, Item.RightDelim);
      if (context === "range") rangeDepth++;
      const r = itemList();
      if (context === "range") rangeDepth--;
      let elseList: ListNode | null = null;
      if (r.next.type === "else") {
        if (context === "if" && peek().typ === Item.If) {
          next();
          elseList = { type: "list", pos: r.next.pos, nodes: [control("if")] };
        } else if (context === "with" && peek().typ === Item.With) {
          next();
          elseList = { type: "list", pos: r.next.pos, nodes: [control("with")] };
        } else {
          const e = itemList();
          if (e.next.type !== "end") fail(`expected end; found ${internalString(e.next)}`);
          elseList = e.list;
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list: r.list, elseList };
    } finally {
      vars = vars.slice(0, saved);
    }
  };

  const parseTemplateName = (t: Token, context: string): string => {
    if (t.typ === Item.String || t.typ === Item.RawString) {
      const s = goUnquote(t.val);
      if (s === undefined) fail("invalid syntax");
      return s as string;
    }
    return unexpected(t, context);
  };

  const templateControl = (): Node => {
    const context = "template clause";
    const t = nextNonSpace();
    const tname = parseTemplateName(t, context);
    let pipe: PipeNode | null = null;
    if (nextNonSpace().typ !== Item.RightDelim) {
      backup();
      pipe = pipeline(context, Item.RightDelim);
    }
    return { type: "template", pos: t.pos, line: t.line, name: tname, pipe };
  };

  const blockControl = (): Node => {
    const context = "block clause";
    const t = nextNonSpace();
    const bname = parseTemplateName(t, context);
    if (nextNonSpace().typ !== Item.RightDelim) backup();
    else backup();
    const pipe = pipeline(context, Item.RightDelim);
    const savedVars = vars;
    vars = ["$"];
    const r = itemList();
    if (r.next.type !== "end") fail(`unexpected ${internalString(r.next)} in ${context}`);
    defined.set(bname, r.list);
    vars = savedVars;
    return { type: "template", pos: t.pos, line: t.line, name: bname, pipe };
  };

  const pipeline = (context: string, end: Item): PipeNode => {
    const t = peekNonSpace();
    const pipe: PipeNode = { type: "pipe", pos: t.pos, line: t.line, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = peekNonSpace();
      if (v.typ !== Item.Variable) break;
      const save = i;
      nextNonSpace();
      const tokenAfter = peek();
      const nxt = peekNonSpace();
      if (nxt.typ === Item.Assign || nxt.typ === Item.Declare) {
        pipe.isAssign = nxt.typ === Item.Assign;
        nextNonSpace();
        pipe.decl.push({ type: "variable", pos: v.pos, ident: [v.val] });
        vars.push(v.val);
        break;
      }
      if (nxt.typ === Item.Char && nxt.val === ",") {
        nextNonSpace();
        pipe.decl.push({ type: "variable", pos: v.pos, ident: [v.val] });
        vars.push(v.val);
        if (context === "range" && pipe.decl.length < 2) {
          const p = peekNonSpace().typ;
          if (p === Item.Variable || p === Item.RightDelim || p === Item.RightParen) continue;
          fail("range can only initialize variables");
        }
        fail(`too many declarations in ${context}`);
      }
      void tokenAfter;
      i = save;
      break;
    }
    for (;;) {
      const tok = nextNonSpace();
      if (tok.typ === end) {
        if (pipe.cmds.length === 0) fail(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, k) => {
          const a = c.args[0].type;
          if (a === "bool" || a === "dot" || a === "nil" || a === "number" || a === "string") fail(`non executable command in pipeline stage ${k + 2}`);
        });
        return pipe;
      }
      switch (tok.typ) {
        case Item.Bool:
        case Item.CharConstant:
        case Item.Dot:
        case Item.Field:
        case Item.Identifier:
        case Item.Number:
        case Item.Nil:
        case Item.RawString:
        case Item.String:
        case Item.Variable:
        case Item.LeftParen:
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(tok, context);
      }
    }
  };

  const command = (): CommandNode => {
    const cmd: CommandNode = { type: "command", pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.typ === Item.Space) continue;
      if (t.typ === Item.RightDelim || t.typ === Item.RightParen) backup();
      else if (t.typ !== Item.Pipe) unexpected(t, "operand");
      break;
    }
    if (cmd.args.length === 0) fail("empty command");
    return cmd;
  };

  const operand = (): ArgNode | null => {
    let node = term();
    if (!node) return null;
    if (peek().typ === Item.Field) {
      const chainPos = peek().pos;
      const fields: string[] = [];
      while (peek().typ === Item.Field) fields.push(next().val.slice(1));
      switch (node.type) {
        case "field":
          node = { type: "field", pos: chainPos, ident: [...node.ident, ...fields] };
          break;
        case "variable":
          node = { type: "variable", pos: chainPos, ident: [...node.ident, ...fields] };
          break;
        case "bool":
        case "string":
        case "number":
        case "nil":
        case "dot":
          fail(`unexpected . after term ${goQuote(nodeString(node))}`);
          break;
        default:
          node = { type: "chain", pos: chainPos, node, field: fields };
      }
    }
    return node;
  };

  const term = (): ArgNode | null => {
    const t = nextNonSpace();
    switch (t.typ) {
      case Item.Identifier:
        if (!funcs.has(t.val)) fail(`function ${goQuote(t.val)} not defined`);
        return { type: "identifier", pos: t.pos, ident: t.val };
      case Item.Dot:
        return { type: "dot", pos: t.pos };
      case Item.Nil:
        return { type: "nil", pos: t.pos };
      case Item.Variable: {
        const ident = t.val.split(".");
        if (!vars.includes(ident[0])) fail(`undefined variable ${goQuote(ident[0])}`);
        return { type: "variable", pos: t.pos, ident };
      }
      case Item.Field:
        return { type: "field", pos: t.pos, ident: [t.val.slice(1)] };
      case Item.Bool:
        return { type: "bool", pos: t.pos, value: t.val === "true" };
      case Item.CharConstant:
      case Item.Number:
        return parseNumber(t);
      case Item.LeftParen:
        return pipeline("parenthesized pipeline", Item.RightParen);
      case Item.String:
      case Item.RawString: {
        const s = goUnquote(t.val);
        if (s === undefined) fail("invalid syntax");
        return { type: "string", pos: t.pos, quoted: t.val, text: s as string };
      }
    }
    backup();
    return null;
  };

  const parseNumber = (t: Token): NumberNode => {
    const n: NumberNode = { type: "number", pos: t.pos, text: t.val, isInt: false, isFloat: false, int: 0, float: 0, isChar: false };
    if (t.typ === Item.CharConstant) {
      const s = goUnquote(t.val);
      if (s === undefined) fail(`malformed character constant: ${t.val}`);
      const c = (s as string).codePointAt(0)!;
      n.isChar = n.isInt = n.isFloat = true;
      n.int = n.float = c;
      return n;
    }
    let text = t.val;
    if (text.endsWith("i")) fail(`illegal number syntax: ${goQuote(text)}`);
    text = text.replace(/_/g, "");
    const neg = text.startsWith("-");
    const body = text.replace(/^[+-]/, "");
    let intVal: number | undefined;
    if (/^0[xX][0-9a-fA-F]+$/.test(body)) intVal = parseInt(body.slice(2), 16);
    else if (/^0[oO][0-7]+$/.test(body)) intVal = parseInt(body.slice(2), 8);
    else if (/^0[bB][01]+$/.test(body)) intVal = parseInt(body.slice(2), 2);
    else if (/^0[0-7]+$/.test(body)) intVal = parseInt(body.slice(1), 8);
    else if (/^[0-9]+$/.test(body)) intVal = Number(body);
    if (intVal !== undefined) {
      n.isInt = true;
      n.int = neg ? -intVal : intVal;
      n.isFloat = true;
      n.float = n.int;
      return n;
    }
    if (/^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(body)) {
      const f = Number(body);
      n.isFloat = true;
      n.float = neg ? -f : f;
      if (Number.isInteger(n.float) && Math.abs(n.float) < 2 ** 63) {
        n.isInt = true;
        n.int = n.float;
      }
      return n;
    }
    return fail(`illegal number syntax: ${goQuote(t.val)}`);
  };

  // parse()
  const root: ListNode = { type: "list", pos: peek().pos, nodes: [] };
  while (peek().typ !== Item.EOF) {
    if (peek().typ === Item.LeftDelim) {
      const save = i;
      next();
      if (nextNonSpace().typ === Item.Define) {
        const context = "define clause";
        const nt = nextNonSpace();
        if (nt.typ !== Item.String && nt.typ !== Item.RawString) unexpected(nt, context);
        const dname = goUnquote(nt.val) ?? "";
        expect(Item.RightDelim, context);
        const savedVars = vars;
            vars = ["$"];
        const r = itemList();
        if (r.next.type !== "end") fail(`unexpected ${internalString(r.next)} in ${context}`);
        defined.set(dname, r.list);
        vars = savedVars;
            continue;
      }
      i = save;
    }
    const n = textOrAction();
    if (n.type === "end" || n.type === "else") fail(`unexpected ${internalString(n)}`);
    root.nodes.push(n as Node);
  }
  return { name, source, root, defined };
}

function internalString(n: Internal): string {
  if (n.type === "end") return "{{end}}";
  if (n.type === "else") return "{{else}}";
  return nodeString(n);
}
