/**
 * Generated incidents, addressed by scenario ids so that everything working with
 * (scenarioId, seed) works unchanged: `incident:<family>:<difficulty>` is a distribution
 * (`<family>` a fault family or `any`, `<difficulty>` 1–3 or `any`); with a seed it picks a
 * topology, 1–3 faults and their variant parameters deterministically.
 */
import type { Scenario } from "../scenario/loader";
import { FAMILY_LABELS, generateIncident, pickIncident, type GeneratedIncident } from "./generator";
import { INCIDENT_FAMILY_IDS, type IncidentFamily } from "./types";

export { generateIncident, healthyScenario, pickIncident, difficultyOf, buildInstance, compatible, singleFaultInputs, faultKey, parseFaultKey, FAMILY_LABELS, type IncidentInputs, type GeneratedIncident, type IncidentRequest } from "./generator";
export { FAULTS, faultById } from "./faults/index";
export { TOPOLOGIES, topologyById } from "./topologies/index";
export type { Fault, Topology, TopologyInstance, IncidentFamily, AppliedFault } from "./types";

/** The fault families an incident id may name. */
export const INCIDENT_FAMILIES: readonly string[] = INCIDENT_FAMILY_IDS;

/** The difficulties an incident id may name. */
export const INCIDENT_DIFFICULTIES = [1, 2, 3] as const;

/** A parsed incident id. */
export interface IncidentId {
  family?: IncidentFamily;
  difficulty?: 1 | 2 | 3;
}

/** `incident:<family>:<difficulty>` (a missing part is `any`). */
export function incidentScenarioId(opts: { family?: string; difficulty?: 1 | 2 | 3 } = {}): string {
  return `incident:${opts.family ?? "any"}:${opts.difficulty ?? "any"}`;
}

/** Parses an incident id; undefined when malformed. */
export function parseIncidentId(id: string): IncidentId | undefined {
  const m = /^incident:([a-z-]+):(any|[123])$/.exec(id);
  if (!m) return undefined;
  if (m[1] !== "any" && !INCIDENT_FAMILY_IDS.includes(m[1] as IncidentFamily)) return undefined;
  return { family: m[1] === "any" ? undefined : (m[1] as IncidentFamily), difficulty: m[2] === "any" ? undefined : (Number(m[2]) as 1 | 2 | 3) };
}

/** Whether `id` is a well-formed incident id. */
export function isIncidentScenarioId(id: string): boolean {
  return parseIncidentId(id) !== undefined;
}

/** The catalogue-like summary of an incident id (title, family, difficulty, tags). */
export function describeIncident(id: string): { id: string; title: string; family: string; difficulty: 1 | 2 | 3; tags: string[] } | undefined {
  const p = parseIncidentId(id);
  if (!p) return undefined;
  const difficulty = p.difficulty ?? 2;
  const title = `Generated incident · ${FAMILY_LABELS[p.family ?? "any"]} · difficulty ${p.difficulty ?? "any"}`;
  return { id, title, family: p.family ?? "mixed", difficulty, tags: ["generated", ...(p.family ? [p.family] : [])] };
}

const cache = new Map<string, GeneratedIncident>();

/** The incident an id draws for a seed (cached: the same id and seed always give the same incident). */
export function incidentFor(id: string, seed: number): GeneratedIncident | undefined {
  const p = parseIncidentId(id);
  if (!p) return undefined;
  const key = `${id}\u0000${seed >>> 0}`;
  let g = cache.get(key);
  if (!g) {
    g = generateIncident(pickIncident({ family: p.family, difficulty: p.difficulty, seed }), id);
    if (cache.size > 200) cache.clear();
    cache.set(key, g);
  }
  return g;
}

/** The scenario an incident id draws for a seed. */
export function incidentScenario(id: string, seed: number): Scenario | undefined {
  return incidentFor(id, seed)?.scenario;
}

/** The generator inputs an incident id draws for a seed (what the web app stores with the attempt). */
export function incidentInputs(id: string, seed: number): { topology: string; faults: string[]; seed: number; family: string; difficulty: number } | undefined {
  const g = incidentFor(id, seed);
  if (!g) return undefined;
  return { topology: g.inputs.topology, faults: [...g.inputs.faults], seed: g.inputs.seed, family: g.family, difficulty: g.difficulty };
}
