import { baseName, emptyPlan, execFailure, exited, planExec, type ProcessInput, type ProcessPlan } from "./process";

/**
 * Ordinary programs a container may run as its main process instead of the image's
 * application: `sleep`, `sh -c '…'`, `echo`, `cat`, `tail -f`, `true`/`false`, and the network
 * clients `curl`/`wget`/`nslookup`/`nc` (engine/world/net-clients.ts, as a shell runs them).
 * Anything else that exists in the image runs briefly and exits 0.
 */

/** Splits a shell word list, honouring single and double quotes and `$VAR`/`${VAR}` expansion. */
export function shellWords(text: string, env: Record<string, string>): string[] {
  const out: string[] = [];
  let cur = "";
  let has = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else cur += c;
      continue;
    }
    if (c === "\\" && i + 1 < text.length) {
      cur += text[++i];
      has = true;
      continue;
    }
    if (c === '"') {
      quote = quote === '"' ? undefined : '"';
      has = true;
      continue;
    }
    if (c === "'" && !quote) {
      quote = "'";
      has = true;
      continue;
    }
    if (c === "$" && i + 1 < text.length) {
      const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|(\?))/.exec(text.slice(i));
      if (m) {
        cur += m[3] ? "0" : env[m[1] ?? m[2]] ?? "";
        has = true;
        i += m[0].length - 1;
        continue;
      }
    }
    if (!quote && /\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = "";
      has = false;
      continue;
    }
    cur += c;
    has = true;
  }
  if (has || cur) out.push(cur);
  return out;
}

