#!/usr/bin/env node
/**
 * Runs the Prisma CLI the way this project needs it everywhere (package scripts,
 * the start script, tests): native engines are never downloaded. The schema engine
 * runs as WebAssembly through the pg driver adapter (see prisma.config.ts) and the
 * client compiles queries in WebAssembly (`engineType = "client"`), so the two
 * native-engine variables point at a stub that the CLI only checks for existence.
 *
 * Usage: node prisma/cli.mjs <prisma arguments...>
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const stub = path.join(here, "no-native-engine.sh");
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");

const preload = path.join(here, "unref-engine-timers.cjs");

const result = spawnSync(process.execPath, ["--require", preload, cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: path.dirname(here),
  env: {
    PRISMA_QUERY_ENGINE_LIBRARY: stub,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    ...process.env,
  },
});
process.exit(result.status ?? 1);
