/**
 * Fuzzing real sessions with command lines: real kubectl commands aimed at the cluster's own
 * objects, the same mutated token by token (dropped, duplicated, swapped, random flags,
 * unknown kinds and names, unicode and control characters, long words, unbalanced quotes,
 * jsonpath garbage, pipes into the text filters), random keyboard noise, and lines past the
 * 64 KiB limit. Every input must get output and an exit code, errors must read as kubectl's or
 * bash's, and no JavaScript may show through. The manifest half is in fuzz-manifests.test.ts.
 *
 * FUZZ_SCALE=0.1 runs a tenth of the inputs (for a quick local loop).
 */
import { describe, expect, it } from "vitest";
import { mutateLine, randomGarbage, realCommands, heavyLine, allFlagWords } from "./fuzz-inputs";
import { runFuzz } from "./fuzz-runner";

const SCALE = Number(process.env.FUZZ_SCALE ?? "1");

/** Scenarios of every family, the capstone included (a bigger cluster). */
const SCENARIOS = [
  "image-pull-repo-typo",
  "crash-missing-env",
  "pending-insufficient-cpu",
  "svc-selector-mismatch",
  "config-missing-configmap-volume",
  "rollout-stuck-bad-image",
  "crash-liveness-probe",
  "pending-unbound-pvc",
  "capstone-customer-system",
];

/** Command words, kinds and shell operators for the word soup. */
const SOUP_WORDS = [
  "get", "describe", "logs", "delete", "rollout", "status", "undo", "history", "set", "image", "env", "create", "apply", "patch", "edit",
  "scale", "label", "annotate", "exec", "top", "events", "explain", "config", "auth", "can-i", "cordon", "drain", "taint", "run", "expose",
  "pods", "po", "deploy", "svc", "nodes", "rs", "events", "cm", "secrets", "all", "ns", "-A", "-o", "yaml", "json", "wide", "name", "-n",
  "-l", "app=web", "-f", "-", "--", "|", "||", "&&", ";", "grep", "head", "wc", "-c", "=", "--all", "-w", "'", '"', "\\", "$HOME",
];

/**
 * The 88,000 inputs run as chunks of 8,000, one test each: a test runs synchronously, and a
 * worker blocked for over a minute misses vitest's own heartbeat.
 */
const CHUNKS = 11;

describe("fuzzing command lines through real sessions", () => {
  it.each(Array.from({ length: CHUNKS }, (_, i) => i))("answers 8,000 real, mutated and random lines (chunk %i of 88,000) with kubectl/bash output and never throws", (chunk) => {
    const flags = allFlagWords();
    const report = runFuzz({
      seed: 20260302 + chunk,
      inputs: Math.round((88_000 / CHUNKS) * SCALE),
      scenarios: SCENARIOS,
      resetEvery: 5_000,
      make(rng, names) {
        // Real commands cost a reconcile each; the cheap shapes (word soup, noise) make up the count.
        const r = rng.next();
        if (r < 0.05) return { line: realCommands(rng, names) };
        if (r < 0.3) return { line: mutateLine(rng, realCommands(rng, names)) };
        if (r < 0.55) return { line: randomGarbage(rng) };
        if (r < 0.9996) {
          // A soup of kubectl words: commands, flags, kinds, names, weird characters.
          const words: string[] = [rng.next() < 0.9 ? "kubectl" : rng.pick(["k", "kubect", "KUBECTL", "kubectl.exe", "sudo"])];
          for (let k = rng.int(0, 7); k > 0; k--) {
            words.push(rng.pick([...flags, ...SOUP_WORDS, rng.pick(names.namespaces.length ? names.namespaces : ["default"]), (names.pods.length ? rng.pick(names.pods).name : "p")]));
          }
          return { line: words.join(" ") };
        }
        return { line: heavyLine(rng) };
      },
    });
    console.info(`command fuzz: ${report.inputs} inputs, ${report.sessions} sessions, ${(report.ms / 1000).toFixed(1)} s`);
    expect(report.problems).toEqual([]);
  }, 600_000);
});

describe("the fuzz invariants", () => {
  it("catch stack traces, JavaScript values, silent failures and oversized lines that got through", async () => {
    const { problemsOf } = await import("./output-invariants");
    expect(problemsOf("kubectl get pods", { output: "TypeError: x is not a function\n    at run (engine/a.ts:1:2)\n", exitCode: 1 })).not.toEqual([]);
    expect(problemsOf("kubectl get pods", { output: "pod/undefined created\n", exitCode: 0 })).not.toEqual([]);
    expect(problemsOf("kubectl get pods", { output: "NAME  [object Object]\n", exitCode: 0 })).not.toEqual([]);
    expect(problemsOf("kubectl get pods", { output: "AGE NaN\n", exitCode: 0 })).not.toEqual([]);
    expect(problemsOf("kubectl get pods", { output: "", exitCode: 1 })).not.toEqual([]);
    expect(problemsOf("kubectl get pods", { output: "Error from server (InternalError): an error on the server (\"boom\")\n", exitCode: 1 })).not.toEqual([]);
    expect(problemsOf(`kubectl get pods ${"é".repeat(40_000)}`, { output: "No resources found\n", exitCode: 0 })).not.toEqual([]);
    // …and let through what a real terminal prints.
    expect(problemsOf("kubectl get pods | grep nothing", { output: "", exitCode: 1 })).toEqual([]);
    expect(problemsOf("kubectl get pods/undefined", { output: 'Error from server (NotFound): pods "undefined" not found\n', exitCode: 1 })).toEqual([]);
    expect(problemsOf("kubectl get pdos", { output: 'error: the server doesn\'t have a resource type "pdos"\n', exitCode: 1 })).toEqual([]);
  });

  it("a line of multi-byte characters is measured in bytes", async () => {
    const { openSession } = await import("../../../engine/index");
    const s = openSession({ scenarioId: "image-pull-repo-typo", seed: 1 });
    const r = s.run(`kubectl get pods ${"日".repeat(30_000)}`, 1_000);
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe("bash: input too long (90017 bytes; the limit is 65536)\n");
  });
});
