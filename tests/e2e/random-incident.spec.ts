import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { attemptSeed, runLine, signUp, waitForTerminal } from "./helpers";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The reference fix of an incident (from the engine, in a subprocess: Playwright's loader cannot
 * import the engine), and whether it converges fast in wall-clock time: applied at any of a few
 * moments, every check passes within 50 s of the last command. Some incidents need minutes (a
 * dependent workload waits out its CrashLoopBackOff back-off after its dependency is fixed).
 */
function incidentFacts(scenarioId: string, seed: number): { solution: string[]; fast: boolean } {
  const script = `
    import { openSession, solutionFor } from ${JSON.stringify(path.join(root, "engine", "index.ts"))};
    const [id, seed] = [process.argv[1], Number(process.argv[2])];
    const solution = solutionFor(id, seed);
    const fast = [15_000, 30_000, 45_000, 70_000].every((start) => {
      const session = openSession({ scenarioId: id, seed });
      let t = start;
      for (const line of solution) session.run(line, (t += 3_000));
      return session.check(t + 50_000).passed;
    });
    process.stdout.write(JSON.stringify({ solution, fast }));`;
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const out = execFileSync(process.execPath, [tsx, "-e", script, scenarioId, String(seed)], { cwd: root, encoding: "utf8" });
  return JSON.parse(out) as { solution: string[]; fast: boolean };
}

/** Sends a multi-line command (a heredoc) as one paste, as a learner would. */
async function pasteLine(page: Page, text: string): Promise<{ output: string; exitCode: number }> {
  const answer = page.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
  await page.locator(".xterm-helper-textarea").evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData("text/plain", pasted);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, `${text}\n`);
  return (await (await answer).json()) as { output: string; exitCode: number };
}

/** The answer to a Check. */
interface Answer {
  status: string;
  score: number;
  grade: { passed: boolean; checks: { passed: boolean; message: string }[] };
}

/** Presses Check and returns the server's answer. */
async function check(page: Page): Promise<Answer> {
  const checked = page.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Check" }).click();
  return (await (await checked).json()) as Answer;
}

test("Random incident: a generated incident, solved in the browser terminal, graded passed with reasons", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page);
  const panel = page.getByTestId("random-incident");
  await panel.getByLabel("Difficulty").selectOption("1");
  await panel.getByRole("button", { name: "Random incident" }).click();
  await page.waitForURL(/\/attempts\/[a-z0-9]+$/);
  await waitForTerminal(page);

  // The attempt is a generated incident with its own title and brief, like any scenario.
  let attemptId = page.url().split("/").pop()!;
  let { scenarioId, seed } = await attemptSeed(page, attemptId);
  expect(scenarioId).toBe("incident:any:1");
  let facts = incidentFacts(scenarioId, seed);
  // Keep the test within a few minutes: draw another incident (the page's New variant button, a
  // new server-drawn seed) while the reference fix would need minutes of back-off to converge.
  for (let draw = 1; !facts.fast && draw < 12; draw++) {
    await page.getByRole("button", { name: "New variant" }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(attemptId));
    await waitForTerminal(page);
    attemptId = page.url().split("/").pop()!;
    ({ scenarioId, seed } = await attemptSeed(page, attemptId));
    expect(scenarioId).toBe("incident:any:1");
    facts = incidentFacts(scenarioId, seed);
  }
  expect(facts.fast, "no incident with a fast-converging reference fix in 12 draws").toBe(true);
  const view = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as { title: string; brief: string; generated: boolean };
  expect(view.generated).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(view.title);
  await expect(page.getByTestId("brief")).not.toBeEmpty();
  await expect(page.getByText("generated incident ·")).toBeVisible();

  // The learner types the reference fix (computed by the engine for this incident and seed).
  const { solution } = facts;
  expect(solution.length).toBeGreaterThan(0);
  await runLine(page, "kubectl get pods -A");
  for (const line of solution) {
    const answer = line.includes("\n") ? await pasteLine(page, line) : await runLine(page, line);
    expect(answer.exitCode, `${line}\n${answer.output}`).toBe(0);
  }
  // Fixed pods must run for 30 s of the learner's clock (which follows the wall clock) to count as
  // stable, and a rolling update of several replicas takes a while: like a learner, press Check
  // again while the only failing checks say the new pods are not stable yet.
  await page.waitForTimeout(32_000);
  let grade: Answer = await check(page);
  const deadline = Date.now() + 75_000;
  while (grade.status !== "passed" && Date.now() < deadline) {
    const failing = grade.grade.checks.filter((c) => !c.passed);
    expect(failing.every((c) => /stable|not healthy yet|ready|Running/i.test(c.message)), JSON.stringify(failing)).toBe(true);
    await page.waitForTimeout(5_000);
    grade = await check(page);
  }
  expect(grade.status, `${scenarioId} seed ${seed}: ${JSON.stringify(grade.grade)}`).toBe("passed");
  expect(grade.grade.checks.length).toBeGreaterThan(0);
  const results = page.getByTestId("check-results");
  await expect(results).toContainText("passed");
  for (const check of grade.grade.checks) await expect(results).toContainText(check.message);

  await page.getByRole("link", { name: "See result →" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(view.title);
  await expect(page.getByTestId("score")).toContainText(String(grade.score));
  await expect(page.getByTestId("result-checks")).toContainText("✔");
  await expect(page.getByTestId("result-checks")).toContainText(grade.grade.checks[0].message);

  await page.goto("/scenarios");
  const generated = page.getByTestId(`generated-${attemptId}`);
  await expect(generated).toContainText(view.title);
  await expect(generated).toContainText(`score ${grade.score}`);
});
