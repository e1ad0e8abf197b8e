/**
 * kubectl's JSONPath (client-go `util/jsonpath`): the template grammar (`{.a.b}`, `[*]`,
 * `[0]`, `[-1]`, `[1:3]`, `[a,b]`, `..name`, `*`, `[?(@.type=="Ready")]`, `{range …}{end}`,
 * `{"\n"}`), evaluation over plain JSON values with missing keys allowed (kubectl's default),
 * and printing: strings raw, maps and lists as compact JSON, results of one action joined
 * by spaces.
 */
import { goJsonCompact, goJsonIndent } from "./go-json";
import { goFormatV } from "./go-format";

type Value = unknown;

interface Params {
  value: number;
  known: boolean;
  derived?: boolean;
}

type PathNode =
  | { type: "field"; name: string }
  | { type: "wildcard" }
  | { type: "recursive" }
  | { type: "array"; params: [Params, Params, Params] }
  | { type: "union"; alternatives: PathNode[][] }
  | { type: "filter"; left: PathNode[]; right: PathNode[]; op: string }
  | { type: "text"; text: string }
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "identifier"; name: string };

/** One `{…}` action or the text between actions. */
type Segment = { type: "text"; text: string } | { type: "action"; nodes: PathNode[] };

/** A parse or execution error, with kubectl's wording. */
export class JsonPathError extends Error {}

const TERMINATORS = new Set([" ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}"]);

function isAlphaNumeric(ch: string): boolean {
  return ch === "_" || /[\p{L}\p{Nd}]/u.test(ch);
}

/** `%#U` of a rune as Go prints it: `U+002C ','`. */
function goRuneDescription(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")} '${ch}'`;
}

/** Go's strconv.Unquote for the quoted strings of a template (`"\n"`, `'x'`). */
function unquote(text: string): string {
  const body = text.slice(1, -1);
  if (text[0] === "'") return body.replace(/\\(.)/g, "$1");
  try {
    return JSON.parse(`"${body.replace(/\\'/g, "'").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")}"`) as string;
  } catch {
    throw new JsonPathError(`invalid syntax`);
  }
}

class Parser {
  pos = 0;
  start = 0;
  constructor(readonly input: string) {}

  next(): string {
    if (this.pos >= this.input.length) {
      this.pos++;
      return "";
    }
    return this.input[this.pos++];
  }
  peek(): string {
    return this.pos < this.input.length ? this.input[this.pos] : "";
  }
  backup(): void {
    this.pos--;
  }
  consume(): string {
    const s = this.input.slice(this.start, Math.min(this.pos, this.input.length));
    this.start = this.pos;
    return s;
  }
  advance(): boolean {
    const r = this.next();
    if (r === "\\") this.next();
    else if (r === "" || TERMINATORS.has(r)) {
      this.backup();
      return false;
    }
    return true;
  }

  parseTemplate(): Segment[] {
    const segments: Segment[] = [];
    while (this.pos < this.input.length) {
      const open = this.input.indexOf("{", this.pos);
      if (open < 0) {
        segments.push({ type: "text", text: this.input.slice(this.pos) });
        break;
      }
      if (open > this.pos) segments.push({ type: "text", text: this.input.slice(this.pos, open) });
      this.pos = open + 1;
      this.start = this.pos;
      const nodes: PathNode[] = [];
      this.insideAction(nodes);
      segments.push({ type: "action", nodes });
    }
    return segments;
  }

  /** Parses a whole sub-expression (filter operands, union alternatives). */
  parseExpression(): PathNode[] {
    const nodes: PathNode[] = [];
    this.input.length;
    this.insideAction(nodes, true);
    return nodes;
  }

