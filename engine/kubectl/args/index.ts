/**
 * kubectl's command line, as data: flag specs, a pflag-compatible parser, and cobra-style
 * command resolution with kubectl's exact error texts.
 */
export type { FlagSpec, FlagType, FlagValue } from "./flag-spec";
export { flagDisplayName, HELP_FLAG } from "./flag-spec";
export { KUBECTL_GLOBAL_FLAGS } from "./global-flags";
export type { FlagSet, ParsedFlags, ParseFlagsOptions, ParseFlagsResult } from "./parse-flags";
export { buildFlagSet, flagErrorFooter, normalizeFlagName, parseFlags } from "./parse-flags";
export type { CommandNode, CommandTree, ResolvableCommand } from "./command-tree";
export { buildCommandTree } from "./command-tree";
export type { ResolveOptions, ResolveResult } from "./resolve-command";
export { resolveCommand } from "./resolve-command";
export { KUBECTL_COMMAND_TREE, type KnownCommand } from "./known-commands";
export { levenshtein, suggestionsFor } from "./suggestions";
export { goQuote } from "./go-quote";
export { parseGoBool, parseGoInt, type GoParseResult } from "./go-parse-int";
export { parseGoDuration } from "./go-parse-duration";
export { flagBool, flagInt, flagString, flagStrings } from "./flag-accessors";
