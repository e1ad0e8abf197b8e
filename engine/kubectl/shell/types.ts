/**
 * What the shell layer hands to the terminal: a command line parsed into steps of pipelines,
 * as bash would for the subset the simulated terminal supports.
 */

/** A redirection on one command, in the order written. */
export interface Redirect {
  /** The file descriptor redirected: 0 for input, 1 for `>`, 2 for `2>`. */
  fd: number;
  /**
   * `>` / `>>` write a file, `>&` duplicates (`2>&1`), `<` reads a file, `<<` is a heredoc and
   * `<<<` a here-string (their text is in `target`).
   */
  op: ">" | ">>" | ">&" | "<" | "<&" | "<<" | "<<<";
  /** The file name, the fd number for `>&`, or the input text for `<<` and `<<<`. */
  target: string;
}

/** One simple command: its words after quote removal and expansion, and its redirections. */
export interface ShellCommand {
  argv: string[];
  /** The text a heredoc or here-string feeds to this command's stdin, if any. */
  stdin?: string;
  redirects: Redirect[];
}

/** When a step runs, relative to the exit code of the step before it. */
export type StepCondition = "always" | "if-success" | "if-failure";

/** Commands joined by `|`, run when `runIf` holds (`;` → always, `&&` → if-success, `||` → if-failure). */
export interface ShellStep {
  pipeline: ShellCommand[];
  runIf: StepCondition;
}

/** A parsed command line, or bash's error text (ending in a newline) with its exit code (2 for syntax errors). */
export type ParseShellResult =
  | {
      ok: true;
      /** Every pipeline on the line, in order. Empty for a blank line or a comment. */
      steps: ShellStep[];
      /** The first step's pipeline (`[]` when there is none); use `steps` for `;`, `&&`, `||`. */
      pipeline: ShellCommand[];
      /** bash warnings to print before running (a heredoc ended by end of input). */
      warnings: string[];
    }
  | { ok: false; error: string; exitCode: number };

/** Options for parsing a command line. */
export interface ParseShellOptions {
  /** Variables for `$NAME` / `${NAME}` / `~` expansion; unset names expand to nothing. */
  env?: Readonly<Record<string, string>>;
}
