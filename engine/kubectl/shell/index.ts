/**
 * The simulated terminal's shell: parse a line as bash would (`parseShellLine`, `isIncomplete`),
 * then run it (`runCommandLine`, `runSteps`, `runPipeline`) with the caller's `kubectl`, the
 * builtins (`echo`, `clear`, `true`, `false`) and the text filters (`grep`, `head`, `tail`, `wc`,
 * `sort`, `uniq`, `cut`, `awk`, `tr`, `base64`, `cat`, `less`).
 */
export type { ParseShellOptions, ParseShellResult, Redirect, ShellCommand, ShellStep, StepCondition } from "./types";
export { isIncomplete, parseShellLine } from "./parse-shell-line";
export type { ExternalCommand, OutputChunk, RunOptions, ShellRunResult, VirtualFiles } from "./run-pipeline";
export { runCommandLine, runPipeline, runSteps } from "./run-pipeline";
export { FILTERS, isFilter, runFilter } from "./filters/run-filter";
export type { CommandOutput, Filter, FilterContext } from "./filters/filter-types";
export { echo } from "./builtins";
