/**
 * The CLI with generated incidents: `play random` (family, difficulty, seed; the incident id
 * and seed on stderr only, so the JSON lines contract holds), `solution <incident-id>`, and
 * `scenarios --json` still listing the catalogue only.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { listScenarios } from "../../../engine/index";

const BIN = ["engine/cli/crashcourse.mjs"];
function cli(args: string[], input?: string): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(process.execPath, [...BIN, ...args], { input, encoding: "utf8", timeout: 120_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

describe("crashcourse CLI with generated incidents", () => {
  it("play random --family --difficulty --seed --json: the printed solution passes; the incident is named on stderr only", () => {
    const solution = cli(["solution", "incident:crashloop:2", "--seed", "7"]);
    expect(solution.status).toBe(0);
    expect(solution.stdout).toMatch(/^kubectl /);
    const r = cli(["play", "random", "--family", "crashloop", "--difficulty", "2", "--seed", "7", "--json"], `${solution.stdout}sleep 400s\n`);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("# incident incident:crashloop:2 seed 7\n");
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    const grade = lines.pop();
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(["exitCode", "input", "output"]);
    expect(grade.grade.passed).toBe(true);
  }, 120_000);

  it("play random without a seed draws one and prints it; doing nothing fails", () => {
    const r = cli(["play", "random", "--difficulty", "1"], "");
    expect(r.stderr).toMatch(/^# incident incident:any:1 seed \d+\n$/);
    expect(r.stdout).toMatch(/^NOT YET/);
    expect(r.status).toBe(1);
  }, 120_000);

  it("rejects unknown families and difficulties, and --family outside play random", () => {
    expect(cli(["play", "random", "--family", "capstone"]).status).toBe(2);
    expect(cli(["play", "random", "--difficulty", "4"]).stderr).toContain('invalid --difficulty value "4"');
    expect(cli(["play", "crash-oomkilled", "--family", "pending"], "").status).toBe(2);
    expect(cli(["solution", "incident:nope:1"]).status).toBe(2);
  }, 60_000);

  it("scenarios --json lists the catalogue only", () => {
    const out = JSON.parse(cli(["scenarios", "--json"]).stdout);
    expect(out.length).toBe(listScenarios().length);
    expect(out.some((s: { id: string }) => s.id.startsWith("incident:"))).toBe(false);
  }, 60_000);
});
