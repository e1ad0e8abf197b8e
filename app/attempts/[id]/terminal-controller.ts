import type { Terminal } from "@xterm/xterm";
import { CommandHistory } from "@/lib/terminal/command-history";
import { completeWord } from "@/lib/terminal/complete-word";
import { needsContinuation } from "@/lib/terminal/continuation";

/** What running a line gives back to the terminal. */
export interface LineResult {
  output: string;
  exitCode: number;
  prompt: string;
  clear?: boolean;
}

/** How the terminal reaches the attempt. */
export interface TerminalBackend {
  run(line: string): Promise<LineResult | null>;
  complete(line: string): Promise<string[]>;
}

const ansi = {
  green: (s: string) => `\x1b[32m${s}\x1b[0m`,
  red: (s: string) => `\x1b[31m${s}\x1b[0m`,
  yellow: (s: string) => `\x1b[33m${s}\x1b[0m`,
  dim: (s: string) => `\x1b[2m${s}\x1b[0m`,
  bold: (s: string) => `\x1b[1m${s}\x1b[0m`,
};

/** Colours the terminal has for system messages (hints, checks, resets). */
export type Tone = "hint" | "ok" | "bad" | "info";

function toText(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/**
 * A bash-like line editor on an xterm.js terminal: prompt, cursor movement,
 * history (↑/↓), tab completion, Ctrl-C, Ctrl-L, Ctrl-U/A/E, and multi-line input
 * (heredocs, quotes, trailing backslash) typed or pasted. Input arriving while a
 * line runs is queued and handled in order. All output is written as terminal
 * text, never as HTML.
 */
export class TerminalController {
  private prompt = "$ ";
  private buffer = "";
  private cursor = 0;
  /** Earlier lines of a multi-line input still being typed. */
  private pendingLines: string[] = [];
  private readonly queue: string[] = [];
  private busy = false;
  private enabled = true;
  readonly history: CommandHistory;

  constructor(
    private readonly term: Terminal,
    private readonly backend: TerminalBackend,
    history: string[],
  ) {
    this.history = new CommandHistory(history);
    term.onData((data) => {
      this.queue.push(data);
      void this.drain();
    });
  }

  /** Sets the prompt used for the next line. */
  setPrompt(prompt: string): void {
    this.prompt = prompt;
  }

  /** Stops accepting input (finished attempts). */
  disable(message?: string): void {
    this.enabled = false;
    if (message) this.term.write(`\r\n${ansi.dim(message)}\r\n`);
  }

  /** Writes a past command and its output (used to restore the session on load). */
  writeTranscript(prompt: string, line: string, output: string): void {
    this.term.write(`\r\x1b[K${ansi.green(prompt)}${toText(line)}\r\n`);
    if (output) this.term.write(`${toText(output)}${output.endsWith("\n") ? "" : "\r\n"}`);
  }

  /** Writes a system message on its own lines, then redraws the line being typed. */
  notify(message: string, tone: Tone): void {
    const colour = tone === "ok" ? ansi.green : tone === "bad" ? ansi.red : tone === "hint" ? ansi.yellow : ansi.dim;
    this.term.write(`\r\x1b[K${colour(toText(message))}\r\n`);
    if (this.enabled && !this.busy) this.redraw();
  }

  /** Clears the screen and shows a fresh prompt. */
  reset(): void {
    this.term.clear();
    this.buffer = "";
    this.cursor = 0;
    this.pendingLines = [];
    this.term.write("\r\x1b[K");
    this.redraw();
  }

  /** Shows the prompt and the line being typed. */
  redraw(): void {
    const prompt = this.pendingLines.length > 0 ? "> " : this.prompt;
    this.term.write(`\r\x1b[K${ansi.green(prompt)}${this.buffer}`);
    const back = this.buffer.length - this.cursor;
    if (back > 0) this.term.write(`\x1b[${back}D`);
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length > 0) {
        const data = this.queue.shift()!;
        await this.handle(data);
      }
    } finally {
      this.busy = false;
    }
  }

  private async handle(data: string): Promise<void> {
    if (!this.enabled) return;
    // Escape sequences arrive whole; everything else is handled one character at a time.
    if (data.startsWith("\x1b")) return this.handleEscape(data);
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c === "\r" || c === "\n") {
        if (c === "\r" && data[i + 1] === "\n") i++;
        await this.enter();
      } else if (c === "\x7f" || c === "\b") this.backspace();
      else if (c === "\t") await this.tab();
      else if (c === "\x03") this.interrupt();
      else if (c === "\x0c") {
        this.term.clear();
        this.term.write("\r\x1b[K");
        this.redraw();
      } else if (c === "\x15") {
        this.buffer = this.buffer.slice(this.cursor);
        this.cursor = 0;
        this.redraw();
      } else if (c === "\x01") {
        this.cursor = 0;
        this.redraw();
      } else if (c === "\x05") {
        this.cursor = this.buffer.length;
        this.redraw();
      } else if (c >= " " || c === "\u00a0") this.insert(c);
    }
  }

  private handleEscape(data: string): void {
    switch (data) {
      case "\x1b[A":
        this.buffer = this.history.previous(this.buffer);
        this.cursor = this.buffer.length;
        break;
      case "\x1b[B":
        this.buffer = this.history.next();
        this.cursor = this.buffer.length;
        break;
      case "\x1b[C":
        this.cursor = Math.min(this.buffer.length, this.cursor + 1);
        break;
      case "\x1b[D":
        this.cursor = Math.max(0, this.cursor - 1);
        break;
      case "\x1b[H":
      case "\x1bOH":
        this.cursor = 0;
        break;
      case "\x1b[F":
      case "\x1bOF":
        this.cursor = this.buffer.length;
        break;
      case "\x1b[3~":
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
        break;
      default:
        // A paste that starts with ESC, or a key we don't handle: ignore.
        return;
    }
    this.redraw();
  }

  private insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
    if (this.cursor === this.buffer.length) this.term.write(text);
    else this.redraw();
  }

  private backspace(): void {
    if (this.cursor === 0) return;
    this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
    this.cursor--;
    this.redraw();
  }

  private interrupt(): void {
    this.term.write("^C\r\n");
    this.buffer = "";
    this.cursor = 0;
    this.pendingLines = [];
    this.redraw();
  }

  private async tab(): Promise<void> {
    if (this.pendingLines.length > 0) return;
    const before = this.buffer.slice(0, this.cursor);
    const candidates = await this.backend.complete(before).catch(() => []);
    const effect = completeWord(before, candidates);
    if (effect.kind === "replace") {
      this.buffer = effect.line + this.buffer.slice(this.cursor);
      this.cursor = effect.line.length;
      this.redraw();
    } else if (effect.kind === "list") {
      this.term.write(`\r\n${effect.candidates.join("  ")}\r\n`);
      this.redraw();
    } else this.term.write("\x07");
  }

  private async enter(): Promise<void> {
    this.term.write("\r\n");
    const text = [...this.pendingLines, this.buffer].join("\n");
    this.buffer = "";
    this.cursor = 0;
    if (needsContinuation(text)) {
      this.pendingLines = text.split("\n");
      this.redraw();
      return;
    }
    this.pendingLines = [];
    if (text.trim() === "") {
      this.redraw();
      return;
    }
    this.history.add(text);
    const result = await this.backend.run(text);
    if (result) {
      this.prompt = result.prompt || this.prompt;
      if (result.clear) this.term.clear();
      else if (result.output) this.term.write(toText(result.output) + (result.output.endsWith("\n") ? "" : "\r\n"));
    }
    if (this.enabled) this.redraw();
  }
}
