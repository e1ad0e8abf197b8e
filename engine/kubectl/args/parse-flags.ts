/**
 * A pflag-compatible parser over declared flags: `-n ns`, `-nns`, `-n=ns`, `--namespace=ns`,
 * `--namespace ns`, bools (`-w`, `--watch=false`), combined shorthands (`-it`), `--` ending the
 * flags, flags anywhere among the positionals. Errors carry kubectl's exact text.
 */
import { flagDisplayName, HELP_FLAG, type FlagSpec, type FlagValue } from "./flag-spec";
import { parseGoDuration } from "./go-parse-duration";
import { parseGoBool, parseGoInt, type GoParseResult } from "./go-parse-int";
import { goQuote } from "./go-quote";

/** The outcome of parsing a command's arguments. Compatible with `ParsedArgs` in `engine/kubectl/command.ts`. */
export interface ParsedFlags {
  /** Arguments that are not flags, before any `--`. */
  positionals: string[];
  /** Values by long name: what was given, else the declared default, else `undefined`. Durations are in ms. */
  flags: Record<string, FlagValue | undefined>;
  /** Arguments after a bare `--` (empty when there was none). */
  dashArgs: string[];
  /** Whether a bare `--` was present (cobra's `ArgsLenAtDash() >= 0`). */
  sawDash: boolean;
  /** Long names of the flags given explicitly on the line (pflag's `Changed`), in order of first use. */
  changed: string[];
  /** Whether `-h`/`--help` was given (kubectl then prints the command's help). */
  help: boolean;
}

/** Success with the parsed arguments, or kubectl's error text (ending in a newline), exit code 1. */
export type ParseFlagsResult = ({ ok: true } & ParsedFlags) | { ok: false; error: string };

/** Options for {@link parseFlags}. */
export interface ParseFlagsOptions {
  /** The command words after `kubectl` (`["rollout", "status"]`), for the `See 'kubectl … --help'` line. */
  commandPath?: readonly string[];
}

/** kubectl's flag-name normalisation: `--all_namespaces` is `--all-namespaces`. */
export function normalizeFlagName(name: string): string {
  return name.replace(/_/g, "-");
}

/** kubectl's closing line for flag errors: `See 'kubectl get --help' for usage.` */
export function flagErrorFooter(commandPath: readonly string[]): string {
  return `See '${["kubectl", ...commandPath].join(" ")} --help' for usage.`;
}

/** A flag set ready for lookups: local flags shadow global ones, cobra's help flag added. */
export interface FlagSet {
  byName: Map<string, FlagSpec>;
  byShort: Map<string, FlagSpec>;
}

/** Build the lookup tables for a command's flags (local first, then inherited), adding `-h, --help`. */
export function buildFlagSet(...groups: readonly (readonly FlagSpec[])[]): FlagSet {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const flag of groups.flat()) {
    const name = normalizeFlagName(flag.name);
    if (byName.has(name)) continue;
    byName.set(name, flag);
    if (flag.short && !byShort.has(flag.short)) byShort.set(flag.short, flag);
  }
  if (!byName.has("help")) {
    const help = byShort.has("h") ? { ...HELP_FLAG, short: undefined } : HELP_FLAG;
    byName.set("help", help);
    if (help.short) byShort.set(help.short, help);
  }
  return { byName, byShort };
}

/** pflag's `NoOptDefVal` for a flag: bools are `"true"`, others as declared. */
export function noOptDefault(flag: FlagSpec): string | undefined {
  if (flag.noOptDefault !== undefined && flag.noOptDefault !== "") return flag.noOptDefault;
  return flag.type === "bool" ? "true" : undefined;
}

/**
 * Parse `argv` (the words after the command path) against the command's flags and kubectl's
 * global flags. Never throws.
 */
