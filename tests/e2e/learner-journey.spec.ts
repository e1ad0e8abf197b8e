import { expect, test } from "@playwright/test";
import { attemptSeed, journeyScenario, openScenario, runLine, screenText, signUp, variantFacts, waitForTerminal } from "./helpers";

const scenario = journeyScenario();

test("sign up, diagnose with get and describe, fix, and pass the check with a score", async ({ page }) => {
  await signUp(page);
  const attemptId = await openScenario(page, scenario.id);
  await expect(page.getByTestId("brief")).not.toBeEmpty();
  const { seed } = await attemptSeed(page, attemptId);
  const { solution, broken } = variantFacts(scenario.id, seed);

  const listing = await runLine(page, `kubectl get pods -n ${broken.namespace}`);
  expect(listing.output).toContain("NAME");
  await expect(page.locator(".xterm-rows")).toContainText(broken.name);

  const described = await runLine(page, `kubectl describe pod -n ${broken.namespace} ${broken.name}`);
  expect(described.output).toContain("Events:");
  expect(described.output).toContain(broken.name);

  for (const line of solution) await runLine(page, line);
  // Fixed pods must run for 30 s (of the learner's clock, which follows the wall clock) to count as stable.
  await page.waitForTimeout(31_000);

  const checked = page.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Check" }).click();
  const grade = (await (await checked).json()) as { status: string; score: number };
  expect(grade.status).toBe("passed");
  expect(grade.score).toBeGreaterThan(0);
  await expect(page.getByTestId("check-results")).toContainText("passed");

  await page.getByRole("link", { name: "See result →" }).click();
  await expect(page.getByTestId("score")).toContainText(String(grade.score));
  await expect(page.getByTestId("result-checks")).toContainText("✔");
  await expect(page.getByTestId("replay")).toContainText(`$ kubectl describe pod -n ${broken.namespace} ${broken.name}`);

  await page.goto("/progress");
  await expect(page.getByTestId("solved-count")).toHaveText("1");
  await page.goto("/scenarios");
  await expect(page.getByTestId(`scenario-${scenario.id}`)).toContainText(`best ${grade.score}`);
});

test("deleting the pod is a workaround: the check fails with the check's message", async ({ page }) => {
  await signUp(page);
  const attemptId = await openScenario(page, scenario.id);
  const { seed } = await attemptSeed(page, attemptId);
  const { broken } = variantFacts(scenario.id, seed);

  await runLine(page, `kubectl get pods -n ${broken.namespace}`);
  const deleted = await runLine(page, `kubectl delete pod -n ${broken.namespace} ${broken.name}`);
  expect(deleted.output).toContain("deleted");

  const checked = page.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Check" }).click();
  const answer = (await (await checked).json()) as { status: string; grade: { passed: boolean; checks: { passed: boolean; message: string }[] } };
  expect(answer.grade.passed).toBe(false);
  expect(answer.status).toBe("in_progress");
  const failing = answer.grade.checks.find((c) => !c.passed);
  expect(failing).toBeDefined();
  await expect(page.getByTestId("check-results")).toContainText(failing!.message);
  await expect(page.getByTestId("check-results")).toContainText("not fixed");
});

test("a reload mid-attempt restores the terminal history and the cluster state", async ({ page }) => {
  await signUp(page);
  const attemptId = await openScenario(page, scenario.id);

  await runLine(page, "kubectl get pods");
  const created = await runLine(page, "kubectl create configmap e2e-marker --from-literal=reload=kept");
  expect(created.exitCode, created.output).toBe(0);

  await page.reload();
  await waitForTerminal(page);
  const screen = await screenText(page);
  expect(screen).toContain("kubectl get pods");
  expect(screen).toContain("kubectl create configmap e2e-marker");

  // ↑ recalls the last command; running it again fails because the cluster kept the ConfigMap.
  const answer = page.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  const again = (await (await answer).json()) as { output: string; exitCode: number };
  expect(again.exitCode).not.toBe(0);
  expect(again.output).toContain("already exists");
  const listed = await runLine(page, "kubectl get configmap e2e-marker -o name");
  expect(listed.output.trim()).toBe("configmap/e2e-marker");
  expect(page.url()).toContain(attemptId);
});
