import type { Cluster } from "../runtime/cluster";
import { KINDS, resolveKind } from "../model/kinds";
import { buildCommandTree, KUBECTL_GLOBAL_FLAGS, type CommandNode, type CommandTree } from "./args";
import type { CommandSpec } from "./command";
import { allCommands } from "./commands";

let tree: CommandTree<CommandSpec> | undefined;

/** Resource type words offered after `get`, `describe`…: plural names and short names. */
const TYPE_WORDS = [...new Set(KINDS.flatMap((k) => [k.resource, ...k.shortNames]))].sort();

/** Commands whose first argument is a resource type. */
const TYPED = new Set(["get", "describe", "delete", "edit", "patch", "label", "annotate", "scale", "autoscale", "explain", "rollout status", "rollout history", "rollout undo", "rollout restart", "expose", "set image", "set env", "set resources", "wait"]);
/** Commands whose first argument is a pod. */
const POD_ARG = new Set(["logs", "exec", "debug", "attach", "port-forward"]);
/** Commands whose arguments are nodes. */
const NODE_ARG = new Set(["cordon", "uncordon", "drain", "taint"]);

/**
 * Tab completion for a terminal line: commands, subcommands, resource types, flags and
 * object names from the cluster, for the word being typed (the last one). Returns full
 * replacement words for that last word, sorted.
 */
export function completeKubectl(cluster: Cluster, namespace: string, line: string): string[] {
  tree ??= buildCommandTree(allCommands());
  const words = line.split(/\s+/);
  const current = words.pop() ?? "";
  if (words.length === 0) return ["kubectl"].filter((w) => w.startsWith(current));
  if (words[0] !== "kubectl") return [];
  const args = words.slice(1).filter((w) => w !== "");
  // Walk the command tree over the words typed so far.
  let node: CommandNode<CommandSpec> = tree.root;
  const path: string[] = [];
  const rest: string[] = [];
  let ns = namespace;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-n" || a === "--namespace") {
      ns = args[i + 1] ?? ns;
      i++;
      continue;
    }
    if (a.startsWith("--namespace=")) {
      ns = a.slice(12);
      continue;
    }
    if (a.startsWith("-")) continue;
    const child = rest.length === 0 ? node.children.find((c) => c.name === a || c.aliases.includes(a)) : undefined;
    if (child) {
      node = child;
      path.push(child.name);
    } else rest.push(a);
  }
  const prev = words[words.length - 1];
  if (prev === "-n" || prev === "--namespace") return names(cluster, "Namespace", undefined, current);
  if (current.startsWith("-")) {
    const flags = [...(node.spec?.flags ?? []), ...KUBECTL_GLOBAL_FLAGS].map((f) => `--${f.name}`);
    return [...new Set(flags)].filter((f) => f.startsWith(current)).sort();
  }
  if (rest.length === 0 && node.children.length > 0) {
    return node.children.filter((c) => !c.hidden && c.name.startsWith(current)).map((c) => c.name).sort();
  }
  const p = path.join(" ");
  if (TYPED.has(p)) {
    if (rest.length === 0) {
      const slash = current.indexOf("/");
      if (slash > 0) {
        const kind = resolveKind(current.slice(0, slash));
        if (!kind) return [];
        const prefix = current.slice(0, slash + 1);
        return names(cluster, kind.kind, ns, current.slice(slash + 1)).map((n) => prefix + n);
      }
      return TYPE_WORDS.filter((t) => t.startsWith(current));
    }
    const kind = resolveKind(rest[0].split(",")[0]);
    return kind ? names(cluster, kind.kind, ns, current) : [];
  }
  if (POD_ARG.has(p) && rest.length === 0) return names(cluster, "Pod", ns, current);
  if (NODE_ARG.has(p)) return names(cluster, "Node", undefined, current);
  return [];
}

function names(cluster: Cluster, kind: string, namespace: string | undefined, prefix: string): string[] {
  const info = resolveKind(kind)!;
  return cluster.store
    .list(kind, info.namespaced ? namespace : undefined)
    .map((o) => o.metadata.name)
    .filter((n) => n.startsWith(prefix));
}
