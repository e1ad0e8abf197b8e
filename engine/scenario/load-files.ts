/**
 * Reading scenario files from disk (Node only): the CLI's `crashcourse validate` and the
 * server-side catalogue. The folder is read once per call; cache the returned catalogue.
 */
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Catalogue, loadCatalogueFromSources, parseScenario, type Scenario, type ScenarioSource } from "./loader";

/**
 * Finds the scenarios folder: `dir` as given (absolute, or relative to `process.cwd()`),
 * else relative to the repository root this module lives in.
 */
export function resolveScenarioDir(dir = "scenarios"): string {
  const fromCwd = resolve(process.cwd(), dir);
  if (existsSync(fromCwd) && statSync(fromCwd).isDirectory()) return fromCwd;
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const fromRepo = resolve(here, "..", "..", dir);
    if (existsSync(fromRepo) && statSync(fromRepo).isDirectory()) return fromRepo;
  } catch {
    // bundled without a file URL: only the cwd route applies
  }
  return fromCwd;
}

/** The `{ path, text }` of every `*.yaml` in `dir` (paths as `scenarios/<file>` for messages). */
export function readScenarioSources(dir = "scenarios"): ScenarioSource[] {
  const abs = resolveScenarioDir(dir);
  const label = dir.replace(/\/+$/, "");
  return readdirSync(abs)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort()
    .map((f) => ({ path: `${label}/${f}`, text: readFileSync(join(abs, f), "utf8") }));
}

/**
 * Reads and validates every `scenarios/*.yaml`. Throws `ScenarioError` (with one line per
 * problem: `scenarios/x.yaml: checks[2].kind: …`) when any file is invalid.
 */
export function loadCatalogue(dir = "scenarios"): Catalogue {
  return loadCatalogueFromSources(readScenarioSources(dir));
}

/** Reads and validates one scenario file (for `crashcourse validate <path>`). */
export function loadScenarioFile(path: string): Scenario {
  return parseScenario({ path, text: readFileSync(path, "utf8") });
}
