/** `kubectl set image (-f FILENAME | TYPE NAME) CONTAINER=IMAGE …` (`*=IMAGE` for every container). */
import type { Container } from "../../../model/types";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { dryRunOf, outputOf, podTemplateOf, resolveTargets, result, writeCommand } from "./common";
import { patchMutation } from "./mutate";

/** Splits kubectl's `RESOURCE… KEY=VALUE…` arguments (`cmdutil.GetResourcesAndPairs`). */
export function resourcesAndPairs(positionals: string[], pairType: string): { ok: true; resources: string[]; pairs: string[] } | { ok: false; error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of positionals) {
    const nonResource = (s.includes("=") && s[0] !== "=") || (s.endsWith("-") && s !== "-");
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else return { ok: false, error: `error: all resources must be specified before ${pairType} changes: ${s}\n` };
  }
  return { ok: true, resources, pairs };
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const split = resourcesAndPairs(args.positionals, "image");
  if (!split.ok) return result("", split.error);
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const images: [string, string][] = [];
  for (const p of split.pairs) {
    const eq = p.indexOf("=");
    if (eq <= 0 || eq === p.length - 1) return result("", `error: invalid image update: ${p}\n`);
    images.push([p.slice(0, eq), p.slice(eq + 1)]);
  }
  if (images.length === 0) return result("", "error: at least one image update is required\n");
  const targets = resolveTargets(ctx, args, { positionals: split.resources, selectors: true });
  if (!targets.ok) return result("", targets.error);
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    const errors: string[] = [];
    const o = patchMutation(
      ctx,
      args,
      ["set", "image"],
      obj,
      (copy) => {
        const template = podTemplateOf(copy);
        if (!template) {
          errors.push(`error: ${obj.kind.toLowerCase()}s/${obj.metadata.name} the object is not a pod or does not have a pod template\n`);
          return false;
        }
        const lists: Container[][] = [template.spec.initContainers ?? [], template.spec.containers ?? []];
        for (const [name, image] of images) {
          let found = false;
          for (const list of lists) {
            for (const c of list) {
              if (name === "*" || c.name === name) {
                found = true;
                c.image = image;
              }
            }
          }
          if (!found) errors.push(`error: unable to find container named ${JSON.stringify(name)}\n`);
        }
        return true;
      },
      "image updated",
      out.output,
      dry.dryRun,
      "failed to patch image update to pod template: ",
    );
    stdout += o.stdout;
    stderr += o.stderr + errors.join("");
  }
  return result(stdout, stderr + targets.errors.join(""));
}

/** `kubectl set image`. */
export const setImageCommand = writeCommand("set image", run);
