/**
 * Whether a shell input is incomplete and the terminal should ask for more lines
 * (with a "> " prompt), as bash does: an open heredoc, an open quote, or a line
 * ending in a backslash.
 */
export function needsContinuation(text: string): boolean {
  const lines = text.split("\n");
  const pending: { word: string; stripTabs: boolean }[] = [];
  let quote: "'" | '"' | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (pending.length > 0 && quote === null) {
      // Inside a heredoc body: only the delimiter line ends it.
      const candidate = pending[0].stripTabs ? line.replace(/^\t+/, "") : line;
      if (candidate === pending[0].word) pending.shift();
      continue;
    }
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (quote) {
        if (c === "\\" && quote === '"') j++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === "\\") {
        j++;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        continue;
      }
      if (c === "#" && (j === 0 || /\s/.test(line[j - 1]))) break;
      if (c === "<" && line[j + 1] === "<" && line[j + 2] !== "<") {
        const match = /^<<(-?)\s*(['"]?)([A-Za-z0-9_.-]+)\2/.exec(line.slice(j));
        if (match) {
          pending.push({ word: match[3], stripTabs: match[1] === "-" });
          j += match[0].length - 1;
        }
      }
    }
    const last = i === lines.length - 1;
    if (last && quote === null && pending.length === 0 && /(^|[^\\])(\\\\)*\\$/.test(line)) return true;
  }
  return quote !== null || pending.length > 0;
}
