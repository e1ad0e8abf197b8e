/** `kubectl taint nodes NAME KEY[=VALUE]:EFFECT … | KEY[:EFFECT]-` (`node/x tainted|untainted|modified`). */
import type { Node, Taint } from "../../../model/types";
import { rfc3339 } from "../../../runtime/clock";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool } from "../../args";
import { apiPatch, formatFailure } from "../../manifests/api-server";
import { dryRunOf, ensureNewline, resolveTargets, result, writeCommand } from "./common";

const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

function parseTaints(specs: string[]): { ok: true; add: Taint[]; remove: { key: string; effect?: string }[] } | { ok: false; error: string } {
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const s of specs) {
    if (s.endsWith("-")) {
      const body = s.slice(0, -1);
      const colon = body.indexOf(":");
      const key = colon >= 0 ? body.slice(0, colon) : body;
      const effect = colon >= 0 ? body.slice(colon + 1) : undefined;
      if (effect !== undefined && !EFFECTS.includes(effect)) return { ok: false, error: `error: invalid taint effect: ${effect}, unsupported taint effect\n` };
      remove.push({ key, effect });
      continue;
    }
    const colon = s.lastIndexOf(":");
    if (colon < 0) return { ok: false, error: `error: invalid taint spec: ${s}\n` };
    const effect = s.slice(colon + 1);
    const kv = s.slice(0, colon);
    const eq = kv.indexOf("=");
    const key = eq >= 0 ? kv.slice(0, eq) : kv;
    const value = eq >= 0 ? kv.slice(eq + 1) : undefined;
    if (!EFFECTS.includes(effect)) return { ok: false, error: `error: invalid taint effect: ${effect}, unsupported taint effect\n` };
    if (key === "") return { ok: false, error: `error: invalid taint spec: ${s}\n` };
    add.push({ key, ...(value !== undefined && value !== "" ? { value } : {}), effect: effect as Taint["effect"] });
  }
  return { ok: true, add, remove };
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const split = { resources: [] as string[], pairs: [] as string[] };
  for (const a of args.positionals) {
    const isTaint = a.includes("=") || a.includes(":") || a.endsWith("-");
    if (isTaint) split.pairs.push(a);
    else if (split.pairs.length === 0) split.resources.push(a);
    else return result("", `error: all resources must be specified before taint changes: ${a}\n`);
  }
  const taints = parseTaints(split.pairs);
  if (!taints.ok) return result("", taints.error);
  if (taints.add.length === 0 && taints.remove.length === 0) return result("", "error: at least one taint update is required\n");
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const first = split.resources[0]?.split("/")[0]?.toLowerCase();
  if (first && !["node", "nodes", "no"].includes(first)) return result("", `error: invalid resource type ${split.resources[0].split("/")[0]}, only node types are supported\n`);
  const targets = resolveTargets(ctx, args, { positionals: split.resources, selectors: true });
  if (!targets.ok) return result("", targets.error);
  const overwrite = flagBool(args.flags, "overwrite");
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    const node = obj as Node;
    const current = node.spec?.taints ?? [];
    let next = [...current];
    let failed = false;
    for (const r of taints.remove) {
      const before = next.length;
      next = next.filter((t) => !(t.key === r.key && (r.effect === undefined || t.effect === r.effect)));
      if (next.length === before) {
        stderr += `error: taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found\n`;
        failed = true;
      }
    }
    for (const t of taints.add) {
      const at = next.findIndex((x) => x.key === t.key && x.effect === t.effect);
      if (at >= 0) {
        if (!overwrite) {
          stderr += `error: node ${node.metadata.name} already has ${t.key} taint(s) with same effect(s) and --overwrite is false\n`;
          failed = true;
          continue;
        }
        next[at] = t;
      } else next.push(t.effect === "NoExecute" ? { ...t, timeAdded: rfc3339(ctx.cluster.now()) } : t);
    }
    if (failed) continue;
    const operation = taints.add.length > 0 && taints.remove.length > 0 ? "modified" : taints.add.length > 0 ? "tainted" : "untainted";
    if (dry.dryRun !== "client") {
      const r = apiPatch(ctx.cluster, "Node", undefined, node.metadata.name, "merge", { spec: { taints: next.length > 0 ? (next as never) : null } }, dry.dryRun);
      if (!r.ok) {
        stderr += ensureNewline(formatFailure(r.failure));
        continue;
      }
    }
    stdout += `node/${node.metadata.name} ${operation}\n`;
  }
  return result(stdout, stderr + targets.errors.join(""));
}

/** `kubectl taint`. */
export const taintCommand = writeCommand("taint", run);
