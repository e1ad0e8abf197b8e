/**
 * Typed reads of parsed flag values, so commands need no casts:
 * `flagString(args.flags, "output")`.
 */
import type { FlagValue } from "./flag-spec";

type Flags = Readonly<Record<string, FlagValue | undefined>>;

/** A string flag's value, or `fallback` when it is unset or not a string. */
export function flagString(flags: Flags, name: string, fallback = ""): string {
  const v = flags[name];
  return typeof v === "string" ? v : fallback;
}

/** A bool flag's value, or `fallback` when it is unset. */
export function flagBool(flags: Flags, name: string, fallback = false): boolean {
  const v = flags[name];
  return typeof v === "boolean" ? v : fallback;
}

/** An int or duration (ms) flag's value, or `fallback` when it is unset. */
export function flagInt(flags: Flags, name: string, fallback = 0): number {
  const v = flags[name];
  return typeof v === "number" ? v : fallback;
}

/** A stringArray/stringSlice flag's values (a copy), or `[]` when unset. */
export function flagStrings(flags: Flags, name: string): string[] {
  const v = flags[name];
  return Array.isArray(v) ? [...v] : typeof v === "string" ? [v] : [];
}
