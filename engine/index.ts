/**
 * The engine's facade: what the web app and the CLI use. Everything behind it is pure and
 * deterministic: the same (scenario, seed, actions with their times) gives the same bytes.
 */
import { Session, UnknownScenarioError } from "./session";
import { getCatalogue, validateScenarios } from "./catalogue";
import type { EditRequest } from "./kubectl/command";
import { describeIncident, isIncidentScenarioId } from "./incidents/index";

export { Session, UnknownScenarioError } from "./session";
export type { RunResult } from "./session";
export type { Grade } from "./scenario";
export type { EditRequest } from "./kubectl/command";
export type { LoggedAction } from "./scenario/action-log";
export { INCIDENT_FAMILIES, INCIDENT_DIFFICULTIES, incidentScenarioId, isIncidentScenarioId, incidentInputs } from "./incidents/index";

/**
 * The engine version, stored with each attempt. Bump it whenever a change alters what an
 * existing (scenario, seed, actions) replays to, so old attempts can be told apart.
 */
export const ENGINE_VERSION = "0.7.0";
// 0.2.0: server-side field validation (unknown fields), StatefulSet/DaemonSet/Job/CronJob
// controllers, generated incidents (`incident:<family>:<difficulty>` ids).
// 0.3.0: kubectl wait, run -it, go-templates, standard kinds, runAsNonRoot.
// 0.4.0: rollout status watches on the virtual clock; apply --server-side.
// 0.5.0: the system world is restored from a snapshot (engine/scenario/system-snapshot.ts):
// new ids, names and pod placement for the same seed; CoreDNS's Ready times back-dated.
// 0.6.0: `create clusterrolebinding` wraps the server's refusal (`error: failed to create
// clusterrolebinding: …`) as kubectl v1.32 does; a connection to an address no pod or Service
// has times out (it said "bad address"), and busybox wget reports a timed-out connection as
// connect()'s error unless -T is given.
// 0.7.0: each scenario variant is simulated once and restored per seed (scenario-snapshot.ts):
// new ids and IPs for the same seed, pod IPs drawn per seed, Service IPs and pull times per
// variant, resourceVersions offset by seed; event names
// carry their instant (`<object>.<hex ns>`), so events list in the order they happened;
// the ties of describe's Events, `kubectl events` and `get --sort-by` follow Go's sort.Sort;
// the scheduler's flush loop ticks from its own start.

/** A scenario as the catalogue lists it. */
export interface ScenarioSummary {
  id: string;
  title: string;
  family: string;
  difficulty: 1 | 2 | 3;
  tags: string[];
}

/** Every scenario in the catalogue, in catalogue order. */
export function listScenarios(): ScenarioSummary[] {
  return getCatalogue()
    .list()
    .map((s) => ({ id: s.id, title: s.title, family: s.family, difficulty: s.difficulty as 1 | 2 | 3, tags: [...s.tags] }));
}

/**
 * The summary of any scenario id: a catalogue scenario as `listScenarios` gives it, or for an
 * incident id (`incident:<family>:<difficulty>`) a summary titled like
 * `Generated incident · CrashLoopBackOff · difficulty 2` (family: the fault family or `mixed`;
 * difficulty 2 for `any`). Undefined for unknown or malformed ids.
 */
export function describeScenario(id: string): ScenarioSummary | undefined {
  const s = getCatalogue().get(id);
  if (s) return { id: s.id, title: s.title, family: s.family, difficulty: s.difficulty as 1 | 2 | 3, tags: [...s.tags] };
  return describeIncident(id);
}

/** Starts an attempt: the scenario's broken cluster for this seed, settled, at the learner's time 0. */
export function openSession(opts: { scenarioId: string; seed: number }): Session {
  return new Session(opts);
}

/** One recorded action, as the web app stores it, for {@link replaySession}. */
export type RecordedAction =
  | { type: "command"; input: string; virtualMs: number }
  | { type: "edit"; edit: EditRequest; virtualMs: number }
  | { type: "hint"; virtualMs: number }
  | { type: "check"; virtualMs: number };

/** Rebuilds an attempt from its scenario, seed and recorded actions, in order. */
export function replaySession(opts: { scenarioId: string; seed: number }, actions: Iterable<RecordedAction>): Session {
  const s = new Session(opts);
  for (const a of actions) {
    if (a.type === "command") s.run(a.input, a.virtualMs);
    else if (a.type === "edit") s.applyEdit(a.edit, a.virtualMs);
    else if (a.type === "hint") s.hint(a.virtualMs);
    else s.check(a.virtualMs);
  }
  return s;
}

/** The reference fix of a scenario variant, as commands (what "show solution" reveals). */
export function solutionFor(scenarioId: string, seed: number): string[] {
  if (!getCatalogue().get(scenarioId) && !isIncidentScenarioId(scenarioId)) throw new UnknownScenarioError(scenarioId);
  return new Session({ scenarioId, seed }).solution();
}

/** Validates scenario files (all of `scenarios/`, or one path) for authors: schema, symptoms, solution, non-fixes. */
export function validateScenarioFile(path?: string): { path: string; ok: boolean; problems: string[] }[] {
  return validateScenarios(path);
}
