/** `kubectl patch TYPE NAME -p '…' [--type=strategic|merge|json]`. */
import { parse as parseYaml } from "yaml";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { apiPatch, formatFailure, type PatchType } from "../../manifests/api-server";
import type { JsonValue } from "../../patch";
import { dryRunOf, ensureNewline, nameRef, outputOf, pathDoesNotExist, printWritten, resolveTargets, result, writeCommand, warningLines } from "./common";

/** Reads a patch as kubectl does (`yaml.ToJSON`: JSON or YAML), or kubectl's error. */
export function parsePatchText(text: string): { ok: true; value: JsonValue } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    try {
      const v = parseYaml(text, { version: "1.1" }) as JsonValue;
      return { ok: true, value: v ?? null };
    } catch (e) {
      const line = /line (\d+)/.exec((e as Error).message)?.[1] ?? "1";
      return { ok: false, error: `error: unable to parse ${JSON.stringify(text)}: yaml: line ${line}: did not find expected node content\n` };
    }
  }
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const patchText = flagString(args.flags, "patch");
  const patchFile = flagString(args.flags, "patch-file");
  if (patchFile !== "") return result("", pathDoesNotExist(patchFile).replace("the path", "unable to read patch file: open").replace(" does not exist", ": no such file or directory"));
  const type = flagString(args.flags, "type", "strategic");
  if (!["strategic", "merge", "json"].includes(type)) return result("", `error: --type must be one of [json merge strategic], not ${JSON.stringify(type)}\n`);
  if (patchText === "") return result("", "error: must specify --patch or --patch-file containing the contents of the patch\n");
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const targets = resolveTargets(ctx, args);
  if (!targets.ok) return result("", targets.error);
  const patch = parsePatchText(patchText);
  if (!patch.ok) return result("", patch.error);
  let stdout = "";
  let stderr = "";
  let failed = targets.errors.length > 0;
  for (const obj of targets.objects) {
    const r = apiPatch(ctx.cluster, obj.kind, obj.metadata.namespace, obj.metadata.name, type as PatchType, patch.value, dry.dryRun);
    if (!r.ok) {
      failed = true;
      if (r.failure.reason === "Invalid" && !r.failure.invalid) stderr += `The request is invalid: ${r.failure.message}\n`;
      else stderr += ensureNewline(formatFailure(r.failure));
      continue;
    }
    stderr += warningLines(r.warnings);
    if (out.output !== "") stdout += printWritten([r.obj], "patched", out.output, dry.dryRun);
    else stdout += `${nameRef(r.obj)} patched${r.changed ? "" : " (no change)"}${dry.dryRun === "client" ? " (dry run)" : dry.dryRun === "server" ? " (server dry run)" : ""}\n`;
  }
  return result(stdout, stderr + targets.errors.join(""), failed);
}

/** `kubectl patch`. */
export const patchCommand = writeCommand("patch", run);
