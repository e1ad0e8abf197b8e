import type { Cluster } from "../runtime/cluster";
import type { FlagSpec } from "./args/flag-spec";

/** A flag a kubectl command accepts, declared as data (pflag-style); see `args/flag-spec.ts`. */
export type FlagDef = FlagSpec;

/** Parsed command line for one command: positionals, flags by long name, and what follows `--`. */
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | number | string[] | undefined>;
  /** Arguments after a bare `--` (the command for `exec` and `debug`). */
  dashArgs: string[];
}

/** A request to open an editor on an object's YAML (what `kubectl edit` does before saving). */
export interface EditRequest {
  kind: string;
  namespace?: string;
  name: string;
  yaml: string;
}

/**
 * A request to keep an interactive shell attached to a container after the command returns
 * (`kubectl exec -it POD -- sh`, `kubectl debug -it`): the session feeds the learner's next
 * lines to the simulated shell (`simShell` in `commands/inspect/sim-shell`) until it exits.
 */
export interface AttachRequest {
  namespace: string;
  pod: string;
  container: string;
  /** What happens when the shell exits: `kubectl run --rm` deletes the pod, `kubectl run -it` says how to re-attach. */
  onExit?: { removePod?: boolean; message?: string };
}

/** What a kubectl invocation printed and how it exited. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  edit?: EditRequest;
  attach?: AttachRequest;
  /** The command printed its stdout before its stderr (the terminal otherwise shows stderr first). */
  stdoutFirst?: boolean;
}

/**
 * The learner's kubeconfig, as far as kubectl's commands read and change it: session state
 * that `kubectl config set-context --current --namespace=X` updates in place.
 */
export interface KubeconfigState {
  /** The current context's namespace (`default` when the context sets none). */
  namespace: string;
}

/** Everything a command may touch. */
export interface CommandContext {
  cluster: Cluster;
  /** Standard input (a heredoc or a pipe), for `-f -`. */
  stdin?: string;
  /** The namespace from `-n`, or the kubeconfig context's default. */
  namespace: string;
  /** Whether `-n` was given explicitly. */
  namespaceExplicit: boolean;
  /** The session's kubeconfig (`kubectl config` reads and changes it); absent, commands see a fixed context. */
  kubeconfig?: KubeconfigState;
}

/** One kubectl command, e.g. `get` or `rollout status`, declared with its flags. */
export interface CommandSpec {
  /** Words that select the command: `["get"]`, `["rollout", "status"]`, `["create", "secret", "generic"]`. */
  path: string[];
  /** Aliases for the last word of the path (`["rm"]`…), as kubectl has them. */
  aliases?: string[];
  /** One-line description, as in `kubectl --help`. */
  short: string;
  /** The usage line from `kubectl <cmd> --help`. */
  usage: string;
  /** The full `kubectl <cmd> --help` text, when the command provides it. */
  help?: string;
  flags: FlagDef[];
  run(ctx: CommandContext, args: ParsedArgs): CommandResult;
}

/** A successful result with `stdout`. */
export function ok(stdout: string): CommandResult {
  return { stdout, stderr: "", exitCode: 0 };
}

/** A failed result with kubectl's error text on stderr (exit code 1 unless given). */
export function fail(stderr: string, exitCode = 1): CommandResult {
  return { stdout: "", stderr: stderr.endsWith("\n") ? stderr : stderr + "\n", exitCode };
}
