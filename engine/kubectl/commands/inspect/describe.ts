/**
 * `kubectl describe`: selects objects like kubectl's resource builder (type and names,
 * `type/name`, `-l`, `-A`), falls back to name-prefix matching when one name is not found,
 * and renders each object with the describer of its kind.
 */
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import type { KObject } from "../../../model/types";
import { matchesLabelQuery, parseLabelQuery } from "../../../model/labels";
import { notFound } from "../../errors";
import { parseResourceArgs } from "../../resource-args";
import { describeObject, storeSource } from "../../describe";

const NO_TYPE = `error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.`;

function noDescriber(obj: KObject): string {
  const info = obj.apiVersion.includes("/") ? obj.apiVersion : `/${obj.apiVersion}`;
  return `error: no description has been implemented for ${info}, Kind=${obj.kind}`;
}

/** Runs `kubectl describe` against the cluster in `ctx`. */
export function runDescribe(ctx: CommandContext, args: ParsedArgs): CommandResult {
  if (args.positionals.length === 0) return { stdout: "", stderr: NO_TYPE + "\n", exitCode: 1 };
  const parsed = parseResourceArgs(args.positionals);
  if (!parsed.ok) return { stdout: "", stderr: parsed.error.trimEnd() + "\n", exitCode: 1 };
  const allNamespaces = args.flags["all-namespaces"] === true;
  const selectorText = typeof args.flags.selector === "string" ? args.flags.selector : "";
  const showEvents = args.flags["show-events"] !== false;
  let requirements: ReturnType<typeof parseLabelQuery> | undefined;
  if (selectorText) {
    requirements = parseLabelQuery(selectorText);
    if (!requirements.ok) return { stdout: "", stderr: requirements.error + "\n", exitCode: 1 };
  }
  const hasNames = parsed.requests.some((r) => r.names.length > 0);
  if (hasNames && selectorText) {
    return { stdout: "", stderr: "error: name cannot be provided when a selector is specified\n", exitCode: 1 };
  }
  const store = ctx.cluster.store;
  const source = storeSource(store, ctx.cluster.now());
  const settings = { showEvents };
  const ns = ctx.namespace;
  const chunks: string[] = [];
  const errors: string[] = [];
  let found = 0;
  const render = (obj: KObject) => {
    found++;
    const text = describeObject(obj, source, settings);
    if (text === undefined) errors.push(noDescriber(obj));
    else chunks.push(text);
  };
  const twoArgs = args.positionals.length === 2 && !args.positionals.some((a) => a.includes("/"));
  let prefixOut = "";
  for (const req of parsed.requests) {
    const kind = req.kind;
    const listNs = kind.namespaced && !allNamespaces ? ns : undefined;
    if (req.names.length === 0) {
      for (const obj of store.list(kind.kind, listNs)) {
        if (requirements?.ok && !matchesLabelQuery(obj.metadata.labels, requirements.requirements)) continue;
        render(obj);
      }
      continue;
    }
    for (const name of req.names) {
      const obj = store.get(kind.kind, kind.namespaced ? ns : undefined, name);
      if (obj) {
        render(obj);
        continue;
      }
      if (twoArgs) {
        const matches = store.list(kind.kind, kind.namespaced ? ns : undefined).filter((o) => o.metadata.name.startsWith(name));
        if (matches.length > 0) {
          for (const m of matches) {
            found++;
            const text = describeObject(m, source, settings);
            if (text === undefined) return { stdout: prefixOut, stderr: noDescriber(m) + "\n", exitCode: 1 };
            prefixOut += text + "\n";
          }
          continue;
        }
      }
      errors.push(notFound(kind.kind, name));
    }
  }
  const stdout = prefixOut + chunks.join("\n\n");
  let stderr = errors.map((e) => e + "\n").join("");
  if (found === 0 && errors.length === 0) stderr = allNamespaces ? "No resources found\n" : `No resources found in ${ns} namespace.\n`;
  return { stdout, stderr, exitCode: errors.length > 0 ? 1 : 0 };
}

/** The `describe` command: flags as kubectl v1.32 declares them. */
export const describeCommand: CommandSpec = {
  path: ["describe"],
  short: "Show details of a specific resource or group of resources",
  usage: "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)",
  flags: [
    { name: "all-namespaces", short: "A", type: "bool", default: false, description: "If present, list the requested object(s) across all namespaces." },
    { name: "selector", short: "l", type: "string", default: "", description: "Selector (label query) to filter on." },
    { name: "show-events", type: "bool", default: true, description: "If true, display events related to the described object." },
    { name: "chunk-size", type: "int", default: 500, description: "Return large lists in chunks rather than all at once." },
  ],
  run: runDescribe,
};
