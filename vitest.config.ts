import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Three projects: the engine's pure tests, the deployment tests (Dockerfile, deploy/
 * manifests, observability), and the web tests, which run against a real PostgreSQL
 * started once by tests/web/global-setup.ts. Playwright specs
 * (tests/e2e/*.spec.ts) are not vitest's.
 *
 * Vitest's default is one worker fewer than the cores, i.e. a single worker on the 2-core
 * machines this runs on; two or more workers take the suite from ~7 to ~5 minutes (the engine
 * tests are CPU-bound, the real-kubectl and PostgreSQL tests wait on other processes).
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    maxWorkers: Math.min(4, Math.max(2, os.availableParallelism())),
    projects: [
      {
        extends: true,
        test: {
          name: "engine",
          include: ["tests/engine/**/*.test.ts", "engine/**/*.test.ts", "scenarios/**/*.test.ts"],
          // CPU-bound tests share 2 cores with the other workers and PostgreSQL: a test that takes
          // 3 s alone can pass 5 s (vitest's default) on a busy machine without anything being wrong.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          // Deployment artefacts (Dockerfile, deploy/ manifests) and lib/observability: no database.
          name: "deploy",
          include: ["tests/deploy/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "web",
          include: ["tests/web/**/*.test.ts"],
          globalSetup: ["tests/web/global-setup.ts"],
          setupFiles: ["tests/web/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
