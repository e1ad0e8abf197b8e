/** `kubectl scale --replicas=N (-f FILENAME | TYPE NAME)` for Deployments, ReplicaSets and StatefulSets. */
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagInt, flagString } from "../../args";
import { apiPatch, formatFailure } from "../../manifests/api-server";
import { commandFailed, dryRunOf, ensureNewline, outputOf, printWritten, resolveTargets, result, writeCommand } from "./common";

const SCALABLE = new Set(["Deployment", "ReplicaSet", "StatefulSet"]);

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  if (args.flags.replicas === undefined) {
    return commandFailed(ctx, 'required flag(s) "replicas" not set');
  }
  const replicas = flagInt(args.flags, "replicas", -1);
  if (replicas < 0) return result("", "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n");
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const targets = resolveTargets(ctx, args, { selectors: true, noResources: "error: required resource not specified\n" });
  if (!targets.ok) return result("", targets.error);
  const current = flagInt(args.flags, "current-replicas", -1);
  const rv = flagString(args.flags, "resource-version");
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    if (!SCALABLE.has(obj.kind)) {
      stderr += `error: no scaler has been implemented for {"${obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : ""}" "${obj.kind}"}\n`;
      continue;
    }
    if (current >= 0 && (obj.spec?.replicas ?? 1) !== current) {
      stderr += `error: Expected replicas to be ${current}, was ${obj.spec?.replicas ?? 1}\n`;
      continue;
    }
    if (rv !== "" && rv !== obj.metadata.resourceVersion) {
      stderr += `error: Expected resourceVersion to be ${rv}, was ${obj.metadata.resourceVersion}\n`;
      continue;
    }
    if (dry.dryRun === "client") {
      stdout += printWritten([obj], "scaled", out.output, dry.dryRun);
      continue;
    }
    const r = apiPatch(ctx.cluster, obj.kind, obj.metadata.namespace, obj.metadata.name, "merge", { spec: { replicas } }, dry.dryRun);
    if (r.ok) stdout += printWritten([r.obj], "scaled", out.output, dry.dryRun);
    else stderr += ensureNewline(formatFailure(r.failure));
  }
  return result(stdout, stderr + targets.errors.join(""));
}

/** `kubectl scale`. */
export const scaleCommand = writeCommand("scale", run);
