/**
 * Command resolution as kubectl does it: cobra's `Find` walks the words after `kubectl`
 * (skipping flags and their values) down the command tree, then the found command's flags
 * are parsed. Unknown commands get cobra's error with its suggestions; flags placed before
 * an unknown command get kubectl's plugin-handler error.
 */
import { buildCommandTree, findChild, type CommandNode, type CommandTree, type ResolvableCommand } from "./command-tree";
import type { FlagSpec } from "./flag-spec";
import { KUBECTL_GLOBAL_FLAGS } from "./global-flags";
import { goQuote } from "./go-quote";
import { buildFlagSet, noOptDefault, normalizeFlagName, parseFlags, type FlagSet, type ParsedFlags } from "./parse-flags";
import { suggestionsBlock, suggestionsFor } from "./suggestions";

/** What the terminal should do with a kubectl command line. */
export type ResolveResult<C extends ResolvableCommand> =
  /** Run `command` with `args`. */
  | { ok: true; kind: "command"; command: C; path: string[]; args: ParsedFlags }
  /**
   * Print the help of `path` (`[]` is `kubectl` itself): `kubectl`, `kubectl get -h`,
   * `kubectl help get`, or a group given no subcommand (`kubectl rollout`, exit code 1).
   */
  | { ok: true; kind: "help"; path: string[]; exitCode: 0 | 1 }
  /** A real kubectl command the simulation does not implement (`kubectl drain`). */
  | { ok: true; kind: "unsupported"; path: string[] }
  /** kubectl's error text for stderr (ending in a newline), exit code 1. */
  | { ok: false; error: string; exitCode: 1 };

/** Options for {@link resolveCommand}. */
export interface ResolveOptions {
  /** Flags every command accepts; defaults to kubectl's global flags. */
  globalFlags?: readonly FlagSpec[];
}

/**
 * Resolve `argv` (the words after `kubectl`) against the implemented commands. Pass a tree from
 * `buildCommandTree(registry)` to avoid rebuilding it on each call. Never throws.
 */
export function resolveCommand<C extends ResolvableCommand>(
  argv: readonly string[],
  registry: readonly C[] | CommandTree<C>,
  options: ResolveOptions = {},
): ResolveResult<C> {
  const tree = "root" in registry ? registry : buildCommandTree(registry as readonly C[]);
  const globals = options.globalFlags ?? KUBECTL_GLOBAL_FLAGS;
  let sets = flagSetCache.get(globals);
  if (!sets) flagSetCache.set(globals, (sets = new WeakMap()));
  const cached = sets;
  const flagSetOf = (node: CommandNode<C>): FlagSet => {
    let set = cached.get(node);
    if (!set) cached.set(node, (set = buildFlagSet(node.spec?.flags ?? [], globals)));
    return set;
  };

  let node = tree.root;
  const path: string[] = [];
  let args = [...argv];
  for (;;) {
    const set = flagSetOf(node);
    const words = stripFlags(args, set);
    if (words.length === 0) break;
    const child = findChild(node, words[0]);
    if (!child) break;
    args = argsMinusFirst(args, words[0], set);
    node = child;
    path.push(child.name);
  }

  if (node === tree.root) {
    const leftover = stripFlags(args, flagSetOf(node));
    if (leftover.length > 0) {
      if (argv[0]?.startsWith("-")) {
        return { ok: false, exitCode: 1, error: `Error: flags cannot be placed before plugin name: ${argv[0]}\n` };
      }
      const typed = leftover[0];
      const block = suggestionsBlock(suggestionsFor(typed, tree.root.children));
      const message = `error: unknown command ${goQuote(typed)} for "kubectl"${block}`;
      return { ok: false, exitCode: 1, error: message.endsWith("\n") ? message : message + "\n" };
    }
  }

  if (!node.spec && !node.group && node !== tree.root && node.name !== "help") {
    return { ok: true, kind: "unsupported", path };
  }

  const parsed = parseFlags(args, flagSetOf(node), { commandPath: path });
  if (!parsed.ok) return { ok: false, exitCode: 1, error: parsed.error };
  const { ok: _ok, ...parsedArgs } = parsed;

  if (node === tree.root) return { ok: true, kind: "help", path: [], exitCode: 0 };
  if (node.name === "help" && path.length === 1) {
    return { ok: true, kind: "help", path: [...parsedArgs.positionals], exitCode: 0 };
  }
  if (parsedArgs.help) return { ok: true, kind: "help", path, exitCode: 0 };
  if (node.spec) return { ok: true, kind: "command", command: node.spec, path, args: parsedArgs };
  if (parsedArgs.positionals.length > 0) {
    const typed = parsedArgs.positionals.join(" ");
    return {
      ok: false,
      exitCode: 1,
      error: `error: unknown command ${goQuote(typed)}\nSee '${["kubectl", ...path].join(" ")} -h' for help and examples\n`,
    };
  }
  return { ok: true, kind: "help", path, exitCode: 1 };
}

/** Flag sets per command node, per list of global flags (nodes and specs are treated as immutable). */
const flagSetCache = new WeakMap<readonly FlagSpec[], WeakMap<object, FlagSet>>();

function takesValue(arg: string, set: FlagSet): boolean {
  if (arg.startsWith("--") && !arg.includes("=")) {
    const flag = set.byName.get(normalizeFlagName(arg.slice(2)));
    if (!flag || noOptDefault(flag) === undefined) return true;
  }
  if (arg.startsWith("-") && !arg.includes("=") && arg.length === 2) {
    const flag = set.byShort.get(arg.slice(1, 2));
    return !flag || noOptDefault(flag) === undefined;
  }
  return false;
}

/** cobra's `stripFlags`: the non-flag words, skipping what looks like a flag's value. */
function stripFlags(argv: readonly string[], set: FlagSet): string[] {
  const words: string[] = [];
  const args = [...argv];
  while (args.length > 0) {
    const s = args.shift()!;
    if (s === "--") break;
    if (takesValue(s, set)) {
      if (args.length <= 1) break;
      args.shift();
      continue;
    }
    if (s !== "" && !s.startsWith("-")) words.push(s);
  }
  return words;
}

/** cobra's `argsMinusFirstX`: the arguments without the first non-flag occurrence of `word`. */
function argsMinusFirst(args: readonly string[], word: string, set: FlagSet): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos];
    if (s === "--") break;
    if (takesValue(s, set)) {
      pos++;
      continue;
    }
    if (!s.startsWith("-") && s === word) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return [...args];
}
