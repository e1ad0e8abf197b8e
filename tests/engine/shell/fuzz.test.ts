import { describe, expect, it } from "vitest";
import { buildCommandTree, parseFlags, resolveCommand, KUBECTL_GLOBAL_FLAGS, type FlagSpec } from "../../../engine/kubectl/args";
import { isIncomplete, parseShellLine, runCommandLine, runFilter } from "../../../engine/kubectl/shell";
import { Random } from "../../../engine/runtime/random";

/**
 * 100,000 random and mutated command lines through the tokenizer, the flag parser and the
 * resolver: nothing throws, every answer is ok or an error string ending in a newline.
 */
const SEEDS = [
  "kubectl get pods -n shop -o wide",
  "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nEOF\n",
  "kubectl logs web-1 --since=5m --tail 0x10 | grep -iE 'err|warn' | head -n 5",
  'echo "a \\"b\\" $HOME ${X:-y}" | base64 -d 2>&1 >/dev/null; kubectl exec -it x -- sh -c \'ls\'',
  "kubectl rollout status deploy/web --timeout=30s && echo ok || echo bad",
  "kubectl get pods | awk 'NR>1 {print $1}' | sort -k2,2nr | uniq -c | cut -d: -f1 | tr a-z A-Z | tail -n +2 | wc -l",
  "cat <<-X\n\tbody $Y \\$z\n\tX\n",
];
const ALPHABET = [..."abcxyz019 -=_'\"\\$`|&;<>(){}#~*\n\t", "--", "-n", "<<", "EOF", "kubectl", "grep", "-o", "${", "$(", "2>&1"];

const registry = [
  { path: ["get"], flags: [{ name: "output", short: "o", type: "string" }, { name: "watch", short: "w", type: "bool" }] as FlagSpec[] },
  { path: ["logs"], flags: [{ name: "since", type: "duration" }, { name: "tail", type: "int" }] as FlagSpec[] },
  { path: ["rollout", "status"], flags: [{ name: "timeout", type: "duration" }] as FlagSpec[] },
  { path: ["scale"], flags: [{ name: "replicas", type: "int32" }, { name: "dry-run", type: "string", noOptDefault: "unchanged" }] as FlagSpec[] },
];
const tree = buildCommandTree(registry);

/** An integer in [0, n). */
const below = (rng: Random, n: number) => rng.int(0, n - 1);

function mutate(rng: Random, s: string): string {
  const chars = [...s];
  const edits = 1 + below(rng, 4);
  for (let e = 0; e < edits; e++) {
    const at = below(rng, chars.length + 1);
    const op = below(rng, 3);
    if (op === 0) chars.splice(at, 1);
    else if (op === 1) chars.splice(at, 0, ALPHABET[below(rng, ALPHABET.length)]);
    else chars.splice(at, 1, ALPHABET[below(rng, ALPHABET.length)]);
  }
  return chars.join("");
}

function randomLine(rng: Random): string {
  const n = below(rng, 24);
  let s = "";
  for (let i = 0; i < n; i++) s += ALPHABET[below(rng, ALPHABET.length)];
  return s;
}

const checkError = (e: unknown) => typeof e === "string" && e.length > 0 && e.endsWith("\n");

describe("fuzz", () => {
  it("100,000 inputs never throw", () => {
    const rng = new Random("shell-fuzz");
    const env = { HOME: "/home/learner", Y: "why" };
    const failures: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const input = below(rng, 3) === 0 ? randomLine(rng) : mutate(rng, SEEDS[below(rng, SEEDS.length)]);
      const parsed = parseShellLine(input, { env });
      isIncomplete(input);
      if (!parsed.ok) {
        if (!checkError(parsed.error)) failures.push(input);
        continue;
      }
      for (const step of parsed.steps) {
        for (const command of step.pipeline) {
          const argv = command.argv;
          if (argv[0] === "kubectl") {
            const r = resolveCommand(argv.slice(1), tree);
            if (!r.ok && !checkError(r.error)) failures.push(input);
            const f = parseFlags(argv.slice(1), [...registry[i % registry.length].flags, ...KUBECTL_GLOBAL_FLAGS]);
            if (!f.ok && !checkError(f.error)) failures.push(input);
          } else if (i % 10 === 0 && argv.length > 0) {
            const r = runFilter(argv, input);
            if (typeof r.stdout !== "string" || typeof r.exitCode !== "number") failures.push(input);
          }
        }
      }
      if (i % 50 === 0) {
        const r = runCommandLine(input, { env, commands: { kubectl: (a, stdin) => ({ stdout: (stdin ?? "") + a.join(" ") + "\n", stderr: "", exitCode: 0 }) } });
        if (typeof r.exitCode !== "number") failures.push(input);
      }
    }
    expect(failures).toEqual([]);
  }, 20_000);
});
