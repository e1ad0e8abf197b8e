/**
 * A scripted attempt for the determinism tests: diagnosis commands, the scenario's reference
 * fix, waits, a hint and checks, each at a virtual time, with everything the session printed
 * recorded. Running the script twice must give the same bytes.
 */
import { openSession, type RecordedAction } from "../../../engine/index";
import type { Session } from "../../../engine/session";
import { stringify } from "yaml";

/** What one scripted run produced. */
export interface ScriptedRun {
  session: Session;
  actions: RecordedAction[];
  /** Every output, in order, with its exit code (commands), text (hints) or grade (checks). */
  transcript: string[];
}

/** The diagnosis commands a learner would type first, for a namespace. */
function diagnosis(ns: string): string[] {
  return [
    "kubectl get pods -A -o wide",
    `kubectl get all -n ${ns}`,
    `kubectl describe pods -n ${ns}`,
    `kubectl get events -n ${ns} --sort-by=.lastTimestamp`,
    `kubectl get deploy,rs -n ${ns} -o yaml`,
    `kubectl logs -n ${ns} -l app --all-containers --tail=20 --prefix`,
    "kubectl describe nodes | grep -A5 Allocated",
  ];
}

/** The script: diagnosis, the solution (a few seconds apart), waits, and checks along the way. */
export function scriptFor(session: Session, solution: readonly string[]): RecordedAction[] {
  const ns = session.instance.defaultNamespace ?? namespaceOf(session);
  const actions: RecordedAction[] = [];
  let t = 2_000;
  for (const line of diagnosis(ns)) actions.push({ type: "command", input: line, virtualMs: (t += 3_500) });
  actions.push({ type: "hint", virtualMs: (t += 10_000) });
  actions.push({ type: "check", virtualMs: (t += 1_000) });
  for (const line of solution) actions.push({ type: "command", input: line, virtualMs: (t += 7_000) });
  for (const wait of [5_000, 30_000, 90_000]) {
    actions.push({ type: "command", input: `kubectl get pods -n ${ns}`, virtualMs: (t += wait) });
    actions.push({ type: "command", input: `kubectl rollout status deploy -n ${ns} --timeout=1s | tail -3`, virtualMs: (t += 500) });
  }
  actions.push({ type: "check", virtualMs: (t += 60_000) });
  actions.push({ type: "command", input: "kubectl get events -A", virtualMs: (t += 1_000) });
  return actions;
}

/** The namespace the scenario's own workloads live in (the first non-system one with pods). */
function namespaceOf(session: Session): string {
  for (const pod of session.cluster.store.list("Pod")) {
    const ns = pod.metadata.namespace ?? "default";
    if (!ns.startsWith("kube-")) return ns;
  }
  return "default";
}

/** Runs `actions` on a fresh session, recording every output. */
export function runScript(scenarioId: string, seed: number, actions: readonly RecordedAction[]): ScriptedRun {
  const session = openSession({ scenarioId, seed });
  const transcript: string[] = [];
  for (const a of actions) {
    if (a.type === "command") {
      const r = session.run(a.input, a.virtualMs);
      transcript.push(`$ ${a.input}\n${r.output}[exit ${r.exitCode}]${r.edit ? ` edit ${r.edit.kind}/${r.edit.name}` : ""}`);
    } else if (a.type === "edit") {
      const r = session.applyEdit(a.edit, a.virtualMs);
      transcript.push(`edit\n${r.output}[exit ${r.exitCode}]`);
    } else if (a.type === "hint") {
      transcript.push(`hint ${JSON.stringify(session.hint(a.virtualMs))}`);
    } else {
      transcript.push(`check ${JSON.stringify(session.check(a.virtualMs))}`);
    }
  }
  return { session, actions: [...actions], transcript };
}

/** The cluster as `kubectl get … -A -o yaml` would list every object, plus the store's own view. */
export function snapshotOf(session: Session): string {
  return stringify(session.cluster.store.all(), { aliasDuplicateObjects: false });
}
