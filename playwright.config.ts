import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium against the production build, served by
 * `npm start` on a loopback port with a fresh embedded PostgreSQL of its own.
 * The config is evaluated by the runner and by each worker: the data dir is made
 * once and handed down through the environment.
 */
if (!process.env.CRASHCOURSE_E2E_DATA_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crashcourse-e2e-"));
  fs.chmodSync(dir, 0o755); // PostgreSQL runs as its own user when we are root
  process.env.CRASHCOURSE_E2E_DATA_DIR = dir;
}
const port = Number(process.env.CRASHCOURSE_E2E_PORT ?? 3217);
process.env.CRASHCOURSE_E2E_PORT = String(port);
const baseURL = `http://localhost:${port}`;

/** Chromium from Debian (Playwright's own browser download is not available here). */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions, viewport: { width: 1400, height: 900 } } }],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/readyz`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "localhost",
      DATA_DIR: path.join(process.env.CRASHCOURSE_E2E_DATA_DIR, "data"),
      DATABASE_URL: "",
      NEXTAUTH_URL: baseURL,
      ACTION_RATE_LIMIT: "200",
      // The instructor spec's admin (tests/e2e/instructor-class.spec.ts).
      ADMIN_EMAILS: "e2e-admin@example.test",
    },
  },
});
