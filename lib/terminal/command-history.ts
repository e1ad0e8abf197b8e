/** Shell-style command history with ↑/↓ navigation that keeps the line being typed. */
export class CommandHistory {
  private readonly entries: string[] = [];
  private index = 0;
  private draft = "";

  constructor(initial: string[] = []) {
    for (const line of initial) this.add(line);
  }

  /** Adds a submitted line (blank lines and immediate repeats are skipped) and resets navigation. */
  add(line: string): void {
    const trimmed = line.trim();
    if (trimmed && this.entries[this.entries.length - 1] !== line) this.entries.push(line);
    this.index = this.entries.length;
    this.draft = "";
  }

  /** The previous entry (↑), remembering `current` as the draft when leaving it. */
  previous(current: string): string {
    if (this.index === this.entries.length) this.draft = current;
    if (this.index > 0) this.index--;
    return this.entries[this.index] ?? current;
  }

  /** The next entry (↓), or the draft past the newest. */
  next(): string {
    if (this.index < this.entries.length) this.index++;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }

  /** All entries, oldest first. */
  list(): readonly string[] {
    return this.entries;
  }
}
