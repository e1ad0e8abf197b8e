import { createInterface } from "node:readline";
import { randomInt } from "node:crypto";
import { listScenarios, openSession, solutionFor, validateScenarioFile, ENGINE_VERSION, UnknownScenarioError, INCIDENT_FAMILIES, incidentScenarioId } from "../index";
import type { Session } from "../session";
import type { Grade } from "../scenario";

const USAGE = `crashcourse — troubleshoot simulated Kubernetes clusters

Usage:
  crashcourse scenarios [--json]                     list the scenarios
  crashcourse play <scenario-id> [--seed N] [--json] play a scenario (reads commands from stdin)
  crashcourse play random [--family F] [--difficulty D] [--seed N] [--json]
                                                     play a generated incident (families: ${INCIDENT_FAMILIES.join(", ")};
                                                     difficulty 1-3); prints "# incident <id> seed <n>" on stderr
  crashcourse solution <scenario-id> [--seed N]      print the reference fix (incident ids too: incident:crashloop:2)
  crashcourse validate [path]                        check scenario files (all, or one)
  crashcourse version                                print the engine version

While playing, each input line is a kubectl command (heredocs allowed), or:
  sleep <duration>   advance the virtual clock (e.g. sleep 90s, sleep 2m)
  hint               show the next hint (costs points)
  check              grade the cluster as it stands
`;

/** Parsed command-line arguments. */
interface Args {
  positionals: string[];
  seed?: number;
  json: boolean;
  family?: string;
  difficulty?: 1 | 2 | 3;
  error?: string;
}

/** Parses `--seed N`, `--json`, `--family F`, `--difficulty D` and positionals. */
function parseArgs(argv: string[]): Args {
  const positionals: string[] = [];
  let seed: number | undefined;
  let json = false;
  let family: string | undefined;
  let difficulty: 1 | 2 | 3 | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--family" || a.startsWith("--family=")) {
      const v = a === "--family" ? argv[++i] : a.slice(9);
      if (v === undefined || (v !== "any" && !INCIDENT_FAMILIES.includes(v))) return { positionals, json, error: `invalid --family value "${v ?? ""}": want one of ${INCIDENT_FAMILIES.join(", ")}` };
      family = v === "any" ? undefined : v;
    } else if (a === "--difficulty" || a.startsWith("--difficulty=")) {
      const v = a === "--difficulty" ? argv[++i] : a.slice(13);
      if (v === undefined || (v !== "any" && !/^[123]$/.test(v))) return { positionals, json, error: `invalid --difficulty value "${v ?? ""}": want 1, 2 or 3` };
      difficulty = v === "any" ? undefined : (Number(v) as 1 | 2 | 3);
    }
    else if (a === "--seed" || a.startsWith("--seed=")) {
      const v = a === "--seed" ? argv[++i] : a.slice(7);
      if (v === undefined || !/^\d+$/.test(v)) return { positionals, json, error: `invalid --seed value "${v ?? ""}": want a non-negative integer` };
      seed = Number(v);
    } else if (a.startsWith("-")) return { positionals, json, error: `unknown flag: ${a}` };
    else positionals.push(a);
  }
  return { positionals, seed, json, family, difficulty };
}

/** Parses a Go-style duration for `sleep` (`90s`, `2m`, `1m30s`, `500ms`, or bare seconds). */
export function parseSleep(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as "ms" | "s" | "m" | "h"];
    consumed += m[0].length;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}

/** Reads whole logical inputs from stdin: a line, or a heredoc with its body. */
async function* inputs(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let pending: string[] = [];
  let terminator: string | undefined;
  for await (const line of rl) {
    if (terminator !== undefined) {
      pending.push(line);
      if (line.replace(/^\t+/, "") === terminator) {
        yield pending.join("\n");
        pending = [];
        terminator = undefined;
      }
      continue;
    }
    const m = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(line);
    if (m) {
      terminator = m[2];
      pending = [line];
      continue;
    }
    yield line;
  }
  if (pending.length) yield pending.join("\n");
}

/** A grade as the terminal shows it. */
function formatGrade(g: Grade): string {
  let s = `${g.passed ? "PASSED" : "NOT YET"} — score ${g.score}/100\n`;
  for (const c of g.checks) s += `  ${c.passed ? "✔" : "✘"} ${c.id}: ${c.message}\n`;
  return s;
}

function printGrade(session: Session, virtualMs: number, json: boolean, out: (s: string) => void): boolean {
  const g = session.check(virtualMs);
  if (json) {
    const checks = g.checks.map((c) => ({ id: c.id, passed: c.passed, message: c.message }));
    out(JSON.stringify({ grade: { passed: g.passed, score: g.score, checks } }) + "\n");
  }
  else out(formatGrade(g));
  return g.passed;
}

