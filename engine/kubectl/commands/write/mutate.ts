/**
 * The pattern of kubectl's `set` commands and `rollout restart|pause|resume`: change a copy of
 * the object locally, send the strategic merge patch of the difference, print
 * `<ref> <operation>` (nothing when there was nothing to change).
 */
import type { KObject } from "../../../model/types";
import type { CommandContext, ParsedArgs } from "../../command";
import { apiPatch, formatFailure, type DryRun } from "../../manifests/api-server";
import { createTwoWayMergePatch, deepClone, patchSchemaFor, type JsonObject } from "../../patch";
import { ensureNewline, printWritten, recordChangeCause } from "./common";

/** What one mutation printed. */
export interface MutationOutcome {
  stdout: string;
  stderr: string;
}

/**
 * Applies `mutate` to a copy of `obj` and patches the server with the difference. `mutate`
 * returns false when it refused (and reported why through `errors`).
 */
export function patchMutation(
  ctx: CommandContext,
  args: ParsedArgs,
  path: string[],
  obj: KObject,
  mutate: (copy: KObject) => boolean,
  operation: string,
  output: string,
  dryRun: DryRun,
  failurePrefix = "",
): MutationOutcome {
  const copy = deepClone(obj);
  if (!mutate(copy)) return { stdout: "", stderr: "" };
  const before = JSON.stringify(obj);
  recordChangeCause(copy, path, args);
  const patch = createTwoWayMergePatch(obj as unknown as JsonObject, copy as unknown as JsonObject, patchSchemaFor(obj.kind));
  if (Object.keys(patch).length === 0 || JSON.stringify(copy) === before) return { stdout: "", stderr: "" };
  if (dryRun === "client") return { stdout: printWritten([copy], operation, output, dryRun), stderr: "" };
  const r = apiPatch(ctx.cluster, obj.kind, obj.metadata.namespace, obj.metadata.name, "strategic", patch, dryRun);
  if (!r.ok) return { stdout: "", stderr: failurePrefix + ensureNewline(formatFailure(r.failure)) };
  return { stdout: printWritten([r.obj], operation, output, dryRun), stderr: "" };
}
