/**
 * The programs the simulated container can run, with busybox-style output: environment and
 * identity (`env`, `printenv`, `hostname`, `id`, `whoami`), files (`cat`, `ls`), processes
 * (`ps`), text filters for pipes, and the network clients.
 */
import { isExecutable, type ContainerView } from "../container-view";
import { isDirectory, listDirectory, resolvePath } from "./filesystem";
import { runNetClient } from "./net-tools";

/** What a program printed and its exit code. */
export interface ProgramResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** The mutable part of a shell session: working directory, variables, last exit code. */
export interface ShellState {
  cwd: string;
  env: Record<string, string>;
  lastExit: number;
}

/** Runs a nested shell script (`sh -c`). */
export type ScriptRunner = (view: ContainerView, state: ShellState, script: string) => ProgramResult & { exit?: boolean };

type Program = (view: ContainerView, state: ShellState, args: string[], stdin: string, runScript: ScriptRunner) => ProgramResult;

const ok = (stdout: string): ProgramResult => ({ stdout, stderr: "", code: 0 });

function envLines(env: Record<string, string>): string {
  return Object.entries(env).map(([k, v]) => `${k}=${v}\n`).join("");
}

function uid(user: string): number {
  return user === "root" ? 0 : user === "nobody" ? 65534 : /^\d+$/.test(user) ? Number(user) : 1000;
}

function ls(view: ContainerView, state: ShellState, args: string[]): ProgramResult {
  const flags = args.filter((a) => a.startsWith("-")).join("");
  const all = flags.includes("a");
  const long = flags.includes("l");
  const paths = args.filter((a) => !a.startsWith("-"));
  let stdout = "";
  let stderr = "";
  let code = 0;
  const targets = paths.length > 0 ? paths : ["."];
  targets.forEach((p, idx) => {
    const abs = resolvePath(state.cwd, p);
    if (view.files.has(abs)) {
      stdout += long ? `-rw-r--r--    1 root     root      ${String(view.files.get(abs)!.length).padStart(8)} Jan  1 00:00 ${p}\n` : `${p}\n`;
      return;
    }
    if (!isDirectory(view.files, abs)) {
      stderr += `ls: ${p}: No such file or directory\n`;
      code = 1;
      return;
    }
    if (targets.length > 1) stdout += `${idx > 0 ? "\n" : ""}${p}:\n`;
    const entries = listDirectory(view.files, abs).filter((e) => all || !e.name.startsWith("."));
    const names = all ? [{ name: ".", dir: true }, { name: "..", dir: true }, ...entries] : entries;
    if (long) {
      stdout += `total ${names.length * 4}\n`;
      for (const e of names) {
        const size = e.dir ? 4096 : (view.files.get(`${abs === "/" ? "" : abs}/${e.name}`) ?? "").length;
        stdout += `${e.dir ? "drwxr-xr-x" : "-rw-r--r--"}    ${e.dir ? 2 : 1} root     root      ${String(size).padStart(8)} Jan  1 00:00 ${e.name}\n`;
      }
    } else for (const e of names) stdout += `${e.name}\n`;
  });
  return { stdout, stderr, code };
}

function cat(view: ContainerView, state: ShellState, args: string[], stdin: string): ProgramResult {
  const files = args.filter((a) => a !== "-" && !a.startsWith("-"));
  if (files.length === 0) return ok(stdin);
  let stdout = "";
  let stderr = "";
  let code = 0;
  for (const f of files) {
    const abs = resolvePath(state.cwd, f);
    const content = view.files.get(abs);
    if (content !== undefined) stdout += content;
    else if (isDirectory(view.files, abs)) {
      stderr += `cat: read error: Is a directory\n`;
      code = 1;
    } else {
      stderr += `cat: can't open '${f}': No such file or directory\n`;
      code = 1;
    }
  }
  return { stdout, stderr, code };
}

function ps(view: ContainerView): ProgramResult {
  let out = "PID   USER     TIME  COMMAND\n";
  const rows = [...view.processes, { pid: Math.max(...view.processes.map((p) => p.pid)) + 6, user: view.user, argv: ["ps"] }];
  for (const p of rows) out += `${String(p.pid).padStart(5)} ${p.user.padEnd(8).slice(0, 8)}  0:00 ${p.argv.join(" ")}\n`;
  return ok(out);
}

function grep(_v: ContainerView, _s: ShellState, args: string[], stdin: string): ProgramResult {
  const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join("");
  const rest = args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
  const pattern = rest[0] ?? "";
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags.includes("i") ? "i" : "");
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }
  const lines = stdin.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const invert = flags.includes("v");
  const matched = lines.filter((l) => re.test(l) !== invert);
  if (flags.includes("c")) return { stdout: `${matched.length}\n`, stderr: "", code: matched.length > 0 ? 0 : 1 };
  return { stdout: matched.map((l) => l + "\n").join(""), stderr: "", code: matched.length > 0 ? 0 : 1 };
}

