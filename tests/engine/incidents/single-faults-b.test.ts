/**
 * Every fault of the library on every target of the shop and queue topologies, alone (seed 1):
 * declared symptoms after settling, doing nothing / deleting the pods / scaling to zero /
 * deleting the workloads fail, the composed solution passes; each fault's own workarounds
 * fail too.
 */
import { describe, expect, it } from "vitest";
import { generateIncident } from "../../../engine/incidents/index";
import { exerciseIncident } from "./harness";
import { chunks, singlePlan } from "./plan";

describe("single-fault incidents (shop and queue)", () => {
  for (const group of chunks(singlePlan(["shop", "queue"]), 4)) {
    it(group.map((i) => `${i.topology}/${i.faults[0]}#${i.seed}`).join(", "), () => {
      const problems: string[] = [];
      for (const inputs of group) for (const p of exerciseIncident(generateIncident(inputs), inputs.seed === 1)) problems.push(`${inputs.topology} ${inputs.faults.join("+")} seed ${inputs.seed}: ${p}`);
      expect(problems).toEqual([]);
    }, 20_000);
  }
});
