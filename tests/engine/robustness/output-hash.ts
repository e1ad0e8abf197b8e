/**
 * Output hashes for performance work on the engine: for every scenario × seed, one hash of
 * everything a learner could observe — the settled cluster (objects, resourceVersions), its
 * events, a scripted attempt (diagnosis, the reference fix, waits, hints, checks) and the
 * state 10 and 20 virtual minutes later, every container's logs (current and previous),
 * `describe pods -A`, the session log and grades. Run it before and after a change that must
 * not alter outputs and compare:
 *
 *   node --import tsx tests/engine/robustness/output-hash.ts > before.txt   # optional: a scenario id filter, SEEDS=1,2,3
 *   … change …
 *   node --import tsx tests/engine/robustness/output-hash.ts | diff before.txt -
 */
import { createHash } from "node:crypto";
import { listScenarios, openSession, solutionFor } from "../../../engine/index";
import { runScript, scriptFor, snapshotOf } from "./scripted-session";

const LISTING = "kubectl get all,cm,secrets,sa,ep,pvc,pv,nodes,ns,events -A -o yaml";

/** The hash (16 hex digits) of one scenario × seed. */
export function outputHash(scenarioId: string, seed: number): string {
  const h = createHash("sha256");
  const open = openSession({ scenarioId, seed });
  h.update(snapshotOf(open));
  h.update(open.run("kubectl get events -A -o yaml", 0).output);
  const actions = scriptFor(open, solutionFor(scenarioId, seed));
  const lastMs = actions[actions.length - 1].virtualMs;
  for (const t of [lastMs + 1000, 600_000, 1_200_000]) if (t > lastMs) actions.push({ type: "command", input: LISTING, virtualMs: Math.max(t, lastMs + 1000) });
  const r = runScript(scenarioId, seed, actions);
  const end = Math.max(lastMs + 2000, 1_200_001);
  for (const p of r.session.cluster.store.list("Pod")) {
    for (const c of (p.spec as { containers?: { name: string }[] }).containers ?? []) {
      r.transcript.push(r.session.run(`kubectl logs -n ${p.metadata.namespace} ${p.metadata.name} -c ${c.name}`, end).output);
      r.transcript.push(r.session.run(`kubectl logs -n ${p.metadata.namespace} ${p.metadata.name} -c ${c.name} --previous`, end).output);
    }
  }
  r.transcript.push(r.session.run("kubectl describe pods -A", end).output);
  h.update(r.transcript.join("\n\u0000"));
  h.update(snapshotOf(r.session));
  h.update(JSON.stringify(r.session.log));
  return h.digest("hex").slice(0, 16);
}

/** `<scenario> <seed> <hash>` lines for the scenarios whose id contains `filter`. */
export function outputHashes(filter: string, seeds: readonly number[]): string[] {
  const lines: string[] = [];
  for (const s of listScenarios()) {
    if (filter && !s.id.includes(filter)) continue;
    for (const seed of seeds) lines.push(`${s.id} ${seed} ${outputHash(s.id, seed)}`);
  }
  return lines;
}

if (process.argv[1]?.endsWith("output-hash.ts")) {
  const seeds = (process.env.SEEDS ?? "1,2,3").split(",").map(Number);
  console.log(outputHashes(process.argv[2] ?? "", seeds).join("\n"));
}