function headTail(which: "head" | "tail"): Program {
  return (_v, _s, args, stdin) => {
    let n = 10;
    for (let i = 0; i < args.length; i++) {
      if (args[i] === "-n") n = Number(args[++i]);
      else if (/^-\d+$/.test(args[i])) n = Number(args[i].slice(1));
    }
    const lines = stdin.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    const sel = which === "head" ? lines.slice(0, n) : lines.slice(Math.max(0, lines.length - n));
    return ok(sel.map((l) => l + "\n").join(""));
  };
}

function wc(_v: ContainerView, _s: ShellState, args: string[], stdin: string): ProgramResult {
  const lines = (stdin.match(/\n/g) ?? []).length;
  if (args.includes("-l")) return ok(`${lines}\n`);
  const words = stdin.split(/\s+/).filter(Boolean).length;
  return ok(`${String(lines).padStart(9)} ${String(words).padStart(9)} ${String(stdin.length).padStart(9)}\n`);
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function date(view: ContainerView): ProgramResult {
  const d = new Date(view.now);
  const p2 = (n: number) => String(n).padStart(2, "0");
  return ok(`${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}\n`);
}

/** The programs by name (busybox applets and shell builtins). */
export const PROGRAMS: Record<string, Program> = {
  env: (_v, s) => ok(envLines(s.env)),
  printenv: (_v, s, args) => {
    if (args.length === 0) return ok(envLines(s.env));
    const vals = args.map((a) => s.env[a]);
    return { stdout: vals.filter((v) => v !== undefined).map((v) => v + "\n").join(""), stderr: "", code: vals.every((v) => v !== undefined) ? 0 : 1 };
  },
  echo: (_v, _s, args) => (args[0] === "-n" ? ok(args.slice(1).join(" ")) : ok(args.join(" ") + "\n")),
  pwd: (_v, s) => ok(s.cwd + "\n"),
  hostname: (v) => ok(v.hostname + "\n"),
  whoami: (v) => ok(v.user + "\n"),
  id: (v) => {
    const n = uid(v.user);
    return ok(n === 0 ? "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n" : `uid=${n}(${v.user}) gid=${n}(${v.user}) groups=${n}(${v.user})\n`);
  },
  cat,
  ls,
  ps,
  grep,
  head: headTail("head"),
  tail: headTail("tail"),
  wc,
  sort: (_v, _s, _a, stdin) => ok(stdin.split("\n").filter((l, i, a) => i < a.length - 1 || l !== "").sort().map((l) => l + "\n").join("")),
  date,
  uname: (v, _s, args) => ok(args.includes("-a") ? `Linux ${v.hostname} 6.8.0-1017-generic #18-Ubuntu SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\n` : "Linux\n"),
  true: () => ok(""),
  false: () => ({ stdout: "", stderr: "", code: 1 }),
  sleep: () => ok(""),
  which: (v, _s, args) => {
    const found = args.filter((a) => v.binaries.has(a));
    return { stdout: found.map((a) => `/bin/${a}\n`).join(""), stderr: "", code: found.length === args.length ? 0 : 1 };
  },
  nslookup: (v, _s, args) => runNetClient("nslookup", v, args),
  wget: (v, _s, args) => runNetClient("wget", v, args),
  curl: (v, _s, args) => runNetClient("curl", v, args),
  nc: (v, _s, args) => runNetClient("nc", v, args),
  sh: (v, s, args, _stdin, run) => shellProgram(v, s, args, run),
  bash: (v, s, args, _stdin, run) => shellProgram(v, s, args, run),
  ash: (v, s, args, _stdin, run) => shellProgram(v, s, args, run),
};

function shellProgram(view: ContainerView, state: ShellState, args: string[], run: ScriptRunner): ProgramResult {
  const c = args.indexOf("-c");
  if (c < 0 || args[c + 1] === undefined) return ok("");
  const r = run(view, { ...state, env: { ...state.env } }, args[c + 1]);
  return { stdout: r.stdout, stderr: r.stderr, code: r.code };
}

/** Builtins every shell has, whatever binaries the image ships. */
export const SHELL_BUILTINS = new Set(["echo", "pwd", "true", "false", "cd", "export", "exit", "printenv_builtin"]);

/** Whether the image can run `name` (a builtin of the running shell, or an executable in the image). */
export function canRun(view: ContainerView, name: string, inShell: boolean): boolean {
  if (inShell && SHELL_BUILTINS.has(name)) return true;
  return isExecutable(view, name);
}
