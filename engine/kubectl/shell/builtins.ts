/** The shell builtins the terminal runs itself: `echo`, `true`, `false`, `clear`. */
import type { CommandOutput } from "./filters/filter-types";

/** bash's `echo`: `-n` (no newline), `-e` (backslash escapes), `-E`; other words are printed. */
export function echo(args: readonly string[]): CommandOutput {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const c of args[i].slice(1)) {
      if (c === "n") newline = false;
      else if (c === "e") escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(" ");
  if (escapes) {
    const cut = text.indexOf("\\c");
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g, (m, e: string) => {
      const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", f: "\f", v: "\v", "\\": "\\" };
      if (simple[e] !== undefined) return simple[e];
      if (e.startsWith("0")) return String.fromCharCode(parseInt(e.slice(1) || "0", 8));
      if (e.startsWith("x")) return String.fromCharCode(parseInt(e.slice(1), 16));
      return m;
    });
  }
  return { stdout: text + (newline ? "\n" : ""), stderr: "", exitCode: 0 };
}

/** Names handled by {@link runBuiltin}. */
export const BUILTINS = new Set(["echo", "true", "false", "clear", ":"]);

/** Run a builtin; `clear` is reported so the terminal can clear its screen. */
export function runBuiltin(argv: readonly string[]): CommandOutput & { clear?: boolean } {
  switch (argv[0]) {
    case "echo":
      return echo(argv.slice(1));
    case "false":
      return { stdout: "", stderr: "", exitCode: 1 };
    case "clear":
      return { stdout: "", stderr: "", exitCode: 0, clear: true };
    default:
      return { stdout: "", stderr: "", exitCode: 0 };
  }
}
