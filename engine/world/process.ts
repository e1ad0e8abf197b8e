import type { ClientResult } from "./net-clients";
import type { AppFailure, AppLogLine, AppModel, AppRequirement, ImageSpec, World } from "../model/world";
import { resolveSettings } from "./app-settings";
import { describeConnectError, type ConnectError } from "./network";
import { planProgram } from "./programs";
import { expandTemplate } from "./templates";

/**
 * What a container's main process will do, decided when it starts: which program runs
 * (the image's application, a shell, `sleep`…), what it logs and when, whether and when it
 * listens, exits or is OOM-killed. Plain data, kept by the kubelet for the container's life.
 */

/** A log line at `at` seconds after the process started; `text` is a template. */
export interface PlannedLine {
  at: number;
  text: string;
}

/** How a process ends by itself. */
export interface PlannedExit {
  at: number;
  code: number;
  reason: "Completed" | "Error" | "OOMKilled";
}

/** The whole plan of one process. */
export interface ProcessPlan {
  argv: string[];
  /** The application model it runs, when it runs one. */
  appId?: string;
  runtime?: string;
  lines: PlannedLine[];
  /** Template variables of failure logs (`{url}`, `{error}`, `{option}`…). */
  vars: Record<string, string>;
  settings: Record<string, string>;
  profiles: string[];
  env: Record<string, string>;
  startupSeconds: number;
  /** Seconds after start when the app listens on `ports`; absent: never listens. */
  listenAt?: number;
  /** Listening ports, same order as the app's `listen`. */
  ports: number[];
  exit?: PlannedExit;
  /** A line repeated every `every` seconds from `from` while running. */
  periodic?: { from: number; every: number; text: string };
  memory: { startupMiB: number; steadyMiB: number; growthPerMinute: number };
  cpu: { startup: number; steady: number };
  /** On SIGTERM: exit code, seconds to exit, lines logged; absent when the process ignores SIGTERM (PID 1 `sleep`). */
  onTerm?: { exitCode: number; seconds: number; lines: string[] };
}

/** Everything the planner may look at, all as of the start instant. */
export interface ProcessInput {
  world: World;
  image: ImageSpec;
  argv: string[];
  env: Record<string, string>;
  readFile(path: string): string | undefined;
  /** Whether argv[0] (a bare name on PATH or an absolute path) is an executable in the container. */
  isExecutable(name: string): boolean;
  /** Memory limit of the container in bytes, if any. */
  memoryLimitBytes?: number;
  /** Whether the container keeps stdin open (`stdin: true`): a shell then waits instead of exiting. */
  stdin: boolean;
  hostname: string;
  /** Checks a URL from this pod (for `reachable` requirements). */
  reach(url: string): { ok: true } | { ok: false; error: ConnectError };
  /** Runs network client `program` (`nslookup`, `wget`, `curl`, `nc`: a key of NET_CLIENTS) from this pod, now. */
  netClient(program: string, args: string[]): ClientResult;
}

/** Why a container could not start at all (no process ran). */
export interface StartFailure {
  /** `CreateContainerError` (no command) or `StartError` (exec failed, exit code 128). */
  kind: "CreateContainerError" | "StartError";
  message: string;
}

const MiB = 1024 * 1024;

/** The error runc reports when argv[0] cannot be executed. */
export function execFailure(argv0: string): string {
  const detail = argv0.startsWith("/") || argv0.startsWith(".") ? `exec: "${argv0}": stat ${argv0}: no such file or directory` : `exec: "${argv0}": executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${detail}: unknown`;
}

/** The effective argv of a container: command (or ENTRYPOINT) then args (or CMD, only when command is not set). */
export function effectiveArgv(image: ImageSpec | undefined, command: string[] | undefined, args: string[] | undefined): string[] {
  const cmd = command && command.length > 0 ? command : image?.entrypoint ?? [];
  const rest = args && args.length > 0 ? args : command && command.length > 0 ? [] : image?.cmd ?? [];
  return [...cmd, ...rest];
}

/** The basename of an executable path. */
export function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

