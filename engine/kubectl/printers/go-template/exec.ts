/**
 * The executor of Go's `text/template` over kubectl's decoded object, with Go's builtin
 * functions and kubectl's `base64decode` and `exists`, and Go's exec error texts
 * (`template: output:1:7: executing "output" at <.a.b>: map has no entry for key "a"`).
 */
import { formatV, formatVerb, sprint, sprintf, sprintln } from "./fmt";
import { goQuote } from "./lexer";
import { nodeString, type ArgNode, type ControlNode, type CommandNode, type ListNode, type Node, type NumberNode, type ParsedTemplate, type PipeNode } from "./parser";
import { compareGoStrings, concreteType, fromJson, INVALID, isTrue, sortedKeys, staticType, unwrap, utf8, type GoValue } from "./values";

/** An execution error; `message` is Go's full text. */
export class TemplateExecError extends Error {}

/** A function's signature, as Go's reflection sees it. */
type ParamKind = "value" | "any" | "string";

interface GoFunc {
  params: ParamKind[];
  variadic: ParamKind | null;
  call: (args: GoValue[], node: CommandNode) => GoValue;
}

class FuncError extends Error {}

/** The functions a kubectl template may call. */
export const FUNCTION_NAMES: ReadonlySet<string> = new Set([
  "and",
  "call",
  "html",
  "index",
  "slice",
  "js",
  "len",
  "not",
  "or",
  "print",
  "printf",
  "println",
  "urlquery",
  "eq",
  "ge",
  "gt",
  "le",
  "lt",
  "ne",
  "exists",
  "base64decode",
]);

const MISSING: GoValue = { k: "invalid" };

class Control {
  constructor(readonly kind: "break" | "continue") {}
}

interface Variable {
  name: string;
  value: GoValue;
}

/** Options of one execution. */
export interface ExecOptions {
  /** `missingkey=error` (`--allow-missing-template-keys=false`). */
  missingKeyError: boolean;
}

/** Executes a parsed template on decoded JSON `data`; returns the text or throws {@link TemplateExecError} with the partial output attached. */
export function executeTemplate(tmpl: ParsedTemplate, data: unknown, options: ExecOptions): string {
  const out: string[] = [];
  try {
    new State(tmpl, out, options, tmpl.name).walk(fromJson(data, false), tmpl.root);
  } catch (e) {
    if (e instanceof TemplateExecError) {
      (e as TemplateExecError & { partial?: string }).partial = out.join("");
    }
    throw e;
  }
  return out.join("");
}

/** The output written before an execution error. */
export function partialOutput(e: TemplateExecError): string {
  return (e as TemplateExecError & { partial?: string }).partial ?? "";
}

class State {
  vars: Variable[];
  node: Node | ArgNode | CommandNode | null = null;
  depth = 0;

  constructor(
    readonly tmpl: ParsedTemplate,
    readonly out: string[],
    readonly options: ExecOptions,
    readonly name: string,
  ) {
    this.vars = [];
  }

  at(n: Node | ArgNode | CommandNode): void {
    this.node = n;
  }

  errorf(msg: string): never {
    const n = this.node;
    if (!n) throw new TemplateExecError(`template: ${this.name}: ${msg}`);
    const pos = n.pos;
    const text = this.tmpl.source.slice(0, pos);
    const nl = text.lastIndexOf("\n");
    const col = utf8(nl >= 0 ? text.slice(nl + 1) : text).length;
    const line = 1 + (text.match(/\n/g)?.length ?? 0);
    const context = nodeString(n);
    throw new TemplateExecError(`template: ${this.tmpl.name}:${line}:${col}: executing ${goQuote(this.name)} at <${context}>: ${msg}`);
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  push(name: string, value: GoValue): void {
    this.vars.push({ name, value });
  }

  setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: GoValue): void {
    this.vars[this.vars.length - n].value = value;
  }

  varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: GoValue, node: Node): void {
    if (this.vars.length === 0) this.push("$", dot);
    this.at(node);
    switch (node.type) {
      case "action": {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case "break":
        throw new Control("break");
      case "continue":
        throw new Control("continue");
      case "if":
      case "with":
        return this.walkIfOrWith(node.type, dot, node.pipe, node.list, node.elseList);
      case "list":
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case "range":
        return this.walkRange(dot, node);
      case "template":
        return this.walkTemplate(dot, node);
      case "text":
        this.out.push(node.text);
        return;
    }
  }

  walkIfOrWith(typ: "if" | "with", dot: GoValue, pipe: PipeNode, list: ListNode, elseList: ListNode | null): void {
    const m = this.mark();
    try {
      const val = this.evalPipeline(dot, pipe);
      if (isTrue(unwrap(val))) {
        this.walk(typ === "with" ? val : dot, list);
      } else if (elseList) {
        this.walk(dot, elseList);
      }
    } finally {
      this.pop(m);
    }
  }

  walkRange(dot: GoValue, r: ControlNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = unwrap(this.evalPipeline(dot, r.pipe));
      const m = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: GoValue, elem: GoValue): boolean => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e instanceof Control) {
            if (e.kind === "break") return false;
          } else throw e;
        } finally {
          this.pop(m);
        }
        return true;
      };
      switch (val.k) {
        case "slice":
          if (val.v.length === 0) break;
          for (let i = 0; i < val.v.length; i++) if (!oneIteration({ k: "int", v: i, t: "int", iface: false }, fromJson(val.v[i], true))) break;
          return;
        case "map": {
          const keys = sortedKeys(val.v);
          if (keys.length === 0) break;
          for (const k of keys) if (!oneIteration({ k: "string", v: k, iface: false }, fromJson(val.v[k], true))) break;
          return;
        }
        case "invalid":
        case "nil":
          break;
        default:
          this.errorf(`range can't iterate over ${formatV(val)}`);
      }
      if (r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.pop(outer);
    }
  }

  walkTemplate(dot: GoValue, t: Extract<Node, { type: "template" }>): void {
    this.at(t);
    const body = t.name === this.tmpl.name ? this.tmpl.root : this.tmpl.defined.get(t.name);
    if (!body) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= 1000) this.errorf("exceeded maximum template depth (100000)");
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : INVALID;
    const st = new State(this.tmpl, this.out, this.options, t.name);
    st.depth = this.depth + 1;
    st.push("$", newDot);
    st.walk(newDot, body as ListNode);
  }

  evalPipeline(dot: GoValue, pipe: PipeNode): GoValue {
    this.at(pipe);
    let value = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value !== MISSING && value.k !== "invalid" && "iface" in value && value.iface) value = unwrap(value);
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.push(v.ident[0], value);
    }
    return value;
  }

  notAFunction(args: ArgNode[], final: GoValue): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  evalCommand(dot: GoValue, cmd: CommandNode, final: GoValue): GoValue {
    const first = cmd.args[0];
    switch (first.type) {
      case "field":
        this.at(first);
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case "chain":
        return this.evalChainNode(dot, first, cmd.args, final);
      case "identifier":
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case "pipe":
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case "variable":
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case "bool":
        return { k: "bool", v: first.value, iface: false };
      case "dot":
        return dot;
      case "nil":
        return this.errorf("nil is not a command");
      case "number":
        return this.idealConstant(first);
      case "string":
        return { k: "string", v: first.text, iface: false };
    }
  }

  idealConstant(c: NumberNode): GoValue {
    this.at(c);
    if (c.isChar) return { k: "int", v: c.int, t: "int32", iface: false };
    if (c.isFloat && !/^[+-]?0[xX]/.test(c.text) && /[.eEpP]/.test(c.text)) return { k: "float", v: c.float, iface: false };
    if (c.isInt) return { k: "int", v: c.int, t: "int", iface: false };
    return INVALID;
  }

  evalChainNode(dot: GoValue, chain: Extract<ArgNode, { type: "chain" }>, args: ArgNode[], final: GoValue): GoValue {
    this.at(chain);
    if (chain.node.type === "nil") this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, "value", chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  evalVariableNode(dot: GoValue, v: Extract<ArgNode, { type: "variable" }>, args: ArgNode[], final: GoValue): GoValue {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  evalFieldChain(dot: GoValue, receiver: GoValue, node: ArgNode, ident: string[], args: ArgNode[], final: GoValue): GoValue {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(ident[i], [], MISSING, receiver);
    return this.evalField(ident[n - 1], args, final, receiver);
  }

  evalField(fieldName: string, args: ArgNode[], final: GoValue, receiver: GoValue): GoValue {
    if (receiver.k === "invalid") {
      if (this.options.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return INVALID;
    }
    const typ = staticType(receiver);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (receiver.k === "map") {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const m = receiver.v;
      if (Object.prototype.hasOwnProperty.call(m, fieldName) && m[fieldName] !== undefined) return fromJson(m[fieldName], true);
      if (this.options.missingKeyError) this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
      return INVALID;
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  evalFunction(dot: GoValue, node: Extract<ArgNode, { type: "identifier" }>, cmd: CommandNode, args: ArgNode[], final: GoValue): GoValue {
    this.at(node);
    const name = node.ident;
    const fn = FUNCS[name];
    if (!fn) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, name, args, final);
  }

  evalCall(dot: GoValue, fn: GoFunc, node: CommandNode, name: string, allArgs: ArgNode[], final: GoValue): GoValue {
    const args = allArgs.slice(1);
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = fn.params.length;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== fn.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    }
    if (name === "and" || name === "or") {
      let v: GoValue = INVALID;
      for (const a of args) {
        v = this.evalArg(dot, "value", a);
        if (isTrue(unwrap(v)) === (name === "or")) return v;
      }
      if (final !== MISSING) v = this.validateType(final, "value");
      return v;
    }
    const argv: GoValue[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fn.params[i], args[i]));
    if (fn.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, fn.variadic, args[i]));
    if (final !== MISSING) {
      let t: ParamKind = fn.variadic ?? fn.params[fn.params.length - 1];
      if (fn.variadic && numIn - 1 < numFixed) t = fn.params[numIn - 1];
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.call(argv, node);
    } catch (e) {
      if (!(e instanceof FuncError)) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e.message}`);
    }
  }

  validateType(value: GoValue, typ: ParamKind): GoValue {
    if (value.k === "invalid") {
      if (typ === "any") return { k: "nil", iface: false };
      if (typ === "value") return value;
      return this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === "value") return value;
    if (typ === "any") return unwrap(value);
    if (value.k === "string") return unwrap(value);
    if (value.iface && value.k !== "nil") return this.errorf(`wrong type for value; expected ${typ}; got ${concreteType(value)}`);
    return this.errorf(`wrong type for value; expected ${typ}; got ${staticType(value)}`);
  }

  evalArg(dot: GoValue, typ: ParamKind, n: ArgNode): GoValue {
    this.at(n);
    switch (n.type) {
      case "dot":
        return this.validateType(dot, typ);
      case "nil":
        if (typ === "any") return { k: "nil", iface: false };
        if (typ === "value") return INVALID;
        return this.errorf(`cannot assign nil to ${typ}`);
      case "field":
        return this.validateType(this.evalFieldChain(dot, dot, n, n.ident, [n], MISSING), typ);
      case "variable":
        return this.validateType(this.evalVariableNode(dot, n, [], MISSING), typ);
      case "pipe":
        return this.validateType(this.evalPipeline(dot, n), typ);
      case "identifier":
        return this.validateType(this.evalFunction(dot, n, { type: "command", pos: n.pos, args: [n] }, [n], MISSING), typ);
      case "chain":
        return this.validateType(this.evalChainNode(dot, n, [], MISSING), typ);
    }
    if (typ === "string") {
      if (n.type === "string") return { k: "string", v: n.text, iface: false };
      return this.errorf(`expected string; found ${nodeString(n)}`);
    }
    switch (n.type) {
      case "bool":
        return { k: "bool", v: n.value, iface: false };
      case "number":
        return this.idealConstant(n);
      case "string":
        return { k: "string", v: n.text, iface: false };
    }
  }

  printValue(n: Node, v: GoValue): void {
    this.at(n);
    const u = unwrap(v);
    this.out.push(u.k === "invalid" ? "<no value>" : formatV(u));
  }
}

// ---- builtins ----

function basicKind(v: GoValue): "bool" | "int" | "float" | "string" | "invalid" {
  switch (v.k) {
    case "bool":
    case "int":
    case "float":
    case "string":
      return v.k;
    default:
      return "invalid";
  }
}

const errBadComparisonType = "invalid type for comparison";
const errBadComparison = "incompatible types for comparison";

function eq(a1: GoValue, rest: GoValue[]): boolean {
  const arg1 = unwrap(a1);
  if (rest.length === 0) throw new FuncError("missing argument for comparison");
  const k1 = basicKind(arg1);
  for (const a of rest) {
    const arg = unwrap(a);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (arg1.k !== "invalid" && arg.k !== "invalid") throw new FuncError(errBadComparison);
    } else if (k1 === "invalid") {
      const nil1 = arg1.k === "invalid" || arg1.k === "nil";
      const nil2 = arg.k === "invalid" || arg.k === "nil";
      if (arg1.k !== "invalid" && arg.k !== "invalid" && arg1.k !== arg.k) {
        throw new FuncError(`non-comparable types ${formatVerb(arg1, "s")}: ${concreteType(arg1)}, ${concreteType(arg)}: ${formatV(arg)}`);
      }
      if (nil1 || nil2) truth = nil1 === nil2;
      else throw new FuncError(`non-comparable type ${formatVerb(arg, "s")}: ${concreteType(arg)}`);
    } else {
      truth = (arg1 as { v: unknown }).v === (arg as { v: unknown }).v;
    }
    if (truth) return true;
  }
  return false;
}

function lt(a1: GoValue, a2: GoValue): boolean {
  const arg1 = unwrap(a1);
  const k1 = basicKind(arg1);
  if (k1 === "invalid") throw new FuncError(errBadComparisonType);
  const arg2 = unwrap(a2);
  const k2 = basicKind(arg2);
  if (k2 === "invalid") throw new FuncError(errBadComparisonType);
  if (k1 !== k2) throw new FuncError(errBadComparison);
  if (k1 === "bool") throw new FuncError(errBadComparisonType);
  const x = (arg1 as { v: number | string }).v;
  const y = (arg2 as { v: number | string }).v;
  if (k1 === "string") return compareGoStrings(x as string, y as string) < 0;
  return x < y;
}

const bool = (b: boolean): GoValue => ({ k: "bool", v: b, iface: false });
const str = (s: string): GoValue => ({ k: "string", v: s, iface: false });

function indexArg(index: GoValue, cap: number): number {
  const v = unwrap(index);
  if (v.k === "int") {
    if (v.v < 0 || v.v > cap) throw new FuncError(`index out of range: ${v.v}`);
    return v.v;
  }
  if (v.k === "invalid" || v.k === "nil") throw new FuncError("cannot index slice/array with nil");
  throw new FuncError(`cannot index slice/array with type ${concreteType(v)}`);
}

function goIndex(item0: GoValue, indexes: GoValue[]): GoValue {
  let item = unwrap(item0);
  if (item.k === "invalid") throw new FuncError("index of untyped nil");
  for (const ix of indexes) {
    const index = unwrap(ix);
    if (item.k === "nil" || item.k === "invalid") throw new FuncError("index of nil pointer");
    switch (item.k) {
      case "slice": {
        const x = indexArg(index, item.v.length);
        if (x === item.v.length) throw new FuncError("reflect: slice index out of range");
        item = fromJson(item.v[x], true);
        break;
      }
      case "string": {
        const bytes = utf8(item.v);
        const x = indexArg(index, bytes.length);
        if (x === bytes.length) throw new FuncError("reflect: string index out of range");
        item = { k: "int", v: bytes[x], t: "uint8" as "int", iface: false };
        break;
      }
      case "map": {
        if (index.k === "invalid" || index.k === "nil") throw new FuncError("value is nil; should be of type string");
        if (index.k !== "string") throw new FuncError(`value has type ${concreteType(index)}; should be string`);
        const m: Record<string, unknown> = item.v;
        item = Object.prototype.hasOwnProperty.call(m, index.v) && m[index.v] !== undefined ? fromJson(m[index.v], true) : { k: "nil", iface: true };
        break;
      }
      default:
        throw new FuncError(`can't index item of type ${concreteType(item)}`);
    }
  }
  return item;
}

