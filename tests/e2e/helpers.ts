import crypto from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { listScenarios, openSession, solutionFor } from "../../engine";

/** A fresh email address for a test user. */
export function newEmail(): string {
  return `e2e-${crypto.randomBytes(5).toString("hex")}@example.test`;
}

/** The scenario the journeys play: E2E_SCENARIO, else the first easy one of the catalogue. */
export function journeyScenario(): { id: string; title: string } {
  const all = listScenarios();
  const wanted = process.env.E2E_SCENARIO;
  const scenario = wanted ? all.find((s) => s.id === wanted) : (all.find((s) => s.difficulty === 1) ?? all[0]);
  if (!scenario) throw new Error("the catalogue has no scenario to play");
  return scenario;
}

/** Signs up through the UI and lands on the catalogue. */
export async function signUp(page: Page, email = newEmail(), password = "a long enough password"): Promise<string> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/scenarios");
  await expect(page.getByTestId("current-user")).toHaveText(email);
  return email;
}

/** Opens a scenario from the catalogue and waits for its terminal; returns the attempt id. */
export async function openScenario(page: Page, scenarioId: string): Promise<string> {
  await page.goto("/scenarios");
  await page.getByTestId(`scenario-${scenarioId}`).getByRole("button").click();
  await page.waitForURL(/\/attempts\/[a-z0-9]+$/);
  await waitForTerminal(page);
  return page.url().split("/").pop()!;
}

/** Waits until the terminal is ready and focused. */
export async function waitForTerminal(page: Page): Promise<void> {
  await expect(page.getByTestId("terminal")).toHaveAttribute("data-ready", "true");
  await page.locator(".xterm-helper-textarea").focus();
}

/** Types a line into the terminal, presses Enter, and returns the server's answer. */
export async function runLine(page: Page, line: string): Promise<{ output: string; exitCode: number; status: string }> {
  const answer = page.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
  await page.locator(".xterm-helper-textarea").focus();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  const response = await answer;
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { output: string; exitCode: number; status: string };
}

/** The text the terminal shows on screen now. */
export async function screenText(page: Page): Promise<string> {
  return (await page.locator(".xterm-rows").innerText()).replace(/\u00a0/g, " ");
}

/** The attempt's seed, from the attempt API (as the terminal's page loaded it). */
export async function attemptSeed(page: Page, attemptId: string): Promise<{ scenarioId: string; seed: number }> {
  const response = await page.request.get(`/api/attempts/${attemptId}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as { scenarioId: string; seed: number };
}

/** Reference fix commands of a variant, and the names of its pods at the start. */
export function variantFacts(scenarioId: string, seed: number): { solution: string[]; pods: string[] } {
  const session = openSession({ scenarioId, seed });
  const pods = session
    .run("kubectl get pods -o name", 0)
    .output.split("\n")
    .map((l) => l.trim().replace(/^pod\//, ""))
    .filter(Boolean);
  return { solution: solutionFor(scenarioId, seed), pods };
}
