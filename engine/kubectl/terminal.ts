import type { Cluster } from "../runtime/cluster";
import type { Pod } from "../model/types";
import { apiDelete } from "./manifests/api-server";
import { runCommandLine } from "./shell";
import type { AttachRequest, EditRequest } from "./command";
import { openShell, shellLine } from "./commands/inspect";
import type { ShellState } from "./commands/inspect/sim-shell/programs";
import { runKubectl, type KubectlOutcome } from "./kubectl";
import { completeKubectl } from "./completion";

/** The terminal's own state across lines: the kubeconfig context's namespace, and an attached shell. */
export interface TerminalState {
  namespace: string;
  /** The interactive shell a `kubectl exec -it … -- sh` or `kubectl debug -it` opened, until `exit`. */
  attached: { attach: AttachRequest; shell: ShellState; prompt: string } | undefined;
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

/** The UTF-8 length of `text` in bytes (what {@link MAX_LINE_BYTES} limits). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The prompt shown before each line: the attached container shell's, else the learner's own. */
export function promptFor(state: TerminalState): string {
  return state.attached?.prompt ?? "$ ";
}

/**
 * Runs one terminal line as bash would: parses it (quotes, heredocs, pipes, `;`, `&&`),
 * runs `kubectl` invocations against the cluster and the text filters on their output.
 */
export function runTerminalLine(cluster: Cluster, state: TerminalState, line: string): TerminalOutcome {
  // A UTF-16 unit is 1 to 3 bytes in UTF-8: only count bytes when the length alone cannot tell.
  const bytes = line.length > MAX_LINE_BYTES || line.length * 3 <= MAX_LINE_BYTES ? line.length : utf8Length(line);
  if (bytes > MAX_LINE_BYTES) {
    return { output: `bash: input too long (${utf8Length(line)} bytes; the limit is ${MAX_LINE_BYTES})\n`, exitCode: 1, prompt: promptFor(state) };
  }
  if (state.attached) return runAttachedLine(cluster, state, line);
  let command: string[] | undefined;
  let edit: EditRequest | undefined;
  let attach: AttachRequest | undefined;
  const targets: NonNullable<KubectlOutcome["targets"]> = [];
  const result = runCommandLine(line, {
    commands: {
      kubectl: (argv, stdin) => {
        const r = runKubectl(cluster, argv.slice(1), stdin, state);
        command ??= r.command;
        if (r.targets) targets.push(...r.targets);
        if (r.edit) edit = r.edit;
        if (r.attach) attach = r.attach;
        return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, stdoutFirst: r.stdoutFirst };
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
  if (attach) {
    const opened = openShell(cluster, attach);
    if (opened.ok) state.attached = { attach, shell: opened.state, prompt: opened.prompt };
    else output += opened.error;
  }
  return { output, exitCode: result.exitCode, edit, clear: clear || undefined, prompt: promptFor(state), command, targets: command ? targets : undefined };
}

/** A line typed into an attached container shell; `exit` (or the container dying) detaches. */
function runAttachedLine(cluster: Cluster, state: TerminalState, line: string): TerminalOutcome {
  const a = state.attached!;
  const r = shellLine(cluster, a.attach, a.shell, line);
  a.shell = r.state;
  a.prompt = r.prompt;
  let after = "";
  if (r.exit) {
    state.attached = undefined;
    after = detach(cluster, a.attach);
  }
  return {
    output: r.stdout + r.stderr + after,
    exitCode: r.exitCode,
    prompt: promptFor(state),
    command: ["exec"],
    targets: [{ kind: "Pod", namespace: a.attach.namespace, name: a.attach.pod }],
  };
}

/** What kubectl prints once an attached shell ends: the pod `--rm` deleted, or how to re-attach. */
function detach(cluster: Cluster, attach: AttachRequest): string {
  if (attach.onExit?.removePod) {
    const pod = cluster.store.get<Pod>("Pod", attach.namespace, attach.pod);
    if (pod && apiDelete(cluster, pod, {}).ok) return `pod "${attach.pod}" deleted\n`;
    return "";
  }
  return attach.onExit?.message ?? "";
}

/** Tab completion for the line being typed. */
export function completeLine(cluster: Cluster, state: TerminalState, line: string): string[] {
  return completeKubectl(cluster, state.namespace, line);
}
