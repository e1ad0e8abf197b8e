/** `kubectl set resources (-f FILENAME | TYPE NAME) --limits=cpu=200m,memory=512Mi --requests=… [-c NAME]`. */
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { isQuantity } from "../../../model/quantity";
import { dryRunOf, outputOf, podTemplateOf, resolveTargets, result, writeCommand } from "./common";
import { patchMutation } from "./mutate";
import { wildcardMatch } from "./set-env";

function parseList(text: string): { ok: true; list: Record<string, string> } | { ok: false; error: string } {
  const list: Record<string, string> = {};
  if (text === "") return { ok: true, list };
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return { ok: false, error: `error: invalid resource quantity specification: ${part}\n` };
    const q = part.slice(eq + 1);
    if (!isQuantity(q)) return { ok: false, error: `error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n` };
    list[part.slice(0, eq)] = q;
  }
  return { ok: true, list };
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const limitsText = flagString(args.flags, "limits");
  const requestsText = flagString(args.flags, "requests");
  if (limitsText === "" && requestsText === "") return result("", "error: you must specify an update to requests or limits (in the form of --requests/--limits)\n");
  const limits = parseList(limitsText);
  if (!limits.ok) return result("", limits.error);
  const requests = parseList(requestsText);
  if (!requests.ok) return result("", requests.error);
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const selector = flagString(args.flags, "containers", "*");
  const targets = resolveTargets(ctx, args, { selectors: true });
  if (!targets.ok) return result("", targets.error);
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    const errors: string[] = [];
    const o = patchMutation(
      ctx,
      args,
      ["set", "resources"],
      obj,
      (copy) => {
        const template = podTemplateOf(copy);
        if (!template) return false;
        const containers = [...(template.spec.initContainers ?? []), ...(template.spec.containers ?? [])].filter((c) => wildcardMatch(selector, c.name));
        if (containers.length === 0) {
          errors.push(`error: unable to find container named ${selector}\n`);
          return false;
        }
        for (const c of containers) {
          c.resources ??= {};
          if (Object.keys(limits.list).length > 0) c.resources.limits = { ...(c.resources.limits ?? {}), ...limits.list };
          if (Object.keys(requests.list).length > 0) c.resources.requests = { ...(c.resources.requests ?? {}), ...requests.list };
        }
        return true;
      },
      "resource requirements updated",
      out.output,
      dry.dryRun,
      "failed to patch resources update to pod template ",
    );
    stdout += o.stdout;
    stderr += o.stderr + errors.join("");
  }
  return result(stdout, stderr + targets.errors.join(""));
}

/** `kubectl set resources`. */
export const setResourcesCommand = writeCommand("set resources", run);