function goSlice(item0: GoValue, indexes: GoValue[]): GoValue {
  const item = unwrap(item0);
  if (item.k === "invalid") throw new FuncError("slice of untyped nil");
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (item.k === "string") {
    if (indexes.length === 3) throw new FuncError("cannot 3-index slice a string");
    len = utf8(item.v).length;
  } else if (item.k === "slice") len = item.v.length;
  else throw new FuncError(`can't slice item of type ${concreteType(item)}`);
  const idx = [0, len, 0];
  indexes.forEach((ix, i) => (idx[i] = indexArg(ix, len)));
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (item.k === "string") return str(new TextDecoder().decode(utf8(item.v).slice(idx[0], idx[1])));
  return { k: "slice", v: (item as { v: unknown[] }).v.slice(idx[0], idx[1]), iface: false };
}

function evalArgsString(args: GoValue[]): string {
  if (args.length === 1 && args[0].k === "string") return args[0].v;
  return sprint(args.map((a) => (a.k === "invalid" || a.k === "nil" ? str("<no value>") : a)));
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ "\0": "\uFFFD", '"': "&#34;", "'": "&#39;", "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}

function jsEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case "\\":
        out += "\\\\";
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case "<":
        out += "\\u003C";
        continue;
      case ">":
        out += "\\u003E";
        continue;
      case "&":
        out += "\\u0026";
        continue;
      case "=":
        out += "\\u003D";
        continue;
    }
    if (c < 0x20) out += "\\u00" + c.toString(16).toUpperCase().padStart(2, "0");
    else if (c < 0x80) out += ch;
    else if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch) || ch === " ") out += ch;
    else out += "\\u" + c.toString(16).toUpperCase().padStart(4, "0");
  }
  return out;
}

