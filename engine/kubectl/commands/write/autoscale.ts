/**
 * `kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS
 * [--cpu-percent=CPU] [--name=NAME]`. kubectl v1.32 builds an autoscaling/v1
 * HorizontalPodAutoscaler for each object that has a scale subresource and creates it in the
 * current namespace; the API server keeps it as autoscaling/v2 (a CPU target becomes a
 * Resource metric; none gets the default 80 % CPU utilisation when defaulted).
 */
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool, flagInt, flagString } from "../../args";
import type { KObject } from "../../../model/types";
import { kindInfo } from "../../../model/kinds";
import { apiCreate, formatFailure } from "../../manifests/api-server";
import { hpaV2ToV1, toKeptVersion } from "../../manifests/served-versions";
import { withLastApplied } from "./apply";
import { commandFailed, dryRunOf, ensureNewline, outputOf, printWritten, recordChangeCause, resolveTargets, result, writeCommand } from "./common";

/** The kinds whose API has a scale subresource (what `ScaleForResource` finds in discovery). */
const SCALABLE = new Set(["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"]);

/** `apps/v1, Resource=deployments`: a GroupVersionResource as Go prints it. */
function gvrString(kind: string): string {
  const info = kindInfo(kind);
  const [group, version] = info.apiVersion.includes("/") ? info.apiVersion.split("/") : ["", info.apiVersion];
  return `${group}/${version}, Resource=${info.resource}`;
}

/** The autoscaling/v1 object kubectl sends. */
function v1Autoscaler(target: KObject, name: string, namespace: string | undefined, min: number, max: number, cpuPercent: number): KObject {
  const spec: Record<string, unknown> = {
    maxReplicas: max,
    ...(min > 0 ? { minReplicas: min } : {}),
    scaleTargetRef: { apiVersion: kindInfo(target.kind).apiVersion, kind: target.kind, name: target.metadata.name },
    ...(cpuPercent >= 0 ? { targetCPUUtilizationPercentage: cpuPercent } : {}),
  };
  return {
    apiVersion: "autoscaling/v1",
    kind: "HorizontalPodAutoscaler",
    metadata: { creationTimestamp: null, name, ...(namespace !== undefined ? { namespace } : {}) } as unknown as KObject["metadata"],
    spec,
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  if (args.flags.max === undefined) return commandFailed(ctx, 'required flag(s) "max" not set');
  const max = flagInt(args.flags, "max", -1);
  const min = flagInt(args.flags, "min", -1);
  const cpuPercent = flagInt(args.flags, "cpu-percent", -1);
  if (max < 1) return result("", `error: --max=MAXPODS is required and must be at least 1, max: ${max}\n`);
  if (max < min) return result("", `error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}\n`);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const targets = resolveTargets(ctx, args, { noResources: "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n" });
  if (!targets.ok) return result("", targets.error.replace("no objects passed to apply", "no objects passed to autoscale"));

  // The autoscaler goes to the command's namespace (named in it only when -n was given).
  const explicitNamespace = ctx.namespaceExplicit;
  let stdout = "";
  let stderr = "";
  for (const target of targets.objects) {
    if (!SCALABLE.has(target.kind)) {
      stderr += `error: cannot autoscale a ${target.kind}: could not find scale subresource for ${gvrString(target.kind)} in discovery information\n`;
      continue;
    }
    const name = flagString(args.flags, "name") || target.metadata.name;
    const v1 = v1Autoscaler(target, name, explicitNamespace ? ctx.namespace : undefined, min, max, cpuPercent);
    recordChangeCause(v1, ["autoscale"], args);
    if (dry.dryRun === "client") {
      stdout += printWritten([v1], "created", out.output, dry.dryRun);
      continue;
    }
    // --save-config records what kubectl sent: the autoscaling/v1 object.
    const v2 = toKeptVersion(flagBool(args.flags, "save-config") ? withLastApplied(v1) : v1) as KObject;
    v2.metadata.namespace = ctx.namespace;
    const created = apiCreate(ctx.cluster, v2, dry.dryRun);
    if (!created.ok) {
      stderr += ensureNewline(formatFailure(created.failure));
      continue;
    }
    stdout += printWritten([hpaV2ToV1(created.obj) as KObject], "autoscaled", out.output, dry.dryRun);
  }
  return result(stdout, stderr + targets.errors.join(""));
}

/** `kubectl autoscale`. */
export const autoscaleCommand = writeCommand("autoscale", run);
