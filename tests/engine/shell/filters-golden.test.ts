import { describe, expect, it } from "vitest";
import { runFilter } from "../../../engine/kubectl/shell";
import { INPUTS } from "./golden/filter-cases";
import cases from "./golden/filters.json";

/** Error texts that differ by implementation (mawk's usage text); only the exit code is compared. */
const IMPLEMENTATION_SPECIFIC = (argv: string[]) => argv[0] === "awk";

describe("filters against the real GNU tools", () => {
  for (const c of cases) {
    it(`${c.input} | ${c.argv.join(" ")}`, () => {
      const r = runFilter(c.argv, INPUTS[c.input]);
      if (IMPLEMENTATION_SPECIFIC(c.argv) && c.exitCode !== 0) {
        expect(r.exitCode).toBe(c.exitCode);
        return;
      }
      expect(r).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    });
  }
});
