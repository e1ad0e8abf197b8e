/** The text filters a pipeline can use, by program name, and one entry point to run them. */
import { commandNotFound } from "../bash-errors";
import { awk } from "./awk";
import { base64 } from "./base64";
import { cat, pager } from "./cat";
import { cut } from "./cut";
import type { CommandOutput, Filter, FilterContext } from "./filter-types";
import { grep } from "./grep";
import { head, tail } from "./head-tail";
import { sort } from "./sort";
import { tr } from "./tr";
import { uniq } from "./uniq";
import { wc } from "./wc";

/** Every filter by the name typed at the prompt (`egrep` is `grep -E`, `fgrep` is `grep -F`). */
export const FILTERS: Readonly<Record<string, Filter>> = {
  grep,
  egrep: (args, input, ctx) => grep(["-E", ...args], input, ctx),
  fgrep: (args, input, ctx) => grep(["-F", ...args], input, ctx),
  head,
  tail,
  wc,
  sort,
  uniq,
  cut,
  awk,
  gawk: awk,
  mawk: awk,
  base64,
  cat,
  less: pager,
  more: pager,
  tr,
};

/** Whether `name` is a filter this terminal provides. */
export function isFilter(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(FILTERS, name);
}

/**
 * Run the filter named by `argv[0]` over `input`. An unknown program gives bash's
 * `bash: foo: command not found` with exit code 127. Never throws.
 */
export function runFilter(argv: readonly string[], input: string, context: FilterContext = {}): CommandOutput {
  const name = argv[0] ?? "";
  if (!isFilter(name)) return { stdout: "", stderr: commandNotFound(name), exitCode: 127 };
  return FILTERS[name](argv.slice(1), input, context);
}
