/**
 * `kubectl delete (TYPE NAME… | TYPE -l SEL | TYPE --all | -f -)` with `--grace-period`,
 * `--force`, `--now`, `--cascade` and `--ignore-not-found`. Pods terminate gracefully
 * (the kubelet removes them); dependents go through the garbage collector.
 */
import { kindInfo } from "../../../model/kinds";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool, flagInt, flagString } from "../../args";
import { apiDelete } from "../../manifests/api-server";
import { dryRunOf, dryRunSuffix, kindPrefixOf, resolveTargets, result, writeCommand } from "./common";

/** kubectl's warning for `--force`. */
export const FORCE_WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const cascade = flagString(args.flags, "cascade", "background");
  if (!["background", "foreground", "orphan", "true", "false"].includes(cascade)) {
    return result("", `error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".\n`);
  }
  const force = flagBool(args.flags, "force");
  let grace = flagInt(args.flags, "grace-period", -1);
  if (flagBool(args.flags, "now")) {
    if (grace !== -1) return result("", "error: --now and --grace-period cannot be specified together\n");
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (flagBool(args.flags, "all") && flagString(args.flags, "selector") !== "") return result("", "error: cannot set --all and --selector at the same time\n");
  const targets = resolveTargets(ctx, args, { selectors: true });
  if (!targets.ok) return result("", targets.error);
  const ignoreNotFound = flagBool(args.flags, "ignore-not-found");
  let stdout = "";
  let stderr = force && grace === 0 ? FORCE_WARNING : "";
  for (const obj of targets.objects) {
    const r = apiDelete(ctx.cluster, obj, {
      gracePeriodSeconds: grace >= 0 ? grace : undefined,
      propagation: cascade === "orphan" || cascade === "false" ? "orphan" : cascade === "foreground" ? "foreground" : "background",
      dryRun: dry.dryRun,
    });
    if (!r.ok) continue;
    stdout += `${kindPrefixOf(kindInfo(obj.kind))} "${obj.metadata.name}" ${force && grace === 0 ? "force deleted" : "deleted"}${dryRunSuffix(dry.dryRun)}\n`;
  }
  const notFound = ignoreNotFound ? [] : targets.errors;
  if (targets.objects.length === 0 && targets.errors.length === 0 && !ignoreNotFound) stdout += "No resources found\n";
  stderr += notFound.join("");
  return result(stdout, stderr, notFound.length > 0);
}

/** `kubectl delete`. */
export const deleteCommand = writeCommand("delete", run);
