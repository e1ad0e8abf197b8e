/** `kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS` (Services: replaces `spec.selector`). */
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { dryRunOf, outputOf, resolveTargets, result, writeCommand } from "./common";
import { patchMutation } from "./mutate";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const pos = args.positionals;
  if (pos.length < 2 && args.flags.filename === undefined) return result("", "error: one resource and selector is required\n");
  const expr = pos[pos.length - 1];
  const selector: Record<string, string> = {};
  for (const part of expr.split(",")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq <= 0) return result("", `error: invalid selector: ${expr}\n`);
    selector[part.slice(0, eq)] = part.slice(eq + 1);
  }
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const targets = resolveTargets(ctx, args, { positionals: pos.slice(0, -1), selectors: true });
  if (!targets.ok) return result("", targets.error);
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    const o = patchMutation(
      ctx,
      args,
      ["set", "selector"],
      obj,
      (copy) => {
        if (copy.kind === "Service") copy.spec = { ...copy.spec, selector };
        else copy.spec = { ...copy.spec, selector: { matchLabels: selector } };
        return true;
      },
      "selector updated",
      out.output,
      dry.dryRun,
    );
    stdout += o.stdout;
    stderr += o.stderr;
  }
  return result(stdout, stderr + targets.errors.join(""));
}

/** `kubectl set selector`. */
export const setSelectorCommand = writeCommand("set selector", run);
