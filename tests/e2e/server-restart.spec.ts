import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { journeyScenario, openScenario, runLine, screenText, signUp, waitForTerminal } from "./helpers";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.CRASHCOURSE_E2E_PORT ?? 3217) + 1;
const baseURL = `http://localhost:${port}`;

// Everything in this file talks to the second server.
test.use({ baseURL });

/** Starts `npm start`'s script on its own port and data dir, in its own process group. */
async function startServer(dataDir: string, log: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "lib/server/start.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, PORT: String(port), HOST: "localhost", DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_URL: baseURL, SKIP_BUILD_CHECK: "1" },
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseURL}/api/readyz`).then((r) => r.ok).catch(() => false);
    if (ready) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the second server did not become ready");
}

/** Kills the server and everything it started (Next.js, PostgreSQL) at once, like a crash. */
async function crash(child: ChildProcess): Promise<void> {
  process.kill(-child.pid!, "SIGKILL");
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const alive = await fetch(`${baseURL}/api/healthz`).then(() => true).catch(() => false);
    if (!alive) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("a server crash and restart mid-attempt loses nothing", async ({ page }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crashcourse-restart-"));
  fs.chmodSync(dir, 0o755);
  const logFile = path.join(dir, "server.log");
  const log = fs.openSync(logFile, "a");
  let server = await startServer(path.join(dir, "data"), log);
  try {
    const scenario = journeyScenario();
    await signUp(page);
    const attemptId = await openScenario(page, scenario.id);
    const listing = await runLine(page, "kubectl get pods");
    const created = await runLine(page, "kubectl create configmap e2e-marker --from-literal=restart=kept");
    expect(created.exitCode, created.output).toBe(0);

    await crash(server);
    server = await startServer(path.join(dir, "data"), log);

    // Same session cookie (the secret is kept in the data dir), same attempt, nothing lost.
    await page.goto(`${baseURL}/attempts/${attemptId}`);
    await waitForTerminal(page);
    const screen = await screenText(page);
    expect(screen).toContain("kubectl create configmap e2e-marker");
    const history = (await (await page.request.get(`${baseURL}/api/attempts/${attemptId}`)).json()) as {
      history: { seq: number; input: string; output: string }[];
    };
    expect(history.history.map((h) => [h.seq, h.input])).toEqual([
      [1, "kubectl get pods"],
      [2, "kubectl create configmap e2e-marker --from-literal=restart=kept"],
    ]);
    expect(history.history[0].output).toBe(listing.output);

    const again = await runLine(page, "kubectl create configmap e2e-marker --from-literal=restart=kept");
    expect(again.output).toContain("already exists");
  } catch (error) {
    console.log(`second server's log:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`);
    throw error;
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1500));
    fs.closeSync(log);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
