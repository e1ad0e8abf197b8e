import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "../..");

function engineFacts<T>(...args: string[]): T {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const out = execFileSync(process.execPath, [tsx, path.join(root, "tests/e2e/variant-facts.ts"), ...args], { cwd: root, encoding: "utf8" });
  return JSON.parse(out) as T;
}

/** A fresh email address for a test user. */
export function newEmail(): string {
  return `e2e-${crypto.randomBytes(5).toString("hex")}@example.test`;
}

/** The scenario the journeys play: E2E_SCENARIO, else crash-missing-env, else the first easy one. */
export function journeyScenario(): { id: string; title: string } {
  const all = engineFacts<{ id: string; title: string; difficulty: number }[]>();
  const wanted = process.env.E2E_SCENARIO ?? "crash-missing-env";
  const scenario = all.find((s) => s.id === wanted) ?? all.find((s) => s.difficulty === 1) ?? all[0];
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

/** A pod of a scenario's cluster. */
export interface PodFact {
  namespace: string;
  name: string;
  status: string;
}

/** Reference fix commands of a variant, its pods at the start, and one that is not running. */
export function variantFacts(scenarioId: string, seed: number): { solution: string[]; pods: PodFact[]; broken: PodFact } {
  return engineFacts(scenarioId, String(seed));
}
