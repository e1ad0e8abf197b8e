/**
 * The incidents the test files exercise: every single fault on every target of every
 * topology (seed 1), and picks of every family × difficulty (and `any`) for nine seeds.
 */
import { INCIDENT_FAMILIES, pickIncident, singleFaultInputs, type IncidentInputs } from "../../../engine/incidents/index";

/** Seeds of the single-fault sweep. */
export const SINGLE_SEEDS = [1] as const;

/** Every (topology, fault, target) for the sweep seeds, optionally of some topologies only. */
export function singlePlan(topologies?: readonly string[]): IncidentInputs[] {
  return SINGLE_SEEDS.flatMap((seed) => singleFaultInputs(seed)).filter((i) => !topologies || topologies.includes(i.topology));
}

/** Family × difficulty picks for the seeds given. */
export function comboPlan(seeds: readonly number[]): { id: string; inputs: IncidentInputs }[] {
  const out: { id: string; inputs: IncidentInputs }[] = [];
  for (const family of [...INCIDENT_FAMILIES, undefined])
    for (const difficulty of [1, 2, 3] as const)
      for (const seed of seeds) out.push({ id: `incident:${family ?? "any"}:${difficulty}`, inputs: pickIncident({ family: family as never, difficulty, seed }) });
  return out;
}

/** Seeds of the two combination files. */
export const COMBO_SEEDS_A = [1, 2, 3, 4, 5] as const;
export const COMBO_SEEDS_B = [6, 7, 8, 9] as const;

/** Splits a list into chunks of `n`. */
export function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