async function play(id: string, seed: number, json: boolean): Promise<number> {
  let session: Session;
  try {
    session = openSession({ scenarioId: id, seed });
  } catch (e) {
    if (e instanceof UnknownScenarioError) {
      process.stderr.write(`error: unknown scenario "${id}" (see 'crashcourse scenarios')\n`);
      return 2;
    }
    throw e;
  }
  const out = (s: string) => process.stdout.write(s);
  const interactive = Boolean(process.stdin.isTTY) && !json;
  let virtualMs = 0;
  if (interactive) {
    out(`${session.title}\n\n${session.brief}\n\n(type kubectl commands; 'hint', 'check', 'sleep 30s', 'exit')\n`);
    return playInteractive(session, out);
  }
  for await (const input of inputs(process.stdin)) {
    const trimmed = input.trim();
    let output = "";
    let exitCode = 0;
    if (trimmed === "check") {
      const g = session.check(virtualMs);
      output = formatGrade(g);
      exitCode = g.passed ? 0 : 1;
    } else if (trimmed === "hint") {
      const h = session.hint(virtualMs);
      output = h ? `Hint ${h.index}: ${h.text}\n` : "No more hints.\n";
    } else if (/^sleep\b/.test(trimmed)) {
      const ms = parseSleep(trimmed.slice(5).trim());
      if (ms === undefined) {
        output = `sleep: invalid time interval '${trimmed.slice(5).trim()}'\n`;
        exitCode = 1;
      } else virtualMs += ms;
    } else {
      const r = session.run(input, virtualMs);
      output = r.output;
      exitCode = r.exitCode;
    }
    if (json) out(JSON.stringify({ input, output, exitCode }) + "\n");
    else out(output);
  }
  const passed = printGrade(session, virtualMs, json, out);
  return json ? 0 : passed ? 0 : 1;
}

async function playInteractive(session: Session, out: (s: string) => void): Promise<number> {
  const started = Date.now();
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    historySize: 500,
    completer: (line: string) => {
      const hits = session.complete(line);
      const word = line.split(/\s+/).pop() ?? "";
      return [hits, word];
    },
  });
  let offset = 0;
  const now = () => Date.now() - started + offset;
  rl.setPrompt(session.prompt());
  rl.prompt();
  let buffer: string[] = [];
  let terminator: string | undefined;
  for await (const line of rl) {
    if (terminator !== undefined) {
      buffer.push(line);
      if (line.trim() !== terminator) continue;
      terminator = undefined;
    } else {
      const m = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(line);
      if (m) {
        terminator = m[2];
        buffer = [line];
        continue;
      }
      buffer = [line];
    }
    const input = buffer.join("\n");
    buffer = [];
    const t = input.trim();
    if (t === "exit" || t === "quit") break;
    if (t === "check") printGrade(session, now(), false, out);
    else if (t === "hint") {
      const h = session.hint(now());
      out(h ? `Hint ${h.index}: ${h.text}\n` : "No more hints.\n");
    } else if (/^sleep\b/.test(t)) {
      const ms = parseSleep(t.slice(5).trim());
      if (ms === undefined) out(`sleep: invalid time interval '${t.slice(5).trim()}'\n`);
      else offset += ms;
    } else {
      const r = session.run(input, now());
      if (r.clear) out("\x1b[2J\x1b[H");
      out(r.output);
    }
    rl.setPrompt(session.prompt());
    rl.prompt();
  }
  rl.close();
  return 0;
}

/** Entry point of `crashcourse`; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const args = parseArgs(rest);
  if (args.error) {
    process.stderr.write(`error: ${args.error}\n`);
    return 2;
  }
  switch (cmd) {
    case "scenarios": {
      const list = listScenarios().map((s) => ({ id: s.id, title: s.title, family: s.family, difficulty: s.difficulty }));
      if (args.json) process.stdout.write(JSON.stringify(list, null, 2) + "\n");
      else {
        const w = Math.max(...list.map((s) => s.id.length), 2);
        for (const s of list) process.stdout.write(`${s.id.padEnd(w)}  ${s.family.padEnd(16)} ${"★".repeat(s.difficulty).padEnd(3)}  ${s.title}\n`);
      }
      return 0;
    }
    case "play": {
      const id = args.positionals[0];
      if (!id) {
        process.stderr.write("error: play needs a scenario id (see 'crashcourse scenarios')\n");
        return 2;
      }
      if (id === "random") {
        const incident = incidentScenarioId({ family: args.family, difficulty: args.difficulty });
        const seed = args.seed ?? randomInt(0, 2 ** 31);
        process.stderr.write(`# incident ${incident} seed ${seed}\n`);
        return play(incident, seed, args.json);
      }
      if (args.family !== undefined || args.difficulty !== undefined) {
        process.stderr.write("error: --family and --difficulty go with 'play random'\n");
        return 2;
      }
      return play(id, args.seed ?? 1, args.json);
    }
    case "solution": {
      const id = args.positionals[0];
      if (!id) {
        process.stderr.write("error: solution needs a scenario id\n");
        return 2;
      }
      try {
        process.stdout.write(solutionFor(id, args.seed ?? 1).join("\n") + "\n");
        return 0;
      } catch (e) {
        if (e instanceof UnknownScenarioError) {
          process.stderr.write(`error: unknown scenario "${id}" (see 'crashcourse scenarios')\n`);
          return 2;
        }
        throw e;
      }
    }
    case "validate": {
      const results = validateScenarioFile(args.positionals[0]);
      let failed = 0;
      for (const r of results) {
        process.stdout.write(`${r.ok ? "ok  " : "FAIL"} ${r.path}${r.ok ? "" : "\n" + r.problems.map((p) => "     " + p).join("\n")}\n`);
        if (!r.ok) failed++;
      }
      return failed ? 1 : 0;
    }
    case "version":
      process.stdout.write(`crashcourse engine ${ENGINE_VERSION}\n`);
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      process.stderr.write(`error: unknown command "${cmd}"\n\n${USAGE}`);
      return 2;
  }
}