/** Splits a script into statements on `;`, `&&`, `||` and newlines outside quotes, keeping the separator before each. */
function statements(script: string): { sep: string; text: string }[] {
  const out: { sep: string; text: string }[] = [];
  let cur = "";
  let sep = ";";
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const c = script[i];
    if (quote) {
      if (c === quote) quote = undefined;
      cur += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      cur += c;
      continue;
    }
    const two = script.slice(i, i + 2);
    if (two === "&&" || two === "||") {
      out.push({ sep, text: cur.trim() });
      sep = two;
      cur = "";
      i++;
      continue;
    }
    if (c === ";" || c === "\n") {
      out.push({ sep, text: cur.trim() });
      sep = ";";
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push({ sep, text: cur.trim() });
  return out.filter((s) => s.text !== "");
}

const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh"]);

/** Plans a non-application program. */
export function planProgram(input: ProcessInput, argv: string[], offset: number): ProcessPlan {
  const name = baseName(argv[0]);
  const args = argv.slice(1);
  if (SHELLS.has(name)) {
    const c = args.indexOf("-c");
    if (c >= 0 && args[c + 1] !== undefined) return planScript(input, argv, args[c + 1], offset, name);
    if (args.length === 0 || args.every((a) => a.startsWith("-"))) return input.stdin ? forever(input, argv) : exited(input, argv, offset, 0, []);
    const script = args.find((a) => !a.startsWith("-"))!;
    const content = input.readFile(script.startsWith("/") ? script : `/${script}`);
    if (content === undefined) return exited(input, argv, offset, 2, [`${name}: 0: cannot open ${script}: No such file`]);
    return planScript(input, argv, content, offset, name);
  }
  switch (name) {
    case "sleep": {
      const p = emptyPlan(input, argv);
      p.onTerm = undefined;
      const n = args[0] === "infinity" || args[0] === "inf" ? Infinity : parseSleep(args[0]);
      if (Number.isNaN(n)) return exited(input, argv, offset, 1, [`sleep: invalid number '${args[0] ?? ""}'`]);
      if (n !== Infinity) p.exit = { at: offset + n, code: 0, reason: "Completed" };
      return p;
    }
    case "tail":
      if (args.includes("-f") || args.includes("-F")) return forever(input, argv, true);
      return exited(input, argv, offset, 0, []);
    case "cat":
      if (args.length === 0) return input.stdin ? forever(input, argv, true) : exited(input, argv, offset, 0, []);
      return catFiles(input, argv, offset);
    case "echo":
      return exited(input, argv, offset, 0, [args.filter((a) => a !== "-n" && a !== "-e").join(" ")]);
    case "true":
      return exited(input, argv, offset, 0, []);
    case "false":
      return exited(input, argv, offset, 1, []);
    case "env":
    case "printenv":
      return exited(input, argv, offset, 0, Object.entries(input.env).map(([k, v]) => `${k}=${v}`));
    case "curl":
    case "wget":
    case "nslookup":
    case "nc": {
      // The clients a shell runs, run once as the main process: what they print is the log.
      const r = input.netClient(name, args);
      const text = (r.stderr + r.stdout).replace(/\n$/, "");
      return exited(input, argv, offset, r.code, text === "" ? [] : text.split("\n"));
    }
    default:
      return exited(input, argv, offset, 0, []);
  }
}

function parseSleep(arg: string | undefined): number {
  if (arg === undefined) return NaN;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return NaN;
  return Number(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
}

function forever(input: ProcessInput, argv: string[], handlesTerm = false): ProcessPlan {
  const p = emptyPlan(input, argv);
  if (!handlesTerm) p.onTerm = undefined;
  return p;
}

function catFiles(input: ProcessInput, argv: string[], offset: number): ProcessPlan {
  const lines: string[] = [];
  let code = 0;
  for (const f of argv.slice(1)) {
    const c = input.readFile(f);
    if (c === undefined) {
      lines.push(`cat: ${f}: No such file or directory`);
      code = 1;
    } else lines.push(...c.replace(/\n$/, "").split("\n"));
  }
  return exited(input, argv, offset, code, lines);
}

/** A tiny `sh -c` interpreter: echo, sleep, exit, export, exec, `while true` loops, and running other programs. */
function planScript(input: ProcessInput, argv: string[], script: string, offset: number, shell: string): ProcessPlan {
  const env = { ...input.env };
  const lines: { at: number; text: string }[] = [];
  let t = offset;
  let status = 0;
  const stmts = statements(script);
  const notFound = (cmd: string) => (shell === "bash" ? `${shell}: line 1: ${cmd}: command not found` : shell === "sh" && input.isExecutable("dash") ? `sh: 1: ${cmd}: not found` : `sh: ${cmd}: not found`);
  const finish = (code: number): ProcessPlan => {
    const p = emptyPlan({ ...input, env }, argv);
    p.lines = lines;
    p.exit = { at: t + 0.01, code, reason: code === 0 ? "Completed" : "Error" };
    p.onTerm = undefined;
    return p;
  };
  for (let i = 0; i < stmts.length; i++) {
    const { sep, text } = stmts[i];
    if ((sep === "&&" && status !== 0) || (sep === "||" && status === 0)) continue;
    const loop = /^while\s+(true|:|\[\s*1\s*\])\s*$/.exec(text);
    if (loop || /^while\s+(true|:)\s+do\b/.test(text)) {
      // Collect the body up to `done`.
      let period = 0;
      let echo: string | undefined;
      for (let j = i + 1; j < stmts.length; j++) {
        const b = stmts[j].text.replace(/^do\s+/, "");
        if (b === "done") break;
        const w = shellWords(b, env);
        if (w[0] === "sleep") period += parseSleep(w[1]) || 0;
        if (w[0] === "echo" && echo === undefined) echo = w.slice(1).join(" ");
        if (w[0] === "date" && echo === undefined) echo = "{time:date}";
      }
      const p = emptyPlan({ ...input, env }, argv);
      p.lines = lines;
      p.onTerm = undefined;
      if (echo !== undefined) p.periodic = { from: t, every: Math.max(1, period || 1), text: echo };
      return p;
    }
    const words = shellWords(text, env);
    if (words.length === 0) continue;
    const [cmd, ...rest] = words;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd)) {
      env[cmd.slice(0, cmd.indexOf("="))] = cmd.slice(cmd.indexOf("=") + 1);
      continue;
    }
    switch (cmd) {
      case "echo":
        lines.push({ at: t + 0.001, text: rest.filter((a) => a !== "-n" && a !== "-e").join(" ") });
        status = 0;
        continue;
      case "sleep": {
        const n = rest[0] === "infinity" ? Infinity : parseSleep(rest[0]);
        if (n === Infinity) {
          const p = emptyPlan({ ...input, env }, argv);
          p.lines = lines;
          p.onTerm = undefined;
          return p;
        }
        t += Number.isNaN(n) ? 0 : n;
        status = 0;
        continue;
      }
      case "exit":
        return finish(rest[0] !== undefined ? Number(rest[0]) & 255 : status);
      case "export":
        for (const a of rest) if (a.includes("=")) env[a.slice(0, a.indexOf("="))] = a.slice(a.indexOf("=") + 1);
        continue;
      case "set":
      case "trap":
      case "cd":
      case ":":
        status = 0;
        continue;
      case "true":
        status = 0;
        continue;
      case "false":
        status = 1;
        continue;
      case "exec":
        if (rest.length === 0) continue;
        return delegate(rest);
    }
    if (!input.isExecutable(cmd)) {
      lines.push({ at: t + 0.001, text: notFound(cmd) });
      status = 127;
      continue;
    }
    const sub = planExec({ ...input, env }, words, t);
    if (!sub.exit || sub.exit.reason === "OOMKilled" || i === stmts.length - 1) return merge(sub);
    lines.push(...sub.lines);
    t = sub.exit.at;
    status = sub.exit.code;
  }
  return finish(status);

  function merge(sub: ProcessPlan): ProcessPlan {
    sub.lines = [...lines, ...sub.lines];
    sub.argv = argv;
    return sub;
  }
  function delegate(words: string[]): ProcessPlan {
    if (!input.isExecutable(words[0])) {
      lines.push({ at: t + 0.001, text: shell === "sh" ? `sh: exec: line 1: ${words[0]}: not found` : notFound(words[0]) });
      return finish(127);
    }
    return merge(planExec({ ...input, env }, words, t));
  }
}

/** The runc error for argv[0], re-exported for exec-style callers. */
export { execFailure };
