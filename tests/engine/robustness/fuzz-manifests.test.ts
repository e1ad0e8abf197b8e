/**
 * Fuzzing real sessions with documents: valid manifests taken from the cluster and mutated
 * (wrong types, missing fields, huge numbers, deep nesting, unknown kinds, broken YAML and
 * JSON) through `apply/create/replace/diff/delete -f -` heredocs and pipes, `patch -p` bodies
 * of all three types, edited objects saved as `kubectl edit` saves them, and a bounded number
 * of the expensive ones: alias bombs (billion laughs), 64 KiB+ documents, deep nesting.
 *
 * FUZZ_SCALE=0.1 runs a tenth of the inputs.
 */
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { heavyLine, manifestLine, mutatedObject } from "./fuzz-inputs";
import { runFuzz } from "./fuzz-runner";

const SCALE = Number(process.env.FUZZ_SCALE ?? "1");

const SCENARIOS = [
  "svc-wrong-target-port",
  "crash-oomkilled",
  "pending-untolerated-taint",
  "image-pull-private-registry",
  "config-missing-secret-key",
  "rollout-stuck-readiness",
  "capstone-customer-release",
];

/** 12,000 inputs as 4 tests of 3,000, so no single test blocks the worker for long. */
const CHUNKS = 4;

describe("fuzzing manifests through real sessions", () => {
  it.each(Array.from({ length: CHUNKS }, (_, i) => i))("answers 3,000 mutated manifests, patches and edits (chunk %i of 12,000) with kubectl's errors and never throws", (chunk) => {
    const report = runFuzz({
      seed: 77 + chunk,
      inputs: Math.round((12_000 / CHUNKS) * SCALE),
      scenarios: SCENARIOS,
      resetEvery: 2_000,
      make(rng, names) {
        const r = rng.next();
        if (r < 0.12 && names.objects.length > 0) {
          // An edited object saved back, as the in-page editor does after `kubectl edit`.
          const target = rng.pick(names.objects);
          const doc = mutatedObject(rng, { ...names, objects: [target] });
          let yaml = rng.next() < 0.8 ? stringify(doc) : JSON.stringify(doc);
          if (rng.next() < 0.1) yaml = yaml.slice(0, rng.int(0, yaml.length));
          return { edit: { kind: target.kind, namespace: target.metadata.namespace, name: target.metadata.name, yaml } };
        }
        if (r < 0.998) return { line: manifestLine(rng, names) };
        return { line: heavyLine(rng) };
      },
    });
    console.info(`manifest fuzz: ${report.inputs} inputs, ${report.sessions} sessions, ${(report.ms / 1000).toFixed(1)} s`);
    expect(report.problems).toEqual([]);
  }, 600_000);
});
