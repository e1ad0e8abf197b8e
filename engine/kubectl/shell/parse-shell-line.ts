/**
 * Parses a terminal input (possibly several lines) into steps of pipelines, as bash would for
 * the supported subset: words and quotes, `|`, `;`, `&&`, `||`, redirections, heredocs and
 * here-strings, comments, line continuations.
 */
import { notSupported, SYNTAX_ERROR_EOF, syntaxErrorNear } from "./bash-errors";
import { lex, type Token } from "./lexer";
import type { ParseShellOptions, ParseShellResult, Redirect, ShellCommand, ShellStep, StepCondition } from "./types";

type Outcome = { result: ParseShellResult; incomplete: boolean };

/**
 * Parse one terminal input. An unclosed quote or a trailing `|` is an error here (the terminal
 * should first ask {@link isIncomplete} and show a `> ` prompt instead). Never throws.
 */
export function parseShellLine(input: string, options: ParseShellOptions = {}): ParseShellResult {
  return parse(input, options).result;
}

/**
 * Whether `input` needs more lines before bash would run it: an open quote, a trailing `\`,
 * a heredoc without its delimiter line, or a line ending in `|`, `&&` or `||`.
 */
export function isIncomplete(input: string, options: ParseShellOptions = {}): boolean {
  return parse(input, options).incomplete;
}

function parse(input: string, options: ParseShellOptions): Outcome {
  const lexed = lex(input, options.env ?? {});
  if (!lexed.ok) {
    return { result: { ok: false, error: lexed.error, exitCode: lexed.exitCode }, incomplete: lexed.incomplete };
  }
  const fail = (error: string, incomplete = false): Outcome => ({
    result: { ok: false, error, exitCode: 2 },
    incomplete,
  });

  const steps: ShellStep[] = [];
  let pipeline: ShellCommand[] = [];
  let command: ShellCommand = { argv: [], redirects: [] };
  let runIf: StepCondition = "always";
  /** The operator that still needs a command after it (`|`, `&&`, `||`), if any. */
  let open: string | undefined;
  const tokens = lexed.tokens;

  const commandEmpty = () => command.argv.length === 0 && command.redirects.length === 0;
  const endCommand = () => {
    pipeline.push(command);
    command = { argv: [], redirects: [] };
  };
  const endPipeline = (next: StepCondition) => {
    endCommand();
    steps.push({ pipeline, runIf });
    pipeline = [];
    runIf = next;
  };

  for (let t = 0; t < tokens.length; t++) {
    const token: Token = tokens[t];
    if (token.kind === "word") {
      command.argv.push(token.value);
      open = undefined;
      continue;
    }
    if (token.kind === "redir") {
      const target = tokens[t + 1];
      if (target?.kind !== "word") {
        const near = target === undefined || (target.kind === "op" && target.op === "\n") ? "newline" : tokenText(target);
        return fail(syntaxErrorNear(near));
      }
      t++;
      const redirect = toRedirect(token, target.value);
      if (!redirect.ok) return fail(redirect.error);
      command.redirects.push(...redirect.redirects);
      if (redirect.stdin !== undefined) command.stdin = redirect.stdin;
      else if (redirect.redirects.some((r) => r.fd === 0)) delete command.stdin;
      open = undefined;
      continue;
    }
    switch (token.op) {
      case "\n":
        if (open === undefined && !commandEmpty()) endPipeline("always");
        break;
      case "|":
      case "|&":
        if (commandEmpty()) return fail(syntaxErrorNear(token.op));
        if (token.op === "|&") command.redirects.push({ fd: 2, op: ">&", target: "1" });
        endCommand();
        open = token.op;
        break;
      case "&&":
      case "||":
        if (commandEmpty()) return fail(syntaxErrorNear(token.op));
        endPipeline(token.op === "&&" ? "if-success" : "if-failure");
        open = token.op;
        break;
      case ";":
        if (commandEmpty()) return fail(syntaxErrorNear(";"));
        endPipeline("always");
        break;
      case ";;":
      case ")":
        return fail(syntaxErrorNear(token.op));
      case "(":
        return fail(commandEmpty() ? notSupported("a ( ... ) subshell") : syntaxErrorNear("("));
      case "&":
        if (commandEmpty()) return fail(syntaxErrorNear("&"));
        return fail(notSupported("running a command in the background (&)"));
    }
  }
  if (open !== undefined) return fail(SYNTAX_ERROR_EOF, true);
  if (!commandEmpty()) endPipeline("always");
  return {
    result: { ok: true, steps, pipeline: steps[0]?.pipeline ?? [], warnings: lexed.warnings },
    incomplete: lexed.incomplete,
  };
}

function tokenText(token: Token): string {
  return token.kind === "word" ? token.value : token.op;
}

type RedirectOutcome =
  | { ok: true; redirects: Redirect[]; stdin?: string }
  | { ok: false; error: string };

function toRedirect(token: Extract<Token, { kind: "redir" }>, target: string): RedirectOutcome {
  switch (token.op) {
    case "<<":
    case "<<-": {
      const body = token.heredoc?.body ?? "";
      return { ok: true, redirects: [{ fd: token.fd ?? 0, op: "<<", target: body }], stdin: (token.fd ?? 0) === 0 ? body : undefined };
    }
    case "<<<":
      return { ok: true, redirects: [{ fd: token.fd ?? 0, op: "<<<", target: target + "\n" }], stdin: (token.fd ?? 0) === 0 ? target + "\n" : undefined };
    case "<":
    case "<>":
      return { ok: true, redirects: [{ fd: token.fd ?? 0, op: "<", target }] };
    case "<&":
      return { ok: true, redirects: [{ fd: token.fd ?? 0, op: "<&", target }] };
    case ">":
    case ">|":
      return { ok: true, redirects: [{ fd: token.fd ?? 1, op: ">", target }] };
    case ">>":
      return { ok: true, redirects: [{ fd: token.fd ?? 1, op: ">>", target }] };
    case ">&":
      if (/^[0-9]+$|^-$/.test(target)) return { ok: true, redirects: [{ fd: token.fd ?? 1, op: ">&", target }] };
      // `>&file` is `&>file` when no fd is given.
      if (token.fd !== undefined) return { ok: false, error: `bash: ${target}: ambiguous redirect\n` };
      return { ok: true, redirects: [{ fd: 1, op: ">", target }, { fd: 2, op: ">&", target: "1" }] };
    case "&>":
      return { ok: true, redirects: [{ fd: 1, op: ">", target }, { fd: 2, op: ">&", target: "1" }] };
    case "&>>":
      return { ok: true, redirects: [{ fd: 1, op: ">>", target }, { fd: 2, op: ">&", target: "1" }] };
  }
}
