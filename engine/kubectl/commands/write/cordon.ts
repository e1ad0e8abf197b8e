/** `kubectl cordon NODE` / `kubectl uncordon NODE`: set or clear `spec.unschedulable`. */
import type { Node } from "../../../model/types";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { apiPatch, formatFailure, type DryRun } from "../../manifests/api-server";
import { notFound } from "../../errors";
import { dryRunOf, dryRunSuffix, ensureNewline, result, writeCommand } from "./common";

/** The nodes named on the line (or chosen by `-l`), with NotFound errors for the others. */
export function nodesFor(ctx: CommandContext, args: ParsedArgs): { ok: true; nodes: Node[]; errors: string[] } | { ok: false; error: string } {
  const selector = flagString(args.flags, "selector");
  const store = ctx.cluster.store;
  if (args.positionals.length === 0 && selector === "") return { ok: false, error: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n" };
  const nodes: Node[] = [];
  const errors: string[] = [];
  for (const name of args.positionals) {
    const n = store.get<Node>("Node", undefined, name.replace(/^(nodes?|no)\//, ""));
    if (n) nodes.push(n);
    else errors.push(notFound("Node", name) + "\n");
  }
  return { ok: true, nodes, errors };
}

/** Cordons or uncordons one node; returns the line printed. */
export function setUnschedulable(ctx: CommandContext, node: Node, desired: boolean, dryRun: DryRun): { stdout: string; stderr: string } {
  const verb = desired ? "cordoned" : "uncordoned";
  if (!!node.spec?.unschedulable === desired) return { stdout: `node/${node.metadata.name} already ${verb}\n`, stderr: "" };
  if (dryRun !== "client") {
    const r = apiPatch(ctx.cluster, "Node", undefined, node.metadata.name, "strategic", { spec: { unschedulable: desired ? true : null } }, dryRun);
    if (!r.ok) return { stdout: "", stderr: ensureNewline(formatFailure(r.failure)) };
  }
  return { stdout: `node/${node.metadata.name} ${verb}${dryRunSuffix(dryRun)}\n`, stderr: "" };
}

function runFor(desired: boolean) {
  return (ctx: CommandContext, args: ParsedArgs): CommandResult => {
    const dry = dryRunOf(args);
    if (!dry.ok) return result("", dry.error);
    const found = nodesFor(ctx, args);
    if (!found.ok) return result("", desired ? found.error : found.error.replace(/cordon/g, "uncordon"));
    let stdout = "";
    let stderr = "";
    for (const n of found.nodes) {
      const r = setUnschedulable(ctx, n, desired, dry.dryRun);
      stdout += r.stdout;
      stderr += r.stderr;
    }
    return result(stdout, stderr + found.errors.join(""));
  };
}

/** `kubectl cordon`. */
export const cordonCommand = writeCommand("cordon", runFor(true));
/** `kubectl uncordon`. */
export const uncordonCommand = writeCommand("uncordon", runFor(false));
