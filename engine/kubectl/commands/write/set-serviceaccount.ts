/** `kubectl set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT`. */
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { dryRunOf, outputOf, podTemplateOf, resolveTargets, result, writeCommand } from "./common";
import { patchMutation } from "./mutate";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  if (args.positionals.length === 0) return result("", "error: serviceaccount is required\n");
  const sa = args.positionals[args.positionals.length - 1];
  const resources = args.positionals.slice(0, -1);
  if (resources.length === 0 && args.flags.filename === undefined) return result("", "error: serviceaccount is required\n");
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const targets = resolveTargets(ctx, args, { positionals: resources, selectors: true });
  if (!targets.ok) return result("", targets.error);
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    const o = patchMutation(
      ctx,
      args,
      ["set", "serviceaccount"],
      obj,
      (copy) => {
        const template = podTemplateOf(copy);
        if (!template) return false;
        template.spec.serviceAccountName = sa;
        if (template.spec.serviceAccount !== undefined) template.spec.serviceAccount = sa;
        return true;
      },
      "serviceaccount updated",
      out.output,
      dry.dryRun,
      "failed to patch ServiceAccountName ",
    );
    stdout += o.stdout;
    stderr += o.stderr;
  }
  return result(stdout, stderr + targets.errors.join(""));
}

/** `kubectl set serviceaccount` (alias `sa`). */
export const setServiceAccountCommand = writeCommand("set serviceaccount", run, ["sa"]);
