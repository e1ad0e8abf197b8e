/**
 * A golden list of what incident ids draw for a few seeds (inputs, title, brief, solution).
 * Attempts are stored as (scenario id, seed) and replayed through the generator, so any
 * change here changes old attempts: when this test fails on purpose, bump ENGINE_VERSION and
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/engine/incidents/golden.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { INCIDENT_FAMILIES, incidentFor } from "../../../engine/incidents/index";

const FILE = join(__dirname, "golden", "incidents.json");

function current() {
  const out: unknown[] = [];
  for (const family of [...INCIDENT_FAMILIES, "any"])
    for (const difficulty of ["1", "2", "3", "any"])
      for (const seed of [1, 2]) {
        const id = `incident:${family}:${difficulty}`;
        const g = incidentFor(id, seed)!;
        out.push({ id, seed, inputs: g.inputs, difficulty: g.difficulty, title: g.scenario.title, brief: g.scenario.file.brief, solution: g.scenario.file.solution });
      }
  return out;
}

describe("golden incidents", () => {
  it("incident ids draw the same incidents as recorded", () => {
    const now = current();
    if (process.env.UPDATE_GOLDEN || !existsSync(FILE)) writeFileSync(FILE, JSON.stringify(now, null, 2) + "\n");
    expect(now).toEqual(JSON.parse(readFileSync(FILE, "utf8")));
  }, 30_000);
});
