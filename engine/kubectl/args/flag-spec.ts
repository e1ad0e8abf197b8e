/**
 * Flags declared as data, pflag-style. A teammate's `FlagDef` (engine/kubectl/command.ts) is a
 * `FlagSpec`; the extra fields here cover the pflag behaviours some kubectl flags need.
 */

/** How a flag's value is parsed, after pflag's value types. */
export type FlagType =
  /** Any text. */
  | "string"
  /** `--x`, `--x=true|false|1|0|t|f`; never takes the next argument. */
  | "bool"
  /** pflag `Int`: 64-bit, Go base-0 syntax (`0x10`, `1_000`). */
  | "int"
  /** pflag `Int32`: like `int`, 32-bit. */
  | "int32"
  /** pflag `StringArray`: each use appends one value, commas kept. */
  | "stringArray"
  /** pflag `StringSlice`: each use appends, values split on commas. */
  | "stringSlice"
  /** pflag `Duration` (`5m`, `30s`, `1h2m`); the parsed value is in milliseconds. */
  | "duration";

/** The parsed value of a flag. */
export type FlagValue = string | boolean | number | string[];

/** One flag a command accepts. */
export interface FlagSpec {
  /** Long name without dashes: `namespace`. */
  name: string;
  /** One-character shorthand without the dash: `n`. */
  short?: string;
  type: FlagType;
  /** The value when the flag is not given (`undefined` if not declared). */
  default?: FlagValue;
  /**
   * pflag's `NoOptDefVal`: the value used when the flag is given bare (`--dry-run` means
   * `unchanged`); such a flag then never takes the next argument. Bools have `"true"`.
   */
  noOptDefault?: string;
  /** For `int`/`int32`: 10 for flags that reject `0x` prefixes (klog's `-v`). Defaults to Go's base 0. */
  intBase?: 0 | 10;
  description?: string;
}

/** pflag's display name in errors: `-n, --namespace` when there is a shorthand, else `--replicas`. */
export function flagDisplayName(flag: FlagSpec): string {
  return flag.short ? `-${flag.short}, --${flag.name}` : `--${flag.name}`;
}

/** The help flag cobra adds to every command. */
export const HELP_FLAG: FlagSpec = { name: "help", short: "h", type: "bool", default: false };
