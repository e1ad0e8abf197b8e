/**
 * The simulated shell of a container: pure functions from a container view and a line of
 * input to output, exit code and the next shell state. `kubectl exec POD -- CMD…` runs one
 * argv with `runExec`; an interactive session (`exec -it … -- sh`, `debug -it`) feeds each line
 * to `simShell`.
 */
import type { ContainerView } from "../container-view";
import { isDirectory, resolvePath } from "./filesystem";
import { canRun, PROGRAMS, type ProgramResult, type ShellState } from "./programs";
import { parseShellLine } from "./tokenize";

export type { ShellState, ProgramResult } from "./programs";

/** The result of one shell line. */
export interface ShellLineResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The shell exited (`exit`); the session should end. */
  exit?: boolean;
  state: ShellState;
}

/** A fresh shell's state: the container's working directory and environment. */
export function newShellState(view: ContainerView): ShellState {
  return { cwd: view.workingDir || "/", env: { ...view.env }, lastExit: 0 };
}

/** The prompt an interactive shell of this image shows (`/ # ` for root in busybox, `$ ` otherwise). */
export function shellPrompt(view: ContainerView, state: ShellState): string {
  if (view.binaries.has("bash") && !view.binaries.has("busybox")) return `${view.user}@${view.hostname}:${state.cwd}${view.user === "root" ? "#" : "$"} `;
  return `${state.cwd} ${view.user === "root" ? "#" : "$"} `;
}

function notFound(view: ContainerView, name: string): string {
  if (view.binaries.has("busybox") || !view.binaries.has("bash")) return `sh: ${name}: not found\n`;
  return `bash: ${name}: command not found\n`;
}

function runSimple(view: ContainerView, state: ShellState, argv: string[], stdin: string): ProgramResult & { exit?: boolean } {
  const [name, ...args] = argv;
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (base === "exit") return { stdout: "", stderr: "", code: args[0] ? Number(args[0]) || 0 : state.lastExit, exit: true };
  if (base === "cd") {
    const target = resolvePath(state.cwd, args[0] ?? state.env.HOME ?? "/");
    if (!isDirectory(view.files, target)) return { stdout: "", stderr: `sh: cd: can't cd to ${args[0]}: No such file or directory\n`, code: 2 };
    state.cwd = target;
    return { stdout: "", stderr: "", code: 0 };
  }
  if (base === "export") {
    for (const a of args) {
      const eq = a.indexOf("=");
      if (eq > 0) state.env[a.slice(0, eq)] = a.slice(eq + 1);
    }
    return { stdout: "", stderr: "", code: 0 };
  }
  if (!canRun(view, name, true)) return { stdout: "", stderr: notFound(view, name), code: 127 };
  const program = PROGRAMS[base];
  if (!program) return { stdout: "", stderr: `sh: ${name}: cannot be run in this simulated container\n`, code: 126 };
  return program(view, state, args, stdin, runScript);
}

/** Runs a script (one or more lines) in `state`, which it updates. */
function runScript(view: ContainerView, state: ShellState, script: string): ProgramResult & { exit?: boolean } {
  const parsed = parseShellLine(script, (n) => (n === "?" ? String(state.lastExit) : state.env[n]));
  if (!parsed.ok) return { stdout: "", stderr: `sh: ${parsed.error}\n`, code: 2 };
  // Nothing to run (blank, or only a comment): no output, success, `$?` unchanged.
  if (parsed.list.length === 0) return { stdout: "", stderr: "", code: 0 };
  let stdout = "";
  let stderr = "";
  let skip = false;
  for (const item of parsed.list) {
    if (!skip) {
      let input = "";
      let last: ProgramResult & { exit?: boolean } = { stdout: "", stderr: "", code: 0 };
      for (const cmd of item.pipeline) {
        last = runSimple(view, state, cmd, input);
        stderr += last.stderr;
        input = last.stdout;
        if (last.exit) break;
      }
      stdout += input;
      state.lastExit = last.code;
      if (last.exit) return { stdout, stderr, code: last.code, exit: true };
    }
    if (item.next === "&&") skip = state.lastExit !== 0;
    else if (item.next === "||") skip = state.lastExit === 0;
    else skip = false;
  }
  return { stdout, stderr, code: state.lastExit };
}

/** Runs one line typed into an interactive shell. The input state is not modified. */
export function simShell(view: ContainerView, line: string, state: ShellState = newShellState(view)): ShellLineResult {
  const next: ShellState = { cwd: state.cwd, env: { ...state.env }, lastExit: state.lastExit };
  // An empty line runs nothing: no output, and `$?` keeps its value.
  if (line.trim() === "") return { stdout: "", stderr: "", exitCode: 0, exit: false, state: next };
  const r = runScript(view, next, line);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.code, exit: r.exit, state: next };
}

/**
 * Runs an argv as `kubectl exec` does (no shell in between): the result, or `notExecutable`
 * when the runtime cannot exec argv[0] (kubectl then reports the OCI runtime error).
 */
export function runExec(view: ContainerView, argv: string[]): (ProgramResult & { notExecutable?: false }) | { notExecutable: true } {
  if (!canRun(view, argv[0], false)) return { notExecutable: true };
  const state = newShellState(view);
  const base = argv[0].slice(argv[0].lastIndexOf("/") + 1);
  const program = PROGRAMS[base];
  if (!program) return { stdout: "", stderr: `${argv[0]}: cannot be run in this simulated container\n`, code: 126 };
  return program(view, state, argv.slice(1), "", runScript);
}