/** An empty plan for `argv`, to be filled by the program or app planner. */
export function emptyPlan(input: ProcessInput, argv: string[]): ProcessPlan {
  return {
    argv,
    lines: [],
    vars: {},
    settings: {},
    profiles: [],
    env: input.env,
    startupSeconds: 0,
    ports: [],
    memory: { startupMiB: 1, steadyMiB: 1, growthPerMinute: 0 },
    cpu: { startup: 1, steady: 0 },
    onTerm: { exitCode: 143, seconds: 0.1, lines: [] },
  };
}

/**
 * Plans the main process of a container from its effective argv. Returns a start failure
 * when the runtime cannot exec it.
 */
export function planProcess(input: ProcessInput): { ok: true; plan: ProcessPlan } | { ok: false; failure: StartFailure } {
  const argv = input.argv;
  if (argv.length === 0) return { ok: false, failure: { kind: "CreateContainerError", message: "failed to generate container spec: no command specified" } };
  if (!input.isExecutable(argv[0])) return { ok: false, failure: { kind: "StartError", message: execFailure(argv[0]) } };
  return { ok: true, plan: planExec(input, argv, 0) };
}

/** Plans an exec of `argv` (already known to exist) starting `offset` seconds into the process. */
export function planExec(input: ProcessInput, argv: string[], offset: number): ProcessPlan {
  const app = input.image.app ? input.world.apps[input.image.app] : undefined;
  const name = baseName(argv[0]);
  if (app) {
    if ((app.wrappers ?? []).some((w) => w === argv[0] || baseName(w) === name)) {
      let rest = argv.slice(1);
      if (rest.length > 0 && rest[0].startsWith("-")) rest = [app.executables[0], ...rest];
      if (rest.length === 0) return exited(input, argv, offset, 0, []);
      if (!input.isExecutable(rest[0])) return exited(input, argv, offset, 127, [`${argv[0]}: line 1: exec: ${rest[0]}: not found`]);
      return planExec(input, rest, offset);
    }
    if (app.executables.some((e) => e === argv[0] || baseName(e) === name)) return planApp(input, app, argv, offset);
  }
  return planProgram(input, argv, offset);
}

/** A process that writes `lines` and exits with `code` right away. */
export function exited(input: ProcessInput, argv: string[], offset: number, code: number, lines: string[]): ProcessPlan {
  const p = emptyPlan(input, argv);
  p.lines = lines.map((text, i) => ({ at: offset + 0.01 + i * 0.001, text }));
  p.exit = { at: offset + 0.05, code, reason: code === 0 ? "Completed" : "Error" };
  return p;
}

function logLines(lines: AppLogLine[] | undefined, startAt: number, span: number): PlannedLine[] {
  const out: PlannedLine[] = [];
  const list = lines ?? [];
  const plain = list.filter((l) => typeof l === "string").length;
  let i = 0;
  for (const l of list) {
    if (typeof l === "string") {
      out.push({ at: startAt + Math.min(0.2, span * 0.05) + (plain > 1 ? (span * 0.95 * i) / plain : 0), text: l });
      i++;
    } else out.push({ at: startAt + l.at, text: l.line });
  }
  return out;
}

