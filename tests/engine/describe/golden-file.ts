/**
 * Golden-file assertions shared by the engine tests: compares text with a checked-in file, or
 * rewrites the file when the test runs with `UPDATE_GOLDEN=1`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

/** Asserts that `actual` equals the content of `path` (or writes it under UPDATE_GOLDEN=1). */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== "1" && process.env.CI) throw new Error(`missing golden file ${path}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}
