/**
 * `kubectl label` and `kubectl annotate`: `KEY=VALUE` pairs and `KEY-` removals on objects named
 * by `TYPE NAME`, `-l`, `--all` or `-f -`; existing keys need `--overwrite`. Sent as a JSON
 * merge patch of the metadata, as kubectl does.
 */
import type { KObject } from "../../../model/types";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool, flagString } from "../../args";
import { apiPatch, formatFailure } from "../../manifests/api-server";
import { dryRunOf, ensureNewline, nameRef, outputOf, printWritten, resolveTargets, result, writeCommand } from "./common";
import { resourcesAndPairs } from "./set-image";

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function parsePairs(pairs: string[], isLabel: boolean): { ok: true; set: Record<string, string>; remove: string[] } | { ok: false; error: string } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const what = isLabel ? "label" : "annotation";
  for (const p of pairs) {
    if (p.includes("=")) {
      const parts = p.split("=");
      if (isLabel && parts.length !== 2) return { ok: false, error: `error: invalid label spec: ${p}\n` };
      const key = parts[0];
      const value = isLabel ? parts[1] : p.slice(key.length + 1);
      if (isLabel && !LABEL_VALUE.test(value)) return { ok: false, error: `error: invalid label value: ${JSON.stringify(p)}: ${LABEL_VALUE_MSG}\n` };
      set[key] = value;
    } else if (p.endsWith("-")) remove.push(p.slice(0, -1));
    else return { ok: false, error: `error: unknown ${what} spec: ${p}\n` };
  }
  for (const r of remove) if (r in set) return { ok: false, error: `error: can not both modify and remove ${isLabel ? "a label" : "an annotation"} in the same command\n` };
  return { ok: true, set, remove };
}

function runFor(isLabel: boolean) {
  const field = isLabel ? "labels" : "annotations";
  const command = isLabel ? "label" : "annotate";
  return (ctx: CommandContext, args: ParsedArgs): CommandResult => {
    const split = resourcesAndPairs(args.positionals, isLabel ? "label" : "annotate");
    if (!split.ok) return result("", split.error);
    const pairs = parsePairs(split.pairs, isLabel);
    if (!pairs.ok) return result("", pairs.error);
    const list = flagBool(args.flags, "list");
    const out = outputOf(args);
    if (!out.ok) return result("", out.error);
    if (list && out.output !== "") return result("", "error: --list and --output may not be specified together\n");
    if (flagBool(args.flags, "all") && flagString(args.flags, "selector") !== "") return result("", "error: cannot set --all and --selector at the same time\n");
    if (split.resources.length === 0 && args.flags.filename === undefined) {
      return result("", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
    }
    if (Object.keys(pairs.set).length === 0 && pairs.remove.length === 0 && !list) {
      return result("", `error: at least one ${isLabel ? "label" : "annotation"} update is required\n`);
    }
    const dry = dryRunOf(args);
    if (!dry.ok) return result("", dry.error);
    const targets = resolveTargets(ctx, args, { positionals: split.resources, selectors: true });
    if (!targets.ok) return result("", targets.error);
    const overwrite = flagBool(args.flags, "overwrite");
    let stdout = "";
    let stderr = "";
    for (const obj of targets.objects) {
      const current: Record<string, string> = (obj.metadata[field] as Record<string, string> | undefined) ?? {};
      if (list) {
        if (!targets.single) stdout += `Listing ${field} for ${obj.kind}.${obj.apiVersion.includes("/") ? obj.apiVersion.split("/")[0] : ""}/${obj.metadata.name}:\n`;
        for (const [k, v] of Object.entries(current)) stdout += `${targets.single ? "" : " "}${k}=${v}\n`;
        continue;
      }
      if (!overwrite) {
        const clashes = Object.keys(pairs.set).filter((k) => k in current && (isLabel || current[k] !== pairs.set[k]));
        if (clashes.length > 0) {
          if (isLabel) stderr += clashes.length === 1 ? `error: '${clashes[0]}' already has a value (${current[clashes[0]]}), and --overwrite is false\n` : `error: [${clashes.map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`).join(", ")}]\n`;
          else stderr += `error: --overwrite is false but found the following declared annotation(s): ${clashes.map((k) => `'${k}' already has a value (${current[k]})`).join("; ")}\n`;
          continue;
        }
      }
      if (isLabel) for (const r of pairs.remove) if (!(r in current)) stdout += `label ${JSON.stringify(r)} not found.\n`;
      const next: Record<string, string> = { ...current, ...pairs.set };
      for (const r of pairs.remove) delete next[r];
      const patch: Record<string, string | null> = {};
      for (const [k, v] of Object.entries(pairs.set)) if (current[k] !== v) patch[k] = v;
      for (const r of pairs.remove) if (r in current) patch[r] = null;
      let message = command === "annotate" ? "annotated" : "not labeled";
      if (isLabel && Object.keys(patch).length > 0) message = !overwrite && Object.keys(next).length < Object.keys(current).length ? "unlabeled" : "labeled";
      let written: KObject = obj;
      if (Object.keys(patch).length > 0 && dry.dryRun !== "client") {
        const r = apiPatch(ctx.cluster, obj.kind, obj.metadata.namespace, obj.metadata.name, "merge", { metadata: { [field]: patch } }, dry.dryRun);
        if (!r.ok) {
          stderr += ensureNewline(formatFailure(r.failure));
          continue;
        }
        written = r.obj;
      }
      stdout += out.output === "" ? `${nameRef(obj)} ${message}${dry.dryRun === "client" ? " (dry run)" : dry.dryRun === "server" ? " (server dry run)" : ""}\n` : printWritten([written], message, out.output, dry.dryRun);
    }
    return result(stdout, stderr + targets.errors.join(""));
  };
}

/** `kubectl label`. */
export const labelCommand = writeCommand("label", runFor(true));
/** `kubectl annotate`. */
export const annotateCommand = writeCommand("annotate", runFor(false));
