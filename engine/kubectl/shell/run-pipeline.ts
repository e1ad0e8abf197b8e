/**
 * Runs parsed command lines: each pipeline stage in turn, stdout feeding the next stage's stdin,
 * stderr going straight to the terminal, redirections applied, the exit code the last stage's.
 * Pure: commands such as `kubectl` are supplied by the caller.
 */
import { commandNotFound } from "./bash-errors";
import { BUILTINS, runBuiltin } from "./builtins";
import type { CommandOutput } from "./filters/filter-types";
import { isFilter, runFilter } from "./filters/run-filter";
import { parseShellLine } from "./parse-shell-line";
import type { ParseShellOptions, ShellCommand, ShellStep } from "./types";

/** A command the caller provides (`kubectl`, `sleep`…): its argv (argv[0] is its name) and stdin (`undefined` = the terminal). */
export type ExternalCommand = (argv: string[], stdin: string | undefined) => CommandOutput;

/** Optional files for `>`, `>>`, `<` and file operands; without them writes fail as on a read-only disk. */
export interface VirtualFiles {
  read(path: string): string | undefined;
  write(path: string, text: string, append: boolean): void;
}

/** How to run commands that are not builtins or filters. */
export interface RunOptions {
  /** Commands by name, e.g. `{ kubectl: runKubectl }`. Anything else not built in is "command not found". */
  commands: Readonly<Record<string, ExternalCommand>>;
  files?: VirtualFiles;
}

/** What the terminal shows, in order: text on stdout or stderr, or a screen clear. */
export type OutputChunk = { kind: "stdout" | "stderr"; text: string } | { kind: "clear" };

/** The outcome of running a pipeline or a whole line. */
export interface ShellRunResult {
  /** Everything to display, in order. */
  chunks: OutputChunk[];
  /** All stdout text joined (convenience for tests). */
  stdout: string;
  /** All stderr text joined. */
  stderr: string;
  exitCode: number;
}

type Destination = { to: "out" } | { to: "err" } | { to: "null" } | { to: "file"; path: string; append: boolean };

/** Run one pipeline (`a | b | c`). */
export function runPipeline(pipeline: readonly ShellCommand[], options: RunOptions): ShellRunResult {
  const chunks: OutputChunk[] = [];
  let piped: string | undefined;
  let exitCode = 0;
  pipeline.forEach((stage, index) => {
    const last = index === pipeline.length - 1;
    const result = runStage(stage, index === 0 ? undefined : piped ?? "", options);
    const { stdout, stderr } = result;
    exitCode = result.exitCode;
    const fds = result.fds;
    const files = new Map<string, { append: boolean; text: string }>();
    let toOut = "";
    const errors: OutputChunk[] = [];
    const deliver = (text: string, dest: Destination) => {
      if (text === "") return;
      if (dest.to === "out") toOut += text;
      else if (dest.to === "err") errors.push({ kind: "stderr", text });
      else if (dest.to === "file") {
        const f = files.get(dest.path) ?? { append: dest.append, text: "" };
        f.text += text;
        files.set(dest.path, f);
      }
    };
    deliver(stderr, fds[2]);
    deliver(stdout, fds[1]);
    for (const [path, f] of files) options.files?.write(path, f.text, f.append);
    for (const path of result.truncate) if (!files.has(path)) options.files?.write(path, "", false);
    const stdoutFirst = result.stdoutFirst === true && last;
    if (!stdoutFirst) chunks.push(...errors);
    if (result.clear && last && fds[1].to === "out") chunks.push({ kind: "clear" });
    if (last) {
      if (toOut !== "") chunks.push({ kind: "stdout", text: toOut });
    } else piped = toOut;
    if (stdoutFirst) chunks.push(...errors);
  });
  return summarize(chunks, exitCode);
}

/** Run every step of a parsed line, honouring `;`, `&&` and `||`. */
export function runSteps(steps: readonly ShellStep[], options: RunOptions): ShellRunResult {
  const chunks: OutputChunk[] = [];
  let exitCode = 0;
  for (const step of steps) {
    if (step.runIf === "if-success" && exitCode !== 0) continue;
    if (step.runIf === "if-failure" && exitCode === 0) continue;
    const r = runPipeline(step.pipeline, options);
    chunks.push(...r.chunks);
    exitCode = r.exitCode;
  }
  return summarize(chunks, exitCode);
}