  insideAction(cur: PathNode[], toEnd = false): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (!toEnd && rest.startsWith("}")) {
        this.pos++;
        this.start = this.pos;
        return;
      }
      if (toEnd && this.pos >= this.input.length) return;
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        const last = cur[cur.length - 1];
        if (last && last.type === "recursive") throw new JsonPathError("invalid multiple recursive descent");
        this.pos += 2;
        this.start = this.pos;
        cur.push({ type: "recursive" });
        if (isAlphaNumeric(this.peek())) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === "" || r === "\n" || r === "\r") throw new JsonPathError("unclosed action");
      if (r === " " || r === "@" || r === "$") {
        this.start = this.pos;
      } else if (r === "[") {
        this.parseArray(cur);
      } else if (r === '"' || r === "'") {
        this.parseQuote(cur, r);
      } else if (r === ".") {
        this.parseField(cur);
      } else if (r === "+" || r === "-" || /\d/.test(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathError(`unrecognized character in action: ${goRuneDescription(r)}`);
      }
    }
  }

  parseField(cur: PathNode[]): void {
    this.start = this.pos;
    while (this.advance());
    const value = this.consume();
    if (value === "*") cur.push({ type: "wildcard" });
    else cur.push({ type: "field", name: value.replace(/\\/g, "") });
  }

  parseIdentifier(cur: PathNode[]): void {
    this.start = this.pos;
    while (isAlphaNumeric(this.peek())) this.pos++;
    const value = this.consume();
    if (value === "true" || value === "false") cur.push({ type: "bool", value: value === "true" });
    else cur.push({ type: "identifier", name: value });
  }

  parseNumber(cur: PathNode[]): void {
    this.start = this.pos;
    const r = this.peek();
    if (r === "+" || r === "-") this.pos++;
    while (/[\d.eE]/.test(this.peek())) this.pos++;
    const text = this.consume();
    if (/^[+-]?\d+$/.test(text)) cur.push({ type: "int", value: parseInt(text, 10) });
    else if (!Number.isNaN(Number(text))) cur.push({ type: "float", value: Number(text) });
    else throw new JsonPathError(`cannot parse number ${text}`);
  }

  parseQuote(cur: PathNode[], quote: string): void {
    const begin = this.pos - 1;
    for (;;) {
      const r = this.next();
      if (r === "") throw new JsonPathError("unterminated quoted string");
      if (r === "\\") {
        this.next();
        continue;
      }
      if (r === quote) break;
    }
    cur.push({ type: "text", text: unquote(this.input.slice(begin, this.pos)) });
    this.start = this.pos;
  }

  parseArray(cur: PathNode[]): void {
    const begin = this.pos;
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") throw new JsonPathError("unterminated array");
      if (r === "]") break;
    }
    let text = this.input.slice(begin, this.pos - 1);
    this.start = this.pos;
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) {
      cur.push({ type: "union", alternatives: parts.map((p) => parseExpression(`[${p.trim()}]`)) });
      return;
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      cur.push(...parseExpression(`.${dict[1]}`));
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const params: [Params, Params, Params] = [
      { value: 0, known: false },
      { value: 0, known: false },
      { value: 0, known: false },
    ];
    const groups = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    for (let i = 0; i < 3; i++) {
      let g = groups[i];
      if (g === "") continue;
      if (i > 0) g = g.slice(1);
      if (i > 0 && g === "") params[i].known = false;
      else params[i] = { value: parseInt(g, 10), known: true };
    }
    if (groups[1] === "") params[1] = { value: params[0].value + 1, known: true, derived: true };
    cur.push({ type: "array", params });
  }

  parseFilter(cur: PathNode[]): void {
    this.pos += 3;
    const begin = this.pos;
    let quoteBegin = false;
    let quoteEnd = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") throw new JsonPathError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!quoteBegin) {
          quoteBegin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) quoteEnd = true;
      } else if (r === ")") {
        if (quoteBegin === quoteEnd) break;
      }
    }
    if (this.next() !== "]") throw new JsonPathError("unclosed array expect ]");
    const text = this.input.slice(begin, this.pos - 2);
    this.start = this.pos;
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text);
    if (!m) cur.push({ type: "filter", left: parseExpression(text), right: [], op: "exists" });
    else cur.push({ type: "filter", left: parseExpression(m[1]), right: parseExpression(m[3]), op: m[2] });
  }
}

function parseExpression(text: string): PathNode[] {
  return new Parser(text).parseExpression();
}

/** A parsed template. */
export interface JsonPathTemplate {
  segments: Segment[];
  source: string;
}

/** Parses a template; throws `JsonPathError` with kubectl's message on bad syntax. */
export function parseJsonPath(template: string): JsonPathTemplate {
  return { segments: new Parser(template).parseTemplate(), source: template };
}

function isObject(v: Value): v is Record<string, Value> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function sortedValues(obj: Record<string, Value>): Value[] {
  return Object.keys(obj)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => obj[k]);
}

function compare(left: Value, right: Value, op: string): boolean {
  if (typeof left === "number" && typeof right === "number") {
    switch (op) {
      case "==": return left === right;
      case "!=": return left !== right;
      case "<": return left < right;
      case ">": return left > right;
      case "<=": return left <= right;
      case ">=": return left >= right;
    }
  }
  if (typeof left === "string" && typeof right === "string") {
    switch (op) {
      case "==": return left === right;
      case "!=": return left !== right;
      case "<": return left < right;
      case ">": return left > right;
      case "<=": return left <= right;
      case ">=": return left >= right;
    }
  }
  if (typeof left === "boolean" && typeof right === "boolean") {
    if (op === "==") return left === right;
    if (op === "!=") return left !== right;
  }
  if (op === "==" || op === "!=" || op === "<" || op === ">" || op === "<=" || op === ">=") {
    throw new JsonPathError("incompatible types for comparison");
  }
  throw new JsonPathError(`unrecognized filter operator ${op}`);
}

function walk(values: Value[], nodes: readonly PathNode[]): Value[] {
  let cur = values;
  for (const node of nodes) cur = step(cur, node);
  return cur;
}