/** Reads argv after the executable by the app's rules: settings set on the command line, or the failure. */
function parseAppArgs(input: ProcessInput, app: AppModel, args: string[]): { ok: true; settings: Record<string, string> } | { ok: false; failure: AppFailure; vars: Record<string, string> } {
  const rules = app.args;
  const settings: Record<string, string> = {};
  if (!rules) return { ok: true, settings };
  const seen = new Set<string>();
  const resolveFile = (f: string) => (f.startsWith("/") ? f : `${(rules.baseDir ?? "").replace(/\/$/, "")}/${f}`);
  let appArgs = false;
  let sawFile = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (appArgs) {
      if (rules.propertyArgs && a.startsWith("--") && a.includes("=")) settings[a.slice(2, a.indexOf("="))] = a.slice(a.indexOf("=") + 1);
      continue;
    }
    const opt = (rules.options ?? []).find((o) => (o.prefix ? a.startsWith(o.name) : a === o.name || (o.takesValue && a.startsWith(`${o.name}=`))));
    if (opt) {
      seen.add(opt.name);
      let value: string | undefined;
      if (opt.takesValue && !opt.prefix) {
        if (a.startsWith(`${opt.name}=`)) value = a.slice(opt.name.length + 1);
        else value = args[++i];
        if (value === undefined) return { ok: false, failure: rules.missingArguments ?? rules.unknownOption ?? { logs: [] }, vars: { option: a } };
      }
      if (opt.file && value !== undefined) {
        const path = resolveFile(value);
        if (input.readFile(path) === undefined) return { ok: false, failure: rules.missingFile ?? { logs: [] }, vars: { file: value.startsWith("/") ? value : path } };
      }
      if (opt.setting && value !== undefined) settings[opt.setting] = value;
      if (opt.endsOptions) appArgs = true;
      continue;
    }
    if (a.startsWith("-") && a !== "-") {
      if (rules.propertyArgs && a.startsWith("--") && a.includes("=")) {
        settings[a.slice(2, a.indexOf("="))] = a.slice(a.indexOf("=") + 1);
        continue;
      }
      return { ok: false, failure: rules.unknownOption ?? { logs: [] }, vars: { option: a } };
    }
    const positionals = rules.positionals ?? "any";
    if (positionals === "none") return { ok: false, failure: rules.unknownPositional ?? rules.unknownOption ?? { logs: [] }, vars: { option: a } };
    if (positionals === "file" && !sawFile) {
      sawFile = true;
      const path = resolveFile(a);
      if (input.readFile(path) === undefined) return { ok: false, failure: rules.missingFile ?? { logs: [] }, vars: { file: path } };
      appArgs = true;
    }
  }
  for (const r of rules.required ?? []) if (!seen.has(r)) return { ok: false, failure: rules.missingArguments ?? { logs: [] }, vars: {} };
  if (rules.positionals === "file" && !sawFile && !(rules.required ?? []).length) {
    // `node` or `python` without a script reads stdin: with none it exits at once.
    return { ok: false, failure: { logs: [], exitCode: 0, afterSeconds: 0.05 }, vars: {} };
  }
  return { ok: true, settings };
}

/** Whether a requirement applies (its `onlyIf`). */
function applies(req: AppRequirement, env: Record<string, string>, settings: Record<string, string>): boolean {
  if (!req.onlyIf) return true;
  if (req.onlyIf.env !== undefined && !env[req.onlyIf.env]) return false;
  if (req.onlyIf.setting !== undefined && !settings[req.onlyIf.setting]) return false;
  return true;
}

/** Checks one requirement; returns the failure variables when it does not hold. */
export function checkRequirement(
  req: AppRequirement,
  runtime: string | undefined,
  ctx: { env: Record<string, string>; settings: Record<string, string>; readFile(path: string): string | undefined; reach(url: string): { ok: true } | { ok: false; error: ConnectError } },
): Record<string, string> | undefined {
  if (!applies(req, ctx.env, ctx.settings)) return undefined;
  const expand = (t: string) => expandTemplate(t, { timeMs: 0, env: ctx.env, settings: ctx.settings });
  const validate = (name: string, value: string | undefined): Record<string, string> | undefined => {
    if (value === undefined || value === "") return { name, value: "" };
    if (req.matches !== undefined && !new RegExp(`^(?:${req.matches})$`).test(value)) return { name, value };
    if (req.oneOf && !req.oneOf.includes(value)) return { name, value };
    return undefined;
  };
  if (req.env !== undefined) return validate(req.env, ctx.env[req.env]);
  if (req.setting !== undefined) return validate(req.setting, ctx.settings[req.setting]);
  if (req.file !== undefined) {
    const path = expand(req.file);
    return ctx.readFile(path) === undefined ? { file: path, name: path } : undefined;
  }
  if (req.reachable !== undefined) {
    const url = expand(req.reachable);
    const r = ctx.reach(url);
    if (r.ok) return undefined;
    const d = describeConnectError(runtime, r.error);
    return { url, host: r.error.host, error: d.error, errorMessage: d.message };
  }
  return undefined;
}

