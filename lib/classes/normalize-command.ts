/** Flags whose value is the next word (`-n prod`), so that word is not taken for a resource. */
const FLAGS_WITH_VALUE = new Set([
  "-n", "--namespace", "-o", "--output", "-l", "--selector", "-c", "--container", "-f", "--filename",
  "-p", "--patch", "--type", "--context", "--image", "--replicas", "--field-selector", "--sort-by", "--tail", "--since",
]);

/** Verbs whose next word is a sub-command (`rollout restart`, `set image`, `create configmap`). */
const TWO_WORD_VERBS = new Set(["rollout", "set", "create", "config", "top", "auth"]);

/** Verbs that change the cluster: a candidate fix. */
const WRITE_VERBS = new Set([
  "delete", "edit", "patch", "apply", "replace", "set", "scale", "rollout", "create", "label", "annotate",
  "cordon", "uncordon", "drain", "taint", "expose", "autoscale",
]);

/**
 * A command line reduced to its shape, so that the same move by different learners
 * counts once: `kubectl delete pod web-7d9c -n shop` → `kubectl delete pod`,
 * `kubectl set env deployment/web A=1` → `kubectl set env deployment`.
 * Anything after a pipe is dropped; non-kubectl lines keep their first word.
 */
export function normalizeCommand(line: string): string {
  const words = line.split("|")[0].trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  if (words[0] !== "kubectl") return words[0];
  const positional: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith("-")) {
      if (FLAGS_WITH_VALUE.has(w)) i++;
      continue;
    }
    positional.push(w);
  }
  const [verb, ...rest] = positional;
  if (!verb) return "kubectl";
  const parts = ["kubectl", verb];
  if (TWO_WORD_VERBS.has(verb) && rest.length > 0) parts.push(rest.shift()!);
  if (rest.length > 0 && verb !== "logs" && verb !== "exec") parts.push(rest[0].split("/")[0].toLowerCase());
  return parts.join(" ");
}

/** The normalised form of a saved editor change: `edit deployment`. */
export function normalizeEdit(input: string): string {
  try {
    const edit = JSON.parse(input) as { kind?: unknown };
    return `edit ${typeof edit.kind === "string" ? edit.kind.toLowerCase() : "object"}`;
  } catch {
    return "edit object";
  }
}

/** Whether a normalised command changes the cluster (edits always do). */
export function isWriteCommand(normalized: string): boolean {
  const words = normalized.split(" ");
  if (words[0] === "edit") return true;
  return words[0] === "kubectl" && WRITE_VERBS.has(words[1] ?? "");
}
