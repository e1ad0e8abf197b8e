/**
 * GNU `getopt_long` as coreutils and grep use it: clustered short options (`-in`), attached or
 * separate arguments (`-A2`, `-A 2`), `--long=value`, unambiguous long prefixes, options after
 * operands, and `--`. Error texts are GNU's.
 */

/** One long option: its canonical key, and whether it takes an argument. */
export interface LongOption {
  key: string;
  arg: "none" | "required" | "optional";
}

/** The options one program accepts. */
export interface GetoptSpec {
  program: string;
  /** Short options: `{ n: "required", v: "none" }`; the key reported is the letter. */
  short: Readonly<Record<string, "none" | "required">>;
  /** Long options by name: `{ "ignore-case": { key: "i", arg: "none" } }`. */
  long: Readonly<Record<string, LongOption>>;
  /** Lines printed after an option error (`Try 'head --help' for more information.`). */
  usage: string;
  /** Exit code for option errors (2 for grep and sort, 1 for most coreutils). */
  errorExitCode: number;
}

/** One option occurrence: its key and argument. */
export interface ParsedOption {
  key: string;
  value?: string;
}

/** Options in order and the remaining operands, or an error to print. */
export type GetoptResult =
  | { ok: true; options: ParsedOption[]; operands: string[] }
  | { ok: false; error: string; exitCode: number };

/** Parse a program's arguments (without the program name). */
export function gnuGetopt(args: readonly string[], spec: GetoptSpec): GetoptResult {
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  const fail = (message: string): GetoptResult => ({
    ok: false,
    error: `${spec.program}: ${message}\n${spec.usage}`,
    exitCode: spec.errorExitCode,
  });
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const exact = spec.long[name];
      const candidates = exact ? [name] : Object.keys(spec.long).filter((k) => k.startsWith(name));
      const distinct = new Set(candidates.map((k) => spec.long[k].key));
      if (candidates.length === 0 || name === "") return fail(`unrecognized option '${arg}'`);
      if (!exact && distinct.size > 1) {
        return fail(`option '${arg.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities:${candidates.map((c) => ` '--${c}'`).join("")}`);
      }
      const full = candidates[0];
      const long = spec.long[full];
      if (eq >= 0) {
        if (long.arg === "none") return fail(`option '--${full}' doesn't allow an argument`);
        options.push({ key: long.key, value: arg.slice(eq + 1) });
      } else if (long.arg === "required") {
        if (i + 1 >= args.length) return fail(`option '--${full}' requires an argument`);
        options.push({ key: long.key, value: args[++i] });
      } else {
        options.push({ key: long.key });
      }
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j];
        const kind = spec.short[c];
        if (kind === undefined) return fail(`invalid option -- '${c}'`);
        if (kind === "none") {
          options.push({ key: c });
          continue;
        }
        if (j + 1 < arg.length) options.push({ key: c, value: arg.slice(j + 1) });
        else if (i + 1 < args.length) options.push({ key: c, value: args[++i] });
        else return fail(`option requires an argument -- '${c}'`);
        break;
      }
      continue;
    }
    operands.push(arg);
  }
  return { ok: true, options, operands };
}
