/**
 * The web app's only door into the simulation engine (`engine/index.ts`).
 *
 * An attempt's cluster is a function of (scenario, seed, engine version, actions):
 * {@link replayAttempt} rebuilds it from the recorded actions, {@link applyAction}
 * applies one new action. Both go through the same code, so a live session and a
 * replayed one are the same.
 */
import {
  describeScenario,
  ENGINE_VERSION,
  INCIDENT_DIFFICULTIES,
  INCIDENT_FAMILIES,
  incidentInputs,
  incidentScenarioId,
  isIncidentScenarioId,
  listScenarios,
  openSession,
  UnknownScenarioError,
  type EditRequest,
  type Grade,
  type ScenarioSummary,
  type Session,
} from "@/engine";
import type { ActionType } from "@prisma/client";

export { ENGINE_VERSION, INCIDENT_DIFFICULTIES, INCIDENT_FAMILIES, UnknownScenarioError };
export type { EditRequest, Grade, ScenarioSummary };

/** The engine's session of one attempt, plus where its clock restarted after the last reset. */
export interface LiveSession {
  session: Session;
  /** Attempt-relative virtual ms of the last reset (0 if none): the engine's clock starts there. */
  resetAtMs: number;
}

/** An action as stored in the Action table (the fields replay needs). */
export interface StoredAction {
  type: ActionType;
  input: string;
  virtualMs: number;
}

/** An action a learner sends. */
export type ActionRequest =
  | { type: "command"; line: string }
  | { type: "edit"; edit: EditRequest }
  | { type: "hint" }
  | { type: "check" }
  | { type: "reset" }
  | { type: "give_up" };

/** What applying an action produced: what is stored and what the terminal shows. */
export interface ActionOutcome {
  input: string;
  output: string;
  exitCode: number;
  grade?: Grade;
  edit?: EditRequest;
  clear?: boolean;
  prompt: string;
}

/** Every scenario of the catalogue. */
export function catalogue(): ScenarioSummary[] {
  return listScenarios();
}

// Read and check the scenario catalogue (several hundred ms) when the server loads this module —
// Next.js loads its route modules as it starts, and the server worker imports this before it
// listens — rather than in the first learner's request.
catalogue();

/**
 * The summary of a scenario id: a catalogue entry, or a generated incident's distribution
 * (`incident:<family>:<difficulty>`, titled "Generated incident · …"); undefined for
 * anything else. Every lookup of a scenario by id goes through here.
 */
export function findScenario(scenarioId: string): ScenarioSummary | undefined {
  return describeScenario(scenarioId);
}

/** True for a well-formed generated-incident id (`incident:<family>:<difficulty>`). */
export function isGeneratedScenario(scenarioId: string): boolean {
  return isIncidentScenarioId(scenarioId) && describeScenario(scenarioId) !== undefined;
}

/** A generated-incident distribution the learner or instructor asks for; a missing field means "any". */
export interface IncidentRequest {
  family?: string;
  difficulty?: 1 | 2 | 3;
}

/** The scenario id of a generated-incident distribution (the engine owns the format). */
export function generatedScenarioId(request: IncidentRequest): string {
  return incidentScenarioId(request);
}

/**
 * Why `scenarioId` names nothing, in words for an API error; undefined when it names a
 * catalogue scenario or a valid generated-incident distribution.
 */
export function scenarioIdProblem(scenarioId: string): string | undefined {
  if (describeScenario(scenarioId)) return undefined;
  if (scenarioId.startsWith("incident:")) {
    return `not a generated incident: use incident:<family>:<difficulty> with a family among any, ${INCIDENT_FAMILIES.join(", ")} and a difficulty among any, ${INCIDENT_DIFFICULTIES.join(", ")}`;
  }
  return "unknown scenario";
}

/**
 * What a generated attempt stores in `Attempt.generatorInputs`: the engine's generator inputs
 * (topology, faults, seed, family, difficulty) plus the incident's own title, so lists can
 * name the incident without rebuilding it.
 */
export interface GeneratorInputs {
  topology: string;
  faults: string[];
  seed: number;
  family: string;
  difficulty: number;
  title: string;
}

/**
 * Builds a generated incident for (`scenarioId`, `seed`): the live session at time 0 and its
 * generator inputs; undefined for a catalogue scenario.
 */
export function generateIncident(scenarioId: string, seed: number): { live: LiveSession; inputs: GeneratorInputs } | undefined {
  if (!isGeneratedScenario(scenarioId)) return undefined;
  const inputs = incidentInputs(scenarioId, seed);
  if (!inputs) return undefined;
  const live = startSession(scenarioId, seed);
  return { live, inputs: { ...inputs, faults: [...inputs.faults], title: live.session.title } };
}

