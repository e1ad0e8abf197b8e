import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { attemptSeed, newEmail, runLine, signUp, waitForTerminal } from "./helpers";

/** Listed in ADMIN_EMAILS of the e2e server (playwright.config.ts): becomes admin on opening /admin. */
const ADMIN_EMAIL = "e2e-admin@example.test";
const PASSWORD = "a long enough password";
const SCENARIOS = ["crash-missing-env", "image-pull-repo-typo"];
const root = path.resolve(import.meta.dirname, "../..");

/** The reference fix of a variant, from the crashcourse CLI (`crashcourse solution <id> --seed N`). */
function solution(scenarioId: string, seed: number): string[] {
  const out = execFileSync(process.execPath, [path.join(root, "engine", "cli", "crashcourse.mjs"), "solution", scenarioId, "--seed", String(seed)], { cwd: root, encoding: "utf8" });
  return out.split("\n").filter((l) => l.trim() !== "");
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

async function signUpOrIn(page: Page, email: string): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  const landed = await page.waitForURL("**/scenarios", { timeout: 5_000 }).then(() => true, () => false);
  if (landed) return;
  // Already registered (a retry): sign in instead.
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/scenarios");
}

test("an instructor runs a class: assign, a learner joins and solves, the dashboard updates live, replay and CSV", async ({ browser }) => {
  test.setTimeout(180_000);
  // An admin (bootstrapped from ADMIN_EMAILS) makes a new account an instructor.
  const admin = await newPage(browser);
  await signUpOrIn(admin, ADMIN_EMAIL);
  const instructor = await newPage(browser);
  const instructorEmail = await signUp(instructor, newEmail());
  await admin.goto(`/admin?q=${encodeURIComponent(instructorEmail)}`);
  const roleSaved = admin.waitForResponse((r) => r.url().includes("/api/admin/users/") && r.request().method() === "PATCH");
  await admin.getByTestId(`user-${instructorEmail}`).getByLabel("role").selectOption("instructor");
  expect((await roleSaved).status()).toBe(200);

  // The instructor creates a class and assigns two scenarios.
  await instructor.goto("/instructor");
  await instructor.getByLabel("Class name").fill("Kubernetes 101");
  await instructor.getByLabel("Description").fill("Thursday lab");
  await instructor.getByRole("button", { name: "Create class" }).click();
  await instructor.waitForURL(/\/instructor\/classes\/[a-z0-9]+$/);
  const classId = instructor.url().split("/").pop()!;
  const code = (await instructor.getByTestId("join-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await expect(instructor.getByTestId("join-link")).toContainText(`/join/${code}`);
  const form = instructor.getByRole("form", { name: "Assign a scenario" });
  for (const scenarioId of SCENARIOS) {
    await form.getByLabel("Scenario").selectOption(scenarioId);
    await form.getByRole("button", { name: "Assign" }).click();
    await expect(form.getByLabel("Scenario").locator(`option[value="${scenarioId}"]`)).toHaveCount(0);
  }

  // A learner joins with the code and sees the assignments first in the catalogue.
  const learner = await newPage(browser);
  const learnerEmail = await signUp(learner, newEmail());
  await learner.goto("/classes");
  await learner.getByLabel("Join code").fill(code.toLowerCase());
  await learner.getByRole("button", { name: "Join class" }).click();
  await learner.waitForURL("**/scenarios");
  const assignment = learner.getByTestId(`assignment-${SCENARIOS[0]}`);
  await expect(learner.getByTestId("assignments")).toContainText("Kubernetes 101");
  await expect(learner.getByTestId(`assignment-${SCENARIOS[1]}`)).toBeVisible();

  // The instructor's dashboard shows the learner (no reload) before they solve.
  const row = instructor.locator("tr", { hasText: learnerEmail });
  const cell = row.locator(`td[data-testid$="-${SCENARIOS[0]}"]`);
  await expect(cell).toHaveAttribute("data-status", "not_started");

  // The learner solves the first assignment with the reference fix.
  await assignment.getByRole("button").click();
  await learner.waitForURL(/\/attempts\/[a-z0-9]+$/);
  await waitForTerminal(learner);
  const attemptId = learner.url().split("/").pop()!;
  const { seed } = await attemptSeed(learner, attemptId);
  const fix = solution(SCENARIOS[0], seed);
  await runLine(learner, "kubectl get pods -A");
  for (const line of fix) await runLine(learner, line);
  const fixedAt = Date.now();
  await expect(cell).toHaveAttribute("data-status", "in_progress");
  // The check wants the fixed pods running for 30 s of the attempt's clock, which follows the wall clock.
  await learner.waitForTimeout(Math.max(0, fixedAt + 38_000 - Date.now()));
  let grade = { status: "", score: 0 };
  for (let tries = 0; tries < 4 && grade.status !== "passed"; tries++) {
    if (tries > 0) await learner.waitForTimeout(6_000);
    const checked = learner.waitForResponse((r) => r.url().includes("/actions") && r.request().method() === "POST");
    await learner.getByRole("button", { name: "Check" }).click();
    grade = (await (await checked).json()) as { status: string; score: number };
  }
  expect(grade.status).toBe("passed");

  // Within seconds, without a reload, the dashboard shows the solve and the score.
  await expect(cell).toHaveAttribute("data-status", "solved");
  await expect(cell).toHaveText(String(grade.score));
  await expect(instructor.getByTestId(`stats-${SCENARIOS[0]}`)).toContainText("100% (1/1)");

  // The learner's attempts, then the replay with their commands and outputs.
  await row.getByRole("link", { name: learnerEmail }).click();
  await expect(instructor.getByTestId("learner-attempts")).toContainText("passed");
  await instructor.getByRole("link", { name: "Replay →" }).click();
  await instructor.waitForURL(`**/instructor/classes/${classId}/attempts/${attemptId}`);
  const replay = instructor.getByTestId("replay");
  await expect(replay).toContainText("$ kubectl get pods -A");
  await expect(replay).toContainText(`$ ${fix[0]}`);
  await expect(replay).toContainText("PASSED");
  await instructor.getByRole("button", { name: "⏮ Start" }).click();
  await instructor.getByRole("button", { name: "Step ▸" }).click();
  await expect(replay.locator(".step")).toHaveCount(1);

  // The CSV export has the learner × assignment row.
  const csv = await instructor.request.get(`/api/classes/${classId}/export`);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0].split(",").slice(0, 3)).toEqual(["class_id", "class_name", "learner_id"]);
  const solvedRow = lines.find((l) => l.includes(learnerEmail) && l.includes(`,${SCENARIOS[0]},`));
  expect(solvedRow).toContain(`,solved,${grade.score},1,`);
  expect(lines.filter((l) => l.includes(learnerEmail))).toHaveLength(2);

  // Another user cannot see the class.
  const stranger = await learner.request.get(`/api/classes/${classId}/dashboard`);
  expect(stranger.status()).toBe(404);
});
