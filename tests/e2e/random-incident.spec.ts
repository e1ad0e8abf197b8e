import { expect, test, type Page } from "@playwright/test";
import { attemptSeed, runLine, signUp, variantFacts, waitForTerminal } from "./helpers";

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
  const attemptId = page.url().split("/").pop()!;

  // The attempt is a generated incident with its own title and brief, like any scenario.
  const { scenarioId, seed } = await attemptSeed(page, attemptId);
  expect(scenarioId).toBe("incident:any:1");
  const view = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as { title: string; brief: string; generated: boolean };
  expect(view.generated).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(view.title);
  await expect(page.getByTestId("brief")).not.toBeEmpty();
  await expect(page.getByText("generated incident ·")).toBeVisible();

  // The learner types the reference fix (computed by the engine for this incident and seed).
  const { solution } = variantFacts(scenarioId, seed);
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
  expect(grade.status, JSON.stringify(grade.grade)).toBe("passed");
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