function queryEscape(s: string): string {
  let out = "";
  for (const b of utf8(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** `base64.StdEncoding.DecodeString` with Go's `illegal base64 data at input byte N`. */
export function goBase64Decode(s: string): Uint8Array | { error: string } {
  const input = utf8(s);
  const out: number[] = [];
  const corrupt = (n: number) => ({ error: `illegal base64 data at input byte ${n}` });
  let si = 0;
  const isNl = (b: number) => b === 10 || b === 13;
  for (;;) {
    const dbuf = [0, 0, 0, 0];
    let j = 0;
    let dlen = 4;
    let end = false;
    while (j < 4) {
      if (si === input.length) {
        if (j === 0) return new Uint8Array(out);
        return corrupt(si - j);
      }
      const b = input[si++];
      if (isNl(b)) continue;
      const d = B64.indexOf(String.fromCharCode(b));
      if (b < 128 && d >= 0) {
        dbuf[j++] = d;
        continue;
      }
      if (b !== 61) return corrupt(si - 1);
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < input.length && isNl(input[si])) si++;
        if (si === input.length) return corrupt(input.length);
        if (input[si] !== 61) return corrupt(si - 1);
        si++;
      }
      while (si < input.length && isNl(input[si])) si++;
      if (si < input.length) return corrupt(si);
      dlen = j;
      end = true;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (end) return new Uint8Array(out);
  }
}

function exists(item: GoValue, indices: GoValue[]): boolean {
  let v = unwrap(item);
  for (const i of indices) {
    const index = unwrap(i);
    if (v.k === "nil") return false;
    v = unwrap(v);
    switch (v.k) {
      case "slice":
      case "string": {
        if (index.k !== "int") return false;
        const len = v.k === "slice" ? v.v.length : utf8(v.v).length;
        if (index.v < 0 || index.v >= len) return false;
        v = v.k === "slice" ? fromJson(v.v[index.v], true) : { k: "int", v: utf8(v.v)[index.v], t: "int", iface: false };
        break;
      }
      case "map": {
        if (index.k !== "string" && index.k !== "invalid" && index.k !== "nil") return false;
        const key = index.k === "string" ? index.v : "";
        v = Object.prototype.hasOwnProperty.call(v.v, key) && v.v[key] !== undefined ? fromJson(v.v[key], true) : { k: "nil", iface: true };
        break;
      }
      default:
        return false;
    }
  }
  return !(v.k === "nil" && v.iface);
}

const FUNCS: Record<string, GoFunc> = {
  and: { params: ["value"], variadic: "value", call: () => INVALID },
  or: { params: ["value"], variadic: "value", call: () => INVALID },
  not: { params: ["value"], variadic: null, call: (a) => bool(!isTrue(unwrap(a[0]))) },
  len: {
    params: ["value"],
    variadic: null,
    call: (a) => {
      const v = a[0];
      if (v.k === "nil") throw new FuncError("len of nil pointer");
      if (v.k === "invalid") throw new FuncError("reflect: call of reflect.Value.Type on zero Value");
      switch (v.k) {
        case "string":
          return { k: "int", v: utf8(v.v).length, t: "int", iface: false };
        case "slice":
          return { k: "int", v: v.v.length, t: "int", iface: false };
        case "map":
          return { k: "int", v: sortedKeys(v.v).length, t: "int", iface: false };
      }
      throw new FuncError(`len of type ${concreteType(v)}`);
    },
  },
  index: { params: ["value"], variadic: "value", call: (a) => goIndex(a[0], a.slice(1)) },
  slice: { params: ["value"], variadic: "value", call: (a) => goSlice(a[0], a.slice(1)) },
  call: {
    params: ["value"],
    variadic: "value",
    call: (a, node) => {
      const fn = unwrap(a[0]);
      if (fn.k === "invalid") throw new FuncError("call of nil");
      throw new FuncError(`non-function ${nodeString(node.args[1] ?? node.args[0])} of type ${concreteType(fn)}`);
    },
  },
  print: { params: [], variadic: "any", call: (a) => str(sprint(a)) },
  println: { params: [], variadic: "any", call: (a) => str(sprintln(a)) },
  printf: { params: ["string"], variadic: "any", call: (a) => str(sprintf((a[0] as { v: string }).v, a.slice(1))) },
  html: { params: [], variadic: "any", call: (a) => str(htmlEscape(evalArgsString(a))) },
  js: { params: [], variadic: "any", call: (a) => str(jsEscape(evalArgsString(a))) },
  urlquery: { params: [], variadic: "any", call: (a) => str(queryEscape(evalArgsString(a))) },
  eq: { params: ["value"], variadic: "value", call: (a) => bool(eq(a[0], a.slice(1))) },
  ne: { params: ["value", "value"], variadic: null, call: (a) => bool(!eq(a[0], [a[1]])) },
  lt: { params: ["value", "value"], variadic: null, call: (a) => bool(lt(a[0], a[1])) },
  le: { params: ["value", "value"], variadic: null, call: (a) => bool(lt(a[0], a[1]) || eq(a[0], [a[1]])) },
  gt: { params: ["value", "value"], variadic: null, call: (a) => bool(!(lt(a[0], a[1]) || eq(a[0], [a[1]]))) },
  ge: { params: ["value", "value"], variadic: null, call: (a) => bool(!lt(a[0], a[1])) },
  exists: { params: ["any"], variadic: "any", call: (a) => bool(exists(a[0], a.slice(1))) },
  base64decode: {
    params: ["string"],
    variadic: null,
    call: (a) => {
      const r = goBase64Decode((a[0] as { v: string }).v);
      if (!(r instanceof Uint8Array)) throw new FuncError(`base64 decode failed: ${r.error}`);
      return str(new TextDecoder().decode(r));
    },
  },
};
