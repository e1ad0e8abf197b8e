/**
 * `kubectl drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force]`: cordons the
 * node, then evicts its pods, refusing (as kubectl's pod filters do) DaemonSet pods, pods with
 * local storage and pods no controller manages unless told otherwise.
 */
import type { Pod } from "../../../model/types";
import { controllerOf } from "../../../runtime/controller";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool, flagInt } from "../../args";
import { apiDelete } from "../../manifests/api-server";
import { dryRunOf, result, writeCommand } from "./common";
import { nodesFor, setUnschedulable } from "./cordon";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const found = nodesFor(ctx, args);
  if (!found.ok) return result("", found.error.replace(/cordon/g, "drain"));
  const ignoreDs = flagBool(args.flags, "ignore-daemonsets");
  const deleteEmptyDir = flagBool(args.flags, "delete-emptydir-data");
  const force = flagBool(args.flags, "force");
  const grace = flagInt(args.flags, "grace-period", -1);
  let stdout = "";
  let stderr = "";
  let failed = found.errors.length > 0;
  for (const node of found.nodes) {
    const c = setUnschedulable(ctx, node, true, dry.dryRun);
    stdout += c.stdout;
    stderr += c.stderr;
    const pods = ctx.cluster.store.list<Pod>("Pod").filter((p) => p.spec.nodeName === node.metadata.name);
    const dsPods: string[] = [];
    const localStorage: string[] = [];
    const unmanaged: string[] = [];
    const evict: Pod[] = [];
    for (const p of pods) {
      const ref = `${p.metadata.namespace}/${p.metadata.name}`;
      if (p.metadata.annotations?.["kubernetes.io/config.mirror"]) continue;
      const terminal = p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
      const owner = controllerOf(p);
      if (owner?.kind === "DaemonSet" && !terminal) {
        dsPods.push(ref);
        continue;
      }
      if (!owner && !terminal) {
        unmanaged.push(ref);
        if (!force) continue;
      }
      if (!terminal && (p.spec.volumes ?? []).some((v) => v.emptyDir) && !deleteEmptyDir) {
        localStorage.push(ref);
        continue;
      }
      evict.push(p);
    }
    const errors: string[] = [];
    if (dsPods.length > 0 && !ignoreDs) errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${dsPods.join(", ")}`);
    if (localStorage.length > 0) errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${localStorage.join(", ")}`);
    if (unmanaged.length > 0 && !force) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.join(", ")}`);
    if (errors.length > 0) {
      const agg = errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
      stderr += `error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${agg}, continuing command...\nThere are pending nodes to be drained:\n ${node.metadata.name}\n${errors.map((e) => e + "\n").join("")}`;
      failed = true;
      continue;
    }
    const warnings: string[] = [];
    if (dsPods.length > 0) warnings.push(`ignoring DaemonSet-managed Pods: ${dsPods.join(", ")}`);
    if (unmanaged.length > 0) warnings.push(`deleting Pods that declare no controller: ${unmanaged.join(", ")}`);
    if (warnings.length > 0) stderr += `Warning: ${warnings.join("; ")}\n`;
    for (const p of evict) stdout += `evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`;
    for (const p of evict) {
      apiDelete(ctx.cluster, p, { gracePeriodSeconds: grace >= 0 ? grace : undefined, dryRun: dry.dryRun });
      stdout += `pod/${p.metadata.name} evicted\n`;
    }
    stdout += `node/${node.metadata.name} drained\n`;
  }
  return result(stdout, stderr + found.errors.join(""), failed);
}

/** `kubectl drain`. */
export const drainCommand = writeCommand("drain", run);