export function parseFlags(
  argv: readonly string[],
  flags: readonly FlagSpec[] | FlagSet,
  options: ParseFlagsOptions = {},
): ParseFlagsResult {
  let set: FlagSet;
  if (isFlagSet(flags)) set = flags;
  else {
    set = flagSetsBySpecList.get(flags) ?? buildFlagSet(flags);
    flagSetsBySpecList.set(flags, set);
  }
  const footer = flagErrorFooter(options.commandPath ?? []);
  const fail = (message: string): ParseFlagsResult => ({ ok: false, error: `error: ${message}\n${footer}\n` });

  const values = new Map<string, FlagValue>();
  const changed: string[] = [];
  const positionals: string[] = [];
  let dashArgs: string[] = [];
  let sawDash = false;

  const setValue = (flag: FlagSpec, raw: string): string | undefined => {
    const parsed = convert(flag, raw, values.get(flag.name), changed.includes(flag.name));
    if (!parsed.ok) return `invalid argument ${goQuote(raw)} for ${goQuote(flagDisplayName(flag))} flag: ${parsed.error}`;
    values.set(flag.name, parsed.value);
    if (!changed.includes(flag.name)) changed.push(flag.name);
    return undefined;
  };

  let rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg.length < 2 || arg[0] !== "-") {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      sawDash = true;
      dashArgs = rest;
      rest = [];
      break;
    }
    if (arg[1] === "-") {
      const body = arg.slice(2);
      if (body === "" || body[0] === "-" || body[0] === "=") return fail(`bad flag syntax: ${arg}`);
      const eq = body.indexOf("=");
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const flag = set.byName.get(normalizeFlagName(name));
      if (!flag) return fail(`unknown flag: --${name}`);
      let raw: string;
      const bare = noOptDefault(flag);
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (bare !== undefined) raw = bare;
      else if (rest.length > 0) raw = rest.shift()!;
      else return fail(`flag needs an argument: ${arg}`);
      const err = setValue(flag, raw);
      if (err) return fail(err);
      continue;
    }
    let shorthands = arg.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0];
      const flag = set.byShort.get(c);
      if (!flag) return fail(`unknown shorthand flag: ${goRuneQuote(c)} in -${shorthands}`);
      let raw: string;
      const bare = noOptDefault(flag);
      if (shorthands.length > 2 && shorthands[1] === "=") {
        raw = shorthands.slice(2);
        shorthands = "";
      } else if (bare !== undefined) {
        raw = bare;
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        raw = shorthands.slice(1);
        shorthands = "";
      } else if (rest.length > 0) {
        raw = rest.shift()!;
        shorthands = "";
      } else {
        return fail(`flag needs an argument: ${goRuneQuote(c)} in -${shorthands}`);
      }
      const err = setValue(flag, raw);
      if (err) return fail(err);
    }
  }

  const result: Record<string, FlagValue | undefined> = {};
  for (const flag of set.byName.values()) {
    result[flag.name] = values.has(flag.name) ? values.get(flag.name) : cloneDefault(flag.default);
  }
  return { ok: true, positionals, flags: result, dashArgs, sawDash, changed, help: result.help === true };
}

/** Flag sets already built for a list of specs (lists are treated as immutable). */
const flagSetsBySpecList = new WeakMap<readonly FlagSpec[], FlagSet>();

function isFlagSet(x: readonly FlagSpec[] | FlagSet): x is FlagSet {
  return !Array.isArray(x) && "byName" in x;
}

function cloneDefault(v: FlagValue | undefined): FlagValue | undefined {
  return Array.isArray(v) ? [...v] : v;
}

/** Go's `%q` for a byte (rune) such as `'z'`. */
function goRuneQuote(c: string): string {
  if (c === "'") return "'\\''";
  const inner = goQuoteInner(c);
  return `'${inner}'`;
}

function goQuoteInner(c: string): string {
  const quoted = goQuote(c);
  return quoted.slice(1, -1).replace(/\\"/g, '"');
}

function convert(
  flag: FlagSpec,
  raw: string,
  previous: FlagValue | undefined,
  alreadySet: boolean,
): GoParseResult<FlagValue> {
  switch (flag.type) {
    case "string":
      return { ok: true, value: raw };
    case "bool":
      return parseGoBool(raw);
    case "int":
      return parseGoInt(raw, flag.intBase ?? 0, 64);
    case "int32":
      return parseGoInt(raw, flag.intBase ?? 0, 32);
    case "duration":
      return parseGoDuration(raw);
    case "stringArray": {
      const before = alreadySet && Array.isArray(previous) ? previous : [];
      return { ok: true, value: [...before, raw] };
    }
    case "stringSlice": {
      const before = alreadySet && Array.isArray(previous) ? previous : [];
      return { ok: true, value: [...before, ...(raw === "" ? [] : raw.split(","))] };
    }
  }
}