/**
 * The title of one attempt: a generated incident's own title (stored with the attempt),
 * else the scenario's (catalogue title, or the distribution's), else its id.
 */
export function attemptTitle(attempt: { scenarioId: string; generatorInputs?: unknown }): string {
  const stored = attempt.generatorInputs as { title?: unknown } | null | undefined;
  if (stored && typeof stored.title === "string" && stored.title) return stored.title;
  return describeScenario(attempt.scenarioId)?.title ?? attempt.scenarioId;
}

/** Opens the scenario's broken cluster for `seed` at the learner's time 0. */
export function startSession(scenarioId: string, seed: number): LiveSession {
  return { session: openSession({ scenarioId, seed }), resetAtMs: 0 };
}

/** Rebuilds an attempt's session by re-applying its actions in `seq` order. */
export function replayAttempt(scenarioId: string, seed: number, actions: StoredAction[]): LiveSession {
  return applyStoredActions(startSession(scenarioId, seed), actions);
}

/**
 * Brings a session up to date with actions stored after it (by another process, or another
 * tab) by applying them in `seq` order: the same result as a replay, without redoing the
 * actions the session already holds. Mutates `live.session`.
 */
export function applyStoredActions(live: LiveSession, actions: StoredAction[]): LiveSession {
  for (const action of actions) live = applyAction(live, parseStoredAction(action), action.virtualMs).live;
  return live;
}

/** The stored form of a request, and back: `input` holds the line, or the edit as JSON. */
export function parseStoredAction(action: StoredAction): ActionRequest {
  switch (action.type) {
    case "command":
      return { type: "command", line: action.input };
    case "edit":
      return { type: "edit", edit: JSON.parse(action.input) as EditRequest };
    default:
      return { type: action.type };
  }
}

/**
 * Applies one action at attempt-relative `virtualMs`. A reset replaces the session
 * with a fresh one whose clock starts at that moment. Mutates `live.session`.
 */
export function applyAction(
  live: LiveSession,
  request: ActionRequest,
  virtualMs: number,
): { live: LiveSession; outcome: ActionOutcome } {
  const { session } = live;
  const at = Math.max(0, virtualMs - live.resetAtMs);
  switch (request.type) {
    case "command": {
      const r = session.run(request.line, at);
      return {
        live,
        outcome: { input: request.line, output: r.output, exitCode: r.exitCode, edit: r.edit, clear: r.clear, prompt: r.prompt },
      };
    }
    case "edit": {
      const r = session.applyEdit(request.edit, at);
      return { live, outcome: { input: JSON.stringify(request.edit), ...r, prompt: session.prompt() } };
    }
    case "hint": {
      const h = session.hint(at);
      const output = h ? `Hint ${h.index}: ${h.text}` : "No more hints for this scenario.";
      return { live, outcome: { input: "", output, exitCode: h ? 0 : 1, prompt: session.prompt() } };
    }
    case "check": {
      const grade = session.check(at);
      return { live, outcome: { input: "", output: describeGrade(grade), exitCode: grade.passed ? 0 : 1, grade, prompt: session.prompt() } };
    }
    case "reset": {
      const fresh: LiveSession = { session: openSession({ scenarioId: session.scenarioId, seed: session.seed }), resetAtMs: virtualMs };
      const output = "The cluster is back to how the scenario started.";
      return { live: fresh, outcome: { input: "", output, exitCode: 0, prompt: fresh.session.prompt() } };
    }
    case "give_up":
      return { live, outcome: { input: "", output: "You gave up on this attempt.", exitCode: 0, prompt: session.prompt() } };
  }
}

/** A grade as terminal text: verdict, score, then one line per check. */
export function describeGrade(grade: Grade): string {
  const lines = [grade.passed ? `PASSED with ${grade.score} points.` : `Not fixed yet (${grade.score} points so far).`];
  for (const check of grade.checks) lines.push(`  ${check.passed ? "✔" : "✘"} ${check.message}`);
  return lines.join("\n");
}

/** The title, brief, reference solution and explanation of a scenario variant (for result pages). */
export function describeVariant(scenarioId: string, seed: number): { title: string; brief: string; solution: string[]; explanation: string } {
  const { session } = startSession(scenarioId, seed);
  return { title: session.title, brief: session.brief, solution: session.solution(), explanation: session.explanation() };
}

/** Tab-completion candidates for the last word of `line`. */
export function completeLine(live: LiveSession, line: string): string[] {
  return live.session.complete(line);
}
