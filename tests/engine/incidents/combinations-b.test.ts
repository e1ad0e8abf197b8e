/**
 * Incidents drawn from every family × difficulty distribution (and `any`), seeds
 * 6–9: 1–3 faults combined on one topology, each exercised end to end.
 */
import { describe, expect, it } from "vitest";
import { generateIncident } from "../../../engine/incidents/index";
import { exerciseIncident } from "./harness";
import { chunks, comboPlan, COMBO_SEEDS_B } from "./plan";

describe("combined incidents (seeds 6–9)", () => {
  for (const group of chunks(comboPlan(COMBO_SEEDS_B), 3)) {
    it(group.map((g) => `${g.id}#${g.inputs.seed}`).join(", "), () => {
      const problems: string[] = [];
      for (const { id, inputs } of group) for (const p of exerciseIncident(generateIncident(inputs, id))) problems.push(`${id} seed ${inputs.seed} (${inputs.topology}: ${inputs.faults.join(" + ")}): ${p}`);
      expect(problems).toEqual([]);
    }, 20_000);
  }
});
