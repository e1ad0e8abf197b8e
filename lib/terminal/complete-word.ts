/** What the terminal does with tab-completion candidates for the line's last word. */
export type CompletionEffect =
  | { kind: "none" }
  | { kind: "replace"; line: string }
  | { kind: "list"; candidates: string[] };

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? "";
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Applies candidates (full replacements of the last word) to `line`: one candidate
 * completes the word and adds a space; several extend it to their common prefix,
 * or are listed when the word cannot grow.
 */
export function completeWord(line: string, candidates: string[]): CompletionEffect {
  const start = Math.max(line.lastIndexOf(" "), line.lastIndexOf("\t")) + 1;
  const word = line.slice(start);
  const usable = [...new Set(candidates)].filter((c) => c.startsWith(word));
  if (usable.length === 0) return { kind: "none" };
  if (usable.length === 1) {
    const done = usable[0];
    return { kind: "replace", line: line.slice(0, start) + done + (done.endsWith("/") || done.endsWith("=") ? "" : " ") };
  }
  const prefix = commonPrefix(usable);
  if (prefix.length > word.length) return { kind: "replace", line: line.slice(0, start) + prefix };
  return { kind: "list", candidates: usable.sort() };
}