/** Plans an application process. */
function planApp(input: ProcessInput, app: AppModel, argv: string[], offset: number): ProcessPlan {
  const p = emptyPlan(input, argv);
  p.appId = app.id;
  p.runtime = app.runtime;
  const startup = app.startupSeconds ?? 0;
  p.startupSeconds = startup;
  const res = app.resources ?? { memoryMiB: 10, cpuMillis: 1 };
  p.memory = { startupMiB: res.startupMemoryMiB ?? res.memoryMiB, steadyMiB: res.memoryMiB, growthPerMinute: res.memoryGrowthMiBPerMinute ?? 0 };
  p.cpu = { startup: res.startupCpuMillis ?? res.cpuMillis, steady: res.cpuMillis };
  p.onTerm = { exitCode: app.id === "nginx" ? 0 : 143, seconds: Math.min(2, 0.2 + startup / 4), lines: (app.logs?.shutdown ?? []).map((l) => (typeof l === "string" ? l : l.line)) };
  const fail = (failure: AppFailure, vars: Record<string, string>, before: PlannedLine[]): ProcessPlan => {
    const at = offset + (failure.afterSeconds ?? Math.max(0.05, startup * 0.8));
    p.lines = [...before.filter((l) => l.at <= at), ...logLines(failure.logs, at, 0.002)];
    p.vars = vars;
    p.exit = { at: at + 0.01, code: failure.exitCode ?? 1, reason: (failure.exitCode ?? 1) === 0 ? "Completed" : "Error" };
    return p;
  };
  const parsed = parseAppArgs(input, app, argv.slice(1));
  if (!parsed.ok) return fail(parsed.failure, parsed.vars, []);
  const { settings, profiles } = resolveSettings(app, input.env, input.readFile, parsed.settings);
  p.settings = settings;
  p.profiles = profiles;
  p.ports = (app.listen ?? []).map((l) => {
    const v = l.portSetting ? Number(settings[l.portSetting]) : NaN;
    return Number.isInteger(v) && v > 0 ? v : l.port;
  });
  const startLines = logLines(app.logs?.startup, offset, startup * 0.9);
  const limit = input.memoryLimitBytes;
  const oomAt = limit !== undefined && p.memory.startupMiB * MiB > limit ? offset + Math.max(0.3, startup * 0.7) : Infinity;
  for (const req of app.requirements ?? []) {
    if ((req.when ?? "startup") !== "startup") continue;
    const vars = checkRequirement(req, app.runtime, { env: input.env, settings, readFile: input.readFile, reach: input.reach });
    if (vars && offset + (req.failure.afterSeconds ?? Math.max(0.05, startup * 0.8)) < oomAt) return fail(req.failure, vars, startLines);
    if (vars) break;
  }
  if (oomAt !== Infinity) {
    p.lines = startLines.filter((l) => l.at <= oomAt);
    p.exit = { at: oomAt, code: 137, reason: "OOMKilled" };
    return p;
  }
  const readyAt = offset + startup;
  p.listenAt = readyAt;
  p.lines = [...startLines, ...logLines(app.logs?.ready, readyAt, 0.003)];
  if (app.logs?.periodic) p.periodic = { from: readyAt + 60, every: 60, text: app.logs.periodic };
  if (app.runSeconds !== undefined) {
    const at = readyAt + app.runSeconds;
    p.lines.push(...logLines(app.logs?.exit, at - 0.01, 0.005));
    p.exit = { at, code: app.exitCode ?? 0, reason: (app.exitCode ?? 0) === 0 ? "Completed" : "Error" };
  }
  if (limit !== undefined && p.memory.growthPerMinute > 0) {
    const headroom = limit / MiB - p.memory.steadyMiB;
    const at = headroom <= 0 ? readyAt + 1 : readyAt + (headroom / p.memory.growthPerMinute) * 60;
    if (!p.exit || at < p.exit.at) p.exit = { at, code: 137, reason: "OOMKilled" };
  } else if (limit !== undefined && p.memory.steadyMiB * MiB > limit) {
    p.exit = { at: readyAt + 1, code: 137, reason: "OOMKilled" };
  }
  return p;
}

/** Memory in bytes the process uses `t` seconds after it started. */
export function memoryAt(plan: ProcessPlan, t: number): number {
  const listen = plan.listenAt ?? plan.startupSeconds;
  if (t < listen) return Math.round(plan.memory.startupMiB * MiB * Math.min(1, 0.4 + t / Math.max(0.1, listen)));
  return Math.round((plan.memory.steadyMiB + (plan.memory.growthPerMinute * (t - listen)) / 60) * MiB);
}

/** CPU in millicores the process uses `t` seconds after it started. */
export function cpuAt(plan: ProcessPlan, t: number): number {
  const listen = plan.listenAt ?? plan.startupSeconds;
  return t < listen ? plan.cpu.startup : plan.cpu.steady;
}
