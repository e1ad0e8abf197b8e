import { describe, expect, it } from "vitest";
import { buildCommandTree, resolveCommand, type FlagSpec } from "../../../engine/kubectl/args";
import commands from "./golden/kubectl-commands.json";
import cases from "./golden/kubectl-errors.json";

/**
 * Replays command lines recorded from real kubectl v1.32 (golden/record-kubectl.ts) through the
 * resolver, with the recorded commands' real flags registered.
 */
const tree = buildCommandTree(commands.map((c) => ({ path: c.path, flags: c.flags as FlagSpec[] })));

/** Errors kubectl prints while parsing the command line (the rest come from the command's own logic). */
const PARSE_ERROR = /^(error: (unknown (command|flag|shorthand flag)|flag needs an argument|bad flag syntax|invalid argument)|Error: flags cannot be placed)/;

describe("resolveCommand against real kubectl v1.32", () => {
  for (const c of cases) {
    const line = `kubectl ${c.argv.join(" ")}`;
    if (c.reachedServer || !PARSE_ERROR.test(c.stderr)) {
      it(`${line} parses cleanly`, () => {
        const r = resolveCommand(c.argv, tree);
        expect(r.ok, JSON.stringify(r)).toBe(true);
        expect(r.ok && r.kind).toBe("command");
      });
    } else {
      it(`${line} fails like kubectl`, () => {
        const r = resolveCommand(c.argv, tree);
        expect(r).toEqual({ ok: false, exitCode: c.exitCode, error: c.stderr });
      });
    }
  }
});