function step(input: Value[], node: PathNode): Value[] {
  const out: Value[] = [];
  switch (node.type) {
    case "field":
      for (const v of input) if (isObject(v) && Object.prototype.hasOwnProperty.call(v, node.name) && v[node.name] !== undefined) out.push(v[node.name]);
      return out;
    case "wildcard":
      for (const v of input) {
        if (Array.isArray(v)) out.push(...v);
        else if (isObject(v)) out.push(...sortedValues(v));
      }
      return out;
    case "recursive": {
      const collect = (vals: Value[]): void => {
        for (const v of vals) {
          const children = Array.isArray(v) ? v : isObject(v) ? sortedValues(v) : typeof v === "string" ? [] : [];
          if (children.length) {
            out.push(v);
            collect(children);
          }
        }
      };
      collect(input);
      return out;
    }
    case "array":
      for (const v of input) {
        if (!Array.isArray(v)) continue;
        const p = node.params.map((x) => ({ ...x }));
        const len = v.length;
        if (!p[0].known) p[0].value = 0;
        if (p[0].value < 0) p[0].value += len;
        if (!p[1].known) p[1].value = len;
        if (p[1].value < 0 || (p[1].value === 0 && p[1].derived)) p[1].value += len;
        if (p[1].value === p[0].value) continue;
        if (p[0].value >= len || p[0].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[0].value}, length ${len}`);
        if (p[1].value > len || p[1].value < 0) throw new JsonPathError(`array index out of bounds: index ${p[1].value - 1}, length ${len}`);
        if (p[0].value > p[1].value) throw new JsonPathError(`starting index ${p[0].value} is greater than ending index ${p[1].value}`);
        let stepBy = 1;
        if (p[2].known) {
          if (p[2].value <= 0) throw new JsonPathError("step must be > 0");
          stepBy = p[2].value;
        }
        for (let i = p[0].value; i < p[1].value; i += stepBy) out.push(v[i]);
      }
      return out;
    case "union":
      for (const alt of node.alternatives) out.push(...walk(input, alt));
      return out;
    case "filter":
      for (const v of input) {
        if (!Array.isArray(v)) continue;
        for (const el of v) {
          const lefts = walk([el], node.left);
          if (node.op === "exists") {
            if (lefts.length > 0) out.push(el);
            continue;
          }
          if (lefts.length === 0) continue;
          if (lefts.length > 1) throw new JsonPathError("can only compare one element at a time");
          const rights = walk([el], node.right);
          if (rights.length === 0) continue;
          if (rights.length > 1) throw new JsonPathError("can only compare one element at a time");
          if (compare(lefts[0], rights[0], node.op)) out.push(el);
        }
      }
      return out;
    case "text":
      return [node.text];
    case "int":
    case "float":
    case "bool":
      return [node.value];
    case "identifier":
      return input;
  }
}

/** Go's `fmt.Fprint` of a JSON scalar. */
function scalarText(v: Value): string {
  if (v === null || v === undefined) return "null";
  return goFormatV(v);
}

function printResults(results: Value[], asJson: boolean): string {
  if (asJson) return goJsonIndent(results);
  let s = "";
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    s += r !== null && typeof r === "object" ? goJsonCompact(r) : scalarText(r);
    if (i !== results.length - 1) s += " ";
  }
  return s;
}

function isKeyword(seg: Segment, word: string): boolean {
  return seg.type === "action" && seg.nodes.length > 0 && seg.nodes[0].type === "identifier" && (seg.nodes[0] as { name: string }).name === word;
}

function execute(segments: readonly Segment[], data: Value, asJson: boolean): { text: string; consumed: number } {
  let text = "";
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg.type === "text") {
      text += seg.text;
      continue;
    }
    if (isKeyword(seg, "end")) return { text, consumed: i + 1 };
    if (isKeyword(seg, "range")) {
      const items = walk([data], seg.nodes.slice(1));
      const body = segments.slice(i + 1);
      let consumed = 0;
      if (items.length === 0) consumed = execute(body, null, asJson).consumed;
      for (const item of items) {
        const r = execute(body, item, asJson);
        text += r.text;
        consumed = r.consumed;
      }
      i += consumed;
      continue;
    }
    text += printResults(walk([data], seg.nodes), asJson);
  }
  return { text, consumed: segments.length };
}

/** Runs a parsed template over `data` (`-o jsonpath`, or `-o jsonpath-as-json` with `asJson`). */
export function executeJsonPath(template: JsonPathTemplate, data: Value, asJson = false): string {
  return execute(template.segments, data, asJson).text;
}

/** Values a path finds in `data` (`--sort-by`, custom columns); missing keys give none. */
export function findJsonPathResults(template: JsonPathTemplate, data: Value): Value[][] {
  const out: Value[][] = [];
  for (const seg of template.segments) {
    if (seg.type === "text") out.push([seg.text]);
    else out.push(walk([data], seg.nodes));
  }
  return out;
}

/**
 * kubectl's `RelaxedJSONPathExpression`: `.metadata.name`, `metadata.name` and
 * `{.metadata.name}` all mean `{.metadata.name}`.
 */
export function relaxedJsonPath(pathExpression: string): string {
  if (pathExpression.length === 0) return pathExpression;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(pathExpression);
  if (!m) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2]}}`;
}
