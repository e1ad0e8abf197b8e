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
  // Fixed pods must run for 30 s (of the learner's clock, which follows the wall clock) to count as
  // stable, and the new pod needs a few seconds to be scheduled and started first.
  await page.waitForTimeout(42_000);

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

test("terminal: tab completion, Ctrl-C, a pasted heredoc, and kubectl edit in the YAML editor", async ({ page }) => {
  await signUp(page);
  const attemptId = await openScenario(page, scenario.id);
  const { seed } = await attemptSeed(page, attemptId);
  const { broken } = variantFacts(scenario.id, seed);
  const terminal = page.locator(".xterm-helper-textarea");

  // Tab completes the word being typed (from the engine), Ctrl-C drops the line without sending it.
  await terminal.focus();
  await page.keyboard.type("kubectl desc");
  await page.keyboard.press("Tab");
  await expect(page.locator(".xterm-rows")).toContainText("kubectl describe");
  let sent = 0;
  page.on("request", (r) => void (r.url().includes("/actions") && sent++));
  await page.keyboard.press("Control+C");
  await expect(page.locator(".xterm-rows")).toContainText("kubectl describe ^C");
  expect(sent).toBe(0);

  // A multi-line heredoc pasted at once runs as one command.
  const manifest = ["kubectl apply -f - <<EOF", "apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: from-heredoc", "data:", "  pasted: \"yes\"", "EOF", ""].join("\n");
  const applied = page.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
  await terminal.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, manifest);
  const answer = (await (await applied).json()) as { output: string };
  expect(answer.output).toContain("configmap/from-heredoc created");
  expect(sent).toBe(1);

  // kubectl edit opens the in-page editor; saving applies the change through the engine.
  const deployment = broken.name.replace(/-[a-z0-9]+-[a-z0-9]+$/, "");
  await runLine(page, `kubectl edit deployment ${deployment} -n ${broken.namespace}`);
  const editor = page.getByTestId("yaml-editor");
  await expect(editor).toBeVisible();
  const yaml = await editor.inputValue();
  expect(yaml).toContain(`name: ${deployment}`);
  await editor.fill(yaml.replace(/^(\s*)replicas: \d+$/m, "$1replicas: 3"));
  const saved = page.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Save and apply" }).click();
  const response = await saved;
  const sentEdit = response.request().postDataJSON() as { type: string; edit: { kind: string; name: string; namespace: string; yaml: string } };
  expect(sentEdit).toMatchObject({ type: "edit", edit: { kind: "Deployment", name: deployment, namespace: broken.namespace } });
  expect(sentEdit.edit.yaml).toMatch(/^\s*replicas: 3$/m);
  expect(response.status()).toBe(201);
  expect(((await response.json()) as { output: string }).output).toContain(`deployment.apps/${deployment} edited`);
  await expect(editor).toBeHidden();
  const after = (await (await page.request.post(`/api/attempts/${attemptId}/actions`, {
    data: { type: "command", line: `kubectl get deployment ${deployment} -n ${broken.namespace} -o jsonpath={.spec.replicas}`},
  })).json()) as { output: string };
  expect(after.output).toBe("3");
  // The edit is recorded (and replayed) with the YAML the learner saved.
  const view = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as { history: { type: string; input: string }[] };
  const recorded = view.history.filter((h) => h.type === "edit").pop();
  expect(JSON.parse(recorded!.input).yaml).toBe(sentEdit.edit.yaml);
});
