/**
 * The command tree the resolver walks: kubectl's known commands (see known-commands.ts) with
 * the simulation's command specs attached where they are implemented.
 */
import type { FlagSpec } from "./flag-spec";
import { KUBECTL_COMMAND_TREE, type KnownCommand } from "./known-commands";

/** The part of a command spec the resolver needs (a teammate's `CommandSpec` satisfies it). */
export interface ResolvableCommand {
  /** Words that select the command: `["rollout", "status"]`. */
  path: readonly string[];
  /** Other names for the last word of the path. */
  aliases?: readonly string[];
  flags: readonly FlagSpec[];
  /** Words cobra's `SuggestFor` would map to this command. */
  suggestFor?: readonly string[];
}

/** One node of the tree. */
export interface CommandNode<C extends ResolvableCommand> {
  name: string;
  aliases: string[];
  hidden: boolean;
  /** Dispatches to subcommands only (see {@link KnownCommand.group}). */
  group: boolean;
  suggestFor: string[];
  /** The implementation, when the simulation has one. */
  spec?: C;
  children: CommandNode<C>[];
}

/** A prebuilt tree; build it once with {@link buildCommandTree} and reuse it. */
export interface CommandTree<C extends ResolvableCommand> {
  root: CommandNode<C>;
}

/** Build the tree from kubectl's known commands plus the registry of implemented commands. */
export function buildCommandTree<C extends ResolvableCommand>(registry: readonly C[]): CommandTree<C> {
  const root: CommandNode<C> = { name: "kubectl", aliases: [], hidden: false, group: false, suggestFor: [], children: [] };
  const addKnown = (parent: CommandNode<C>, known: readonly KnownCommand[]) => {
    for (const k of known) {
      const node: CommandNode<C> = {
        name: k.name,
        aliases: [...(k.aliases ?? [])],
        hidden: k.hidden ?? false,
        group: k.group ?? false,
        suggestFor: [],
        children: [],
      };
      parent.children.push(node);
      addKnown(node, k.children ?? []);
    }
  };
  addKnown(root, KUBECTL_COMMAND_TREE);
  for (const spec of registry) {
    let node = root;
    for (const word of spec.path) {
      let child = node.children.find((c) => c.name === word);
      if (!child) {
        child = { name: word, aliases: [], hidden: false, group: false, suggestFor: [], children: [] };
        node.children.push(child);
      }
      node = child;
    }
    node.spec = spec;
    for (const alias of spec.aliases ?? []) if (!node.aliases.includes(alias)) node.aliases.push(alias);
    node.suggestFor.push(...(spec.suggestFor ?? []));
  }
  return { root };
}

/** The child named (or aliased) `word`, as cobra's `findNext` matches it. */
export function findChild<C extends ResolvableCommand>(node: CommandNode<C>, word: string): CommandNode<C> | undefined {
  return node.children.find((c) => c.name === word || c.aliases.includes(word));
}
