/** bash's own messages for the command-line errors the simulated terminal reports. */

/** `bash: unexpected EOF while looking for matching `''` for an unclosed quote. */
export function unexpectedEofMatching(quote: string): string {
  return `bash: unexpected EOF while looking for matching \`${quote}'\n`;
}

/** `bash: syntax error near unexpected token `|'`. */
export function syntaxErrorNear(token: string): string {
  return `bash: syntax error near unexpected token \`${token}'\n`;
}

/** `bash: syntax error: unexpected end of file`, for a line ending in `|`, `&&` or `||`. */
export const SYNTAX_ERROR_EOF = "bash: syntax error: unexpected end of file\n";

/** The warning bash prints when a heredoc runs to the end of input without its delimiter. */
export function heredocDelimitedByEof(line: number, delimiter: string): string {
  return `bash: warning: here-document at line ${line} delimited by end-of-file (wanted \`${delimiter}')\n`;
}

/** `bash: ${x/a/b}: bad substitution`. */
export function badSubstitution(text: string): string {
  return `bash: ${text}: bad substitution\n`;
}

/** For shell features this terminal does not simulate (command substitution, background jobs, subshells). */
export function notSupported(feature: string): string {
  return `bash: ${feature} is not supported in this simulated terminal\n`;
}

/** `bash: foo: command not found` (exit code 127). */
export function commandNotFound(name: string): string {
  return `bash: ${name}: command not found\n`;
}
