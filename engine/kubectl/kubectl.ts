import type { Cluster } from "../runtime/cluster";
import { buildCommandTree, resolveCommand, flagString, flagBool, type CommandTree } from "./args";
import type { CommandResult, CommandSpec, EditRequest, KubeconfigState } from "./command";
import { parseResourceArgs } from "./resource-args";
import { allCommands } from "./commands";
import { helpText } from "./help";
import { applyEditedYaml } from "./commands/write";

let tree: CommandTree<CommandSpec> | undefined;

/** The command tree, built once from every implemented command. */
function commandTree(): CommandTree<CommandSpec> {
  tree ??= buildCommandTree(allCommands());
  return tree;
}

/** What one kubectl invocation did, for the terminal and the grader. */
export interface KubectlOutcome extends CommandResult {
  /** The resolved command path (`["rollout", "undo"]`), when the line named a command. */
  command?: string[];
  /** Objects the command named, resolved to kinds (name "" = every object of the kind). */
  targets?: { kind: string; namespace?: string; name: string }[];
}

/** Commands whose first positionals are `TYPE [NAME…]` or `TYPE/NAME…`. */
const RESOURCE_COMMANDS = new Set([
  "get", "describe", "delete", "edit", "patch", "label", "annotate", "scale", "set image", "set env",
  "set resources", "set selector", "set serviceaccount", "rollout status", "rollout history", "rollout undo",
  "rollout restart", "rollout pause", "rollout resume", "expose", "taint", "replace", "autoscale", "wait",
]);
/** Resource commands that take `KEY=VALUE` (or `KEY-`) words after the resources. */
const PAIR_COMMANDS = new Set(["set image", "set env", "set resources", "set selector", "set serviceaccount", "label", "annotate", "taint"]);
/** Commands whose first positional is a pod name (or `TYPE/NAME`). */
const POD_COMMANDS = new Set(["logs", "exec", "debug", "attach", "port-forward", "cp"]);
/** Commands whose positionals are node names. */
const NODE_COMMANDS = new Set(["cordon", "uncordon", "drain"]);

function targetsOf(path: string[], positionals: string[], namespace: string): KubectlOutcome["targets"] {
  const p = path.join(" ");
  if (RESOURCE_COMMANDS.has(p)) {
    // `set image deploy/web app=x`, `label pod x a=b c-`, `taint nodes n k=v:NoSchedule`: keep the resource words only.
    const words = PAIR_COMMANDS.has(p) ? positionals.filter((w, i) => i === 0 || !(w.includes("=") || w.includes(":") || w.endsWith("-"))) : positionals;
    const parsed = parseResourceArgs(words);
    if (!parsed.ok) return [];
    const out: NonNullable<KubectlOutcome["targets"]> = [];
    for (const r of parsed.requests) {
      const ns = r.kind.namespaced ? namespace : undefined;
      if (r.names.length === 0) out.push({ kind: r.kind.kind, namespace: ns, name: "" });
      for (const name of r.names) out.push({ kind: r.kind.kind, namespace: ns, name });
    }
    return out;
  }
  if (POD_COMMANDS.has(p) && positionals[0]) {
    const a = positionals[0];
    const slash = a.indexOf("/");
    if (slash > 0) {
      const parsed = parseResourceArgs([a]);
      if (parsed.ok) return [{ kind: parsed.requests[0].kind.kind, namespace, name: a.slice(slash + 1) }];
      return [];
    }
    return [{ kind: "Pod", namespace, name: a }];
  }
  if (NODE_COMMANDS.has(p)) return positionals.map((name) => ({ kind: "Node", name }));
  return undefined;
}

/**
 * Runs one `kubectl …` invocation (argv after the word `kubectl`) against the cluster.
 * `kubeconfig` holds the context's namespace (used when `-n` is absent); `kubectl config` may change it.
 * Never throws: an engine bug becomes kubectl-style error text.
 */
export function runKubectl(cluster: Cluster, argv: string[], stdin: string | undefined, kubeconfig: KubeconfigState): KubectlOutcome {
  const contextNamespace = kubeconfig.namespace;
  const resolved = resolveCommand(argv, commandTree());
  if (!resolved.ok) return { stdout: "", stderr: resolved.error, exitCode: resolved.exitCode };
  if (resolved.kind === "help") return { stdout: helpText(resolved.path, commandTree()), stderr: "", exitCode: resolved.exitCode, command: ["help"] };
  if (resolved.kind === "unsupported") {
    return {
      stdout: "",
      stderr: `error: "kubectl ${resolved.path.join(" ")}" is not available in this simulated cluster\n`,
      exitCode: 1,
      command: resolved.path,
    };
  }
  const args = resolved.args;
  const nsFlag = flagString(args.flags, "namespace");
  const namespace = nsFlag || contextNamespace;
  const allNs = flagBool(args.flags, "all-namespaces");
  try {
    const result = resolved.command.run(
      { cluster, stdin, namespace, namespaceExplicit: nsFlag !== "", kubeconfig },
      { positionals: args.positionals, flags: args.flags, dashArgs: args.dashArgs },
    );
    return { ...result, command: resolved.path, targets: targetsOf(resolved.path, args.positionals, allNs ? "" : namespace) };
  } catch (e) {
    // An engine bug must not crash the learner's terminal; report it the way kubectl reports an internal error.
    const message = e instanceof Error ? e.message : String(e);
    return { stdout: "", stderr: `Error from server (InternalError): an error on the server ("${message}") has prevented the request from succeeding\n`, exitCode: 1, command: resolved.path };
  }
}

/**
 * Saves an object edited in the in-page editor, as `kubectl edit` does when the editor closes:
 * `opened` is what the editor was opened with, `editedYaml` what the learner saved.
 */
export function applyEditedObject(cluster: Cluster, opened: EditRequest, editedYaml: string): CommandResult {
  try {
    return applyEditedYaml({ cluster, namespace: opened.namespace ?? "default", namespaceExplicit: true }, opened, editedYaml);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { stdout: "", stderr: `error: ${message}\n`, exitCode: 1 };
  }
}
