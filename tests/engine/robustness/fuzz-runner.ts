/**
 * Drives fuzz inputs through real sessions: a few scenarios in turn, a fresh `openSession`
 * every so often, virtual time moving on now and then, and a sanity check that the session
 * still answers after whatever it was fed. Collects every broken invariant, deduplicated.
 */
import { openSession } from "../../../engine/index";
import type { Session } from "../../../engine/session";
import { Random } from "../../../engine/runtime/random";
import { namesOf, type ClusterNames } from "./fuzz-inputs";
import { problemsOf, type LineResult } from "./output-invariants";

/** One fuzz input: a terminal line, or an edited object saved as `kubectl edit` would. */
export type FuzzInput = { line: string } | { edit: { kind: string; namespace?: string; name: string; yaml: string } };

/** How to run a fuzz campaign. */
export interface FuzzOptions {
  seed: number;
  inputs: number;
  scenarios: readonly string[];
  /** Open a fresh session after this many inputs. */
  resetEvery: number;
  make(rng: Random, names: ClusterNames, session: Session): FuzzInput;
}

/** What a campaign found. */
export interface FuzzReport {
  inputs: number;
  sessions: number;
  ms: number;
  /** Distinct problems, each with the first input that showed it (at most 30). */
  problems: string[];
}

function describeInput(input: FuzzInput): string {
  const text = "line" in input ? input.line : `edit ${input.edit.kind}/${input.edit.name}:\n${input.edit.yaml}`;
  return JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…(${text.length} chars)` : text);
}

/** Runs `options.inputs` inputs and reports every invariant they broke. */
export function runFuzz(options: FuzzOptions): FuzzReport {
  const rng = new Random(options.seed);
  const started = performance.now();
  const found = new Map<string, string>();
  const note = (key: string, detail: string) => {
    if (!found.has(key) && found.size < 30) found.set(key, detail);
  };
  let session: Session | undefined;
  let names: ClusterNames | undefined;
  let sessions = 0;
  let t = 0;
  for (let i = 0; i < options.inputs; i++) {
    if (!session || i % options.resetEvery === 0) {
      const scenarioId = options.scenarios[sessions % options.scenarios.length];
      session = openSession({ scenarioId, seed: options.seed + sessions });
      sessions++;
      names = namesOf(session);
      t = 0;
    } else if (i % 100 === 0) names = namesOf(session);
    if (rng.next() < 0.03) t += rng.int(1, 30_000);
    const input = options.make(rng, names!, session);
    const where = `${session.scenarioId} seed ${session.seed} input #${i}`;
    let result: LineResult;
    try {
      if ("line" in input) result = session.run(input.line, t);
      else result = session.applyEdit(input.edit, t);
    } catch (e) {
      const err = e as Error;
      note(`throw ${err.message}`, `${where}: threw ${err.stack?.split("\n").slice(0, 4).join(" | ")}\n  input: ${describeInput(input)}`);
      session = undefined;
      continue;
    }
    const text = "line" in input ? input.line : input.edit.yaml;
    for (const p of problemsOf("line" in input ? text : `kubectl edit\n${text}`, result)) {
      note(p.replace(/"[^"]*"/g, '""').slice(0, 80), `${where}: ${p}\n  input: ${describeInput(input)}`);
    }
    if (i % 250 === 249) {
      // The session must stay usable whatever it was fed.
      try {
        // Leave a container shell a line may have attached to (`kubectl exec -it … -- sh`).
        for (let k = 0; k < 3 && session.prompt() !== "$ "; k++) session.run("exit", t);
        const r = session.run("kubectl get nodes", t);
        if (r.exitCode !== 0) note("unusable", `${where}: session no longer answers \`kubectl get nodes\`: ${r.output.slice(0, 200)}`);
        session.check(t);
      } catch (e) {
        note(`unusable ${(e as Error).message}`, `${where}: session broken after input: ${(e as Error).message}\n  input: ${describeInput(input)}`);
        session = undefined;
      }
    }
  }
  return { inputs: options.inputs, sessions, ms: performance.now() - started, problems: [...found.values()] };
}
