import type { Cluster } from "../runtime/cluster";
import { runCommandLine } from "./shell";
import type { EditRequest } from "./command";
import { runKubectl, type KubectlOutcome } from "./kubectl";
import { completeKubectl } from "./completion";

/** The terminal's own state across lines: the kubeconfig context's namespace. */
export interface TerminalState {
  namespace: string;
  /** Reserved for an attached interactive shell (`kubectl exec -it … -- sh`). */
  attached: undefined;
}

/** What one terminal line produced, for the session and the grader. */
export interface TerminalOutcome {
  /** stdout and stderr interleaved as a terminal shows them. */
  output: string;
  exitCode: number;
  edit?: EditRequest;
  clear?: boolean;
  prompt: string;
  /** The kubectl command path of the line's (first) kubectl invocation. */
  command?: string[];
  /** Every object the line's kubectl invocations named. */
  targets?: KubectlOutcome["targets"];
}

/** Lines longer than this are refused before parsing (64 KiB, a heredoc'd manifest fits easily). */
export const MAX_LINE_BYTES = 64 * 1024;

/** The prompt shown before each line. */
export function promptFor(_state: TerminalState): string {
  return "$ ";
}

/**
 * Runs one terminal line as bash would: parses it (quotes, heredocs, pipes, `;`, `&&`),
 * runs `kubectl` invocations against the cluster and the text filters on their output.
 */
export function runTerminalLine(cluster: Cluster, state: TerminalState, line: string): TerminalOutcome {
  if (line.length > MAX_LINE_BYTES) {
    return { output: `bash: input too long (${line.length} bytes; the limit is ${MAX_LINE_BYTES})\n`, exitCode: 1, prompt: promptFor(state) };
  }
  let command: string[] | undefined;
  let edit: EditRequest | undefined;
  const targets: NonNullable<KubectlOutcome["targets"]> = [];
  const result = runCommandLine(line, {
    commands: {
      kubectl: (argv, stdin) => {
        const r = runKubectl(cluster, argv.slice(1), stdin, state);
        command ??= r.command;
        if (r.targets) targets.push(...r.targets);
        if (r.edit) edit = r.edit;
        return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
      },
    },
  });
  let output = "";
  let clear = false;
  for (const c of result.chunks) {
    if (c.kind === "clear") {
      clear = true;
      output = "";
    } else output += c.text;
  }
  return { output, exitCode: result.exitCode, edit, clear: clear || undefined, prompt: promptFor(state), command, targets: command ? targets : undefined };
}

/** Tab completion for the line being typed. */
export function completeLine(cluster: Cluster, state: TerminalState, line: string): string[] {
  return completeKubectl(cluster, state.namespace, line);
}
