/** The contract every text filter (`grep`, `head`, `wc`…) follows. */

/** What a command wrote and how it exited. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The command wrote its stdout before its stderr (most write errors first, as the shell shows them by default). */
  stdoutFirst?: boolean;
}

/** Optional access to files, for filters given file operands (`grep x file.yaml`). */
export interface FilterContext {
  /** The file's text, or `undefined` when it does not exist. Without it, every file is missing. */
  readFile?: (path: string) => string | undefined;
}

/** A pure text filter: arguments after the program name, its stdin, and the context. */
export type Filter = (args: readonly string[], input: string, context: FilterContext) => CommandOutput;

/** A successful result. */
export function written(stdout: string, exitCode = 0): CommandOutput {
  return { stdout, stderr: "", exitCode };
}

/** A failed result with a message on stderr. */
export function failed(stderr: string, exitCode: number, stdout = ""): CommandOutput {
  return { stdout, stderr, exitCode };
}

/** Split text into lines the way line-oriented tools see them (a final newline ends the last line). */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Join lines back into text, each ended by a newline. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((l) => l + "\n").join("");
}

/** GNU's quoting of a value in messages under a UTF-8 locale: ‘x’. */
export function gnuQuote(s: string): string {
  return `\u2018${s}\u2019`;
}

/** The inputs a filter reads: its file operands (`-` is stdin), or stdin when there are none. */
export function readInputs(
  program: string,
  operands: readonly string[],
  stdin: string,
  context: FilterContext,
): { inputs: { name: string; text: string }[]; errors: string } {
  if (operands.length === 0) return { inputs: [{ name: "(standard input)", text: stdin }], errors: "" };
  const inputs: { name: string; text: string }[] = [];
  let errors = "";
  for (const name of operands) {
    if (name === "-") {
      inputs.push({ name: "(standard input)", text: stdin });
      continue;
    }
    const text = context.readFile?.(name);
    if (text === undefined) errors += `${program}: ${name}: No such file or directory\n`;
    else inputs.push({ name, text });
  }
  return { inputs, errors };
}