/**
 * Parse and run one terminal input. Parse errors are printed as bash prints them (exit code 2),
 * heredoc warnings before the output.
 */
export function runCommandLine(input: string, options: RunOptions & ParseShellOptions): ShellRunResult {
  const parsed = parseShellLine(input, options);
  if (!parsed.ok) return summarize([{ kind: "stderr", text: parsed.error }], parsed.exitCode);
  const warnings: OutputChunk[] = parsed.warnings.map((text) => ({ kind: "stderr", text }));
  const result = runSteps(parsed.steps, options);
  return summarize([...warnings, ...result.chunks], result.exitCode);
}

function summarize(chunks: OutputChunk[], exitCode: number): ShellRunResult {
  let stdout = "";
  let stderr = "";
  for (const c of chunks) {
    if (c.kind === "stdout") stdout += c.text;
    if (c.kind === "stderr") stderr += c.text;
  }
  return { chunks, stdout, stderr, exitCode };
}

interface StageResult extends CommandOutput {
  fds: { 1: Destination; 2: Destination };
  truncate: string[];
  clear?: boolean;
}

function runStage(stage: ShellCommand, piped: string | undefined, options: RunOptions): StageResult {
  const fds: { 1: Destination; 2: Destination } = { 1: { to: "out" }, 2: { to: "err" } };
  const truncate: string[] = [];
  let stdin = piped;
  /** bash reports a failed redirection and does not run the command. */
  const failRedirect = (message: string): StageResult => ({
    stdout: "",
    stderr: message,
    exitCode: 1,
    fds: { 1: { to: "null" }, 2: { to: "err" } },
    truncate: [],
  });
  for (const r of stage.redirects) {
    if (r.op === "<<" || r.op === "<<<") {
      if (r.fd === 0) stdin = r.target;
      continue;
    }
    if (r.op === "<" || r.op === "<&") {
      if (r.op === "<&" || r.fd !== 0) continue;
      if (r.target === "/dev/null") {
        stdin = "";
        continue;
      }
      const text = options.files?.read(r.target);
      if (text === undefined) return failRedirect(`bash: ${r.target}: No such file or directory\n`);
      stdin = text;
      continue;
    }
    if (r.fd !== 1 && r.fd !== 2) continue;
    if (r.op === ">&") {
      if (r.target === "-") fds[r.fd] = { to: "null" };
      else if (r.target === "1" || r.target === "2") fds[r.fd] = fds[Number(r.target) as 1 | 2];
      else if (r.target !== "0") return failRedirect(`bash: ${r.target}: Bad file descriptor\n`);
      continue;
    }
    const path = r.target;
    if (path === "/dev/null") fds[r.fd] = { to: "null" };
    else if (path === "/dev/stdout") fds[r.fd] = fds[1];
    else if (path === "/dev/stderr") fds[r.fd] = fds[2];
    else if (path === "") return failRedirect("bash: : No such file or directory\n");
    else if (!options.files) return failRedirect(`bash: ${path}: Read-only file system\n`);
    else {
      fds[r.fd] = { to: "file", path, append: r.op === ">>" };
      if (r.op === ">") truncate.push(path);
    }
  }
  const output = execute(stage.argv, stdin, options);
  return { ...output, fds, truncate };
}

function execute(argv: readonly string[], stdin: string | undefined, options: RunOptions): CommandOutput & { clear?: boolean } {
  const name = argv[0];
  if (name === undefined) return { stdout: "", stderr: "", exitCode: 0 };
  if (BUILTINS.has(name)) return runBuiltin(argv);
  if (Object.prototype.hasOwnProperty.call(options.commands, name)) return options.commands[name]([...argv], stdin);
  if (isFilter(name)) return runFilter(argv, stdin ?? "", options.files ? { readFile: (p) => options.files!.read(p) } : {});
  return { stdout: "", stderr: commandNotFound(name), exitCode: 127 };
}
