/** `kubectl replace -f -`: replaces each live object (PUT); `--force` deletes and re-creates it. */
import { kindInfo } from "../../../model/kinds";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool } from "../../args";
import { apiCreate, apiDelete, apiUpdate, formatFailure } from "../../manifests/api-server";
import { dryRunOf, ensureNewline, kindPrefixOf, outputOf, printWritten, recordChangeCause, result, validationOf, warningLines, writeCommand } from "./common";
import { stdinObjects } from "./stdin-objects";
import { withLastApplied } from "./apply";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const validate = validationOf(args);
  if (!validate.ok) return result("", validate.error);
  const read = stdinObjects(ctx, args, "replace");
  if (!read.ok) return result("", read.error);
  let stdout = "";
  let stderr = "";
  let failed = read.errors.length > 0;
  for (const input of read.objects) {
    if (!input.metadata.name) {
      // The REST client refuses a PUT without a name before sending it.
      stderr += 'error: error when replacing "STDIN": resource name may not be empty\n';
      failed = true;
      continue;
    }
    recordChangeCause(input, ["replace"], args);
    const obj = flagBool(args.flags, "save-config") ? withLastApplied(input) : input;
    if (flagBool(args.flags, "force")) {
      const info = kindInfo(obj.kind);
      const live = ctx.cluster.store.get(obj.kind, info.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
      if (live) {
        apiDelete(ctx.cluster, live, { gracePeriodSeconds: 0, dryRun: dry.dryRun });
        stdout += `${kindPrefixOf(info)} "${obj.metadata.name}" deleted\n`;
      }
      delete obj.metadata.resourceVersion;
      const r = apiCreate(ctx.cluster, obj, dry.dryRun, validate.validation);
      if (r.ok) stderr += warningLines(r.warnings);
      if (r.ok) stdout += printWritten([r.obj], "replaced", out.output, dry.dryRun);
      else {
        failed = true;
        stderr += ensureNewline(formatFailure(r.failure, { verb: "replacing", source: "STDIN" }));
      }
      continue;
    }
    const r = apiUpdate(ctx.cluster, obj, dry.dryRun, validate.validation);
    if (r.ok) stderr += warningLines(r.warnings);
    if (r.ok) stdout += printWritten([r.obj], "replaced", out.output, dry.dryRun);
    else {
      failed = true;
      stderr += ensureNewline(formatFailure(r.failure, { verb: "replacing", source: "STDIN" }));
    }
  }
  stderr += read.errors.join("");
  return result(stdout, stderr, failed);
}

/** `kubectl replace`. */
export const replaceCommand = writeCommand("replace", run);
