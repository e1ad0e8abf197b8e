/**
 * Records what the real GNU tools print for `filter-cases.ts` (stdout, stderr, exit code) into
 * `filters.json`. Run on purpose only, on a machine with GNU grep and coreutils and mawk:
 *
 *   npx tsx tests/engine/shell/golden/record-filters.ts
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FILTER_CASES, INPUTS } from "./filter-cases";

const here = dirname(fileURLToPath(import.meta.url));
const env = { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" };
const results = FILTER_CASES.map(({ input, argv }) => {
  const r = spawnSync(argv[0], argv.slice(1), { input: INPUTS[input], env, encoding: "utf8" });
  return { input, argv, stdout: r.stdout, stderr: r.stderr, exitCode: r.status };
});
writeFileSync(join(here, "filters.json"), JSON.stringify(results, null, 1) + "\n");
console.log(`recorded ${results.length} filter cases`);
