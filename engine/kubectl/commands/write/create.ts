/** `kubectl create -f -`: creates each object; `--save-config` records the last-applied annotation. */
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool, flagStrings } from "../../args";
import { apiCreate, formatFailure } from "../../manifests/api-server";
import { dryRunOf, ensureNewline, outputOf, printWritten, recordChangeCause, result, validationOf, warningLines, writeCommand } from "./common";
import { stdinObjects } from "./stdin-objects";
import { withLastApplied } from "./apply";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  if (flagStrings(args.flags, "filename").length === 0) {
    if (args.positionals.length > 0) return result("", `error: Unexpected args: [${args.positionals.join(" ")}]\nSee 'kubectl create -h' for help and examples\n`);
    return result("", "error: must specify one of -f and -k\n");
  }
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const validate = validationOf(args);
  if (!validate.ok) return result("", validate.error);
  const read = stdinObjects(ctx, args, "create");
  if (!read.ok) return result("", read.error);
  let stdout = "";
  let stderr = "";
  let failed = read.errors.length > 0;
  for (const input of read.objects) {
    recordChangeCause(input, ["create"], args);
    const obj = flagBool(args.flags, "save-config") ? withLastApplied(input) : input;
    const r = apiCreate(ctx.cluster, obj, dry.dryRun, validate.validation);
    if (r.ok) {
      stderr += warningLines(r.warnings);
      stdout += printWritten([r.obj], "created", out.output, dry.dryRun);
    }
    else {
      failed = true;
      stderr += ensureNewline(formatFailure(r.failure, { verb: "creating", source: "STDIN" }));
    }
  }
  stderr += read.errors.join("");
  return result(stdout, stderr, failed);
}

/** `kubectl create -f`. */
export const createCommand = writeCommand("create", run);
