/**
 * cobra's "Did you mean this?" suggestions: a command is suggested when its name is within
 * Levenshtein distance 2 of what was typed (ignoring case), when it starts with what was typed,
 * or when it lists the typed word in its `SuggestFor`.
 */

/** A command that may be suggested. */
export interface SuggestionCandidate {
  name: string;
  hidden?: boolean;
  suggestFor?: readonly string[];
}

/** cobra's default `SuggestionsMinimumDistance`. */
export const SUGGESTIONS_MINIMUM_DISTANCE = 2;

/** Levenshtein distance between two strings, compared case-insensitively as cobra does. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = row;
  }
  return prev[t.length];
}

/** The names cobra would suggest for `typed`, in the candidates' order. */
export function suggestionsFor(typed: string, candidates: readonly SuggestionCandidate[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    if (c.hidden) continue;
    const close = levenshtein(typed, c.name) <= SUGGESTIONS_MINIMUM_DISTANCE;
    const prefix = c.name.toLowerCase().startsWith(typed.toLowerCase());
    if (close || prefix) out.push(c.name);
    for (const word of c.suggestFor ?? []) {
      if (word.toLowerCase() === typed.toLowerCase()) out.push(c.name);
    }
  }
  return out;
}

/** The block cobra appends to an unknown-command error, or "" when nothing is close. */
export function suggestionsBlock(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  return "\n\nDid you mean this?\n" + suggestions.map((s) => `\t${s}\n`).join("");
}
