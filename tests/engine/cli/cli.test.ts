/**
 * The `crashcourse` command line as other tooling uses it (a stable contract): the scenario
 * list, `play --json` fed from stdin with the reference solution, `solution`, `validate`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { listScenarios } from "../../../engine/index";

const BIN = ["engine/cli/crashcourse.mjs"];
function cli(args: string[], input?: string): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(process.execPath, [...BIN, ...args], { input, encoding: "utf8", timeout: 120_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

describe("crashcourse CLI", () => {
  it("lists every scenario with id, title, family and difficulty", () => {
    const out = JSON.parse(execFileSync(process.execPath, [...BIN, "scenarios", "--json"], { encoding: "utf8" }));
    expect(out.length).toBe(listScenarios().length);
    for (const s of out) expect(Object.keys(s).sort()).toEqual(["difficulty", "family", "id", "title"]);
  }, 60_000);

  for (const id of ["image-pull-repo-typo", "pending-untolerated-taint", "crash-spring-profile"]) {
    it(`play ${id} --json: the printed solution passes, one JSON object per input line`, () => {
      const solution = cli(["solution", id, "--seed", "2"]);
      expect(solution.status).toBe(0);
      const script = `kubectl get pods -A\n${solution.stdout}sleep 120s\n`;
      const r = cli(["play", id, "--seed", "2", "--json"], script);
      expect(r.status).toBe(0);
      const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
      const grade = lines.pop();
      for (const l of lines) expect(Object.keys(l).sort()).toEqual(["exitCode", "input", "output"]);
      expect(lines[0].output).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS/);
      expect(grade.grade.passed).toBe(true);
      expect(grade.grade.score).toBeGreaterThan(50);
      for (const c of grade.grade.checks) expect(Object.keys(c).sort()).toEqual(["id", "message", "passed"]);
    }, 120_000);
  }

  it("stops quietly when its reader closes the pipe early (`… | head -1`)", () => {
    const r = spawnSync("sh", ["-c", `yes 'kubectl get pods -A' | head -200 | "${process.execPath}" ${BIN.join(" ")} play image-pull-repo-typo | head -1`], { encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  }, 120_000);

  it("doing nothing fails the grade, and an unknown scenario is a clear error", () => {
    const idle = cli(["play", "crash-oomkilled", "--json"], "");
    expect(JSON.parse(idle.stdout.trim()).grade.passed).toBe(false);
    const unknown = cli(["play", "no-such-scenario"], "");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown scenario "no-such-scenario"');
  }, 120_000);
});
