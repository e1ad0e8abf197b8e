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
  // Like kubectl's resource builder: gather the objects (and NotFound errors) first.
  const infos: KObject[] = [];
  const errors: string[] = [];
  for (const req of parsed.requests) {
    const kind = req.kind;
    if (req.names.length === 0) {
      const listNs = kind.namespaced && !allNamespaces ? ns : undefined;
      for (const obj of store.list(kind.kind, listNs)) {
        if (requirements?.ok && !matchesLabelQuery(obj.metadata.labels, requirements.requirements)) continue;
        infos.push(obj);
      }
      continue;
    }
    for (const name of req.names) {
      const obj = store.get(kind.kind, kind.namespaced ? ns : undefined, name);
      if (obj) infos.push(obj);
      else errors.push(notFound(kind.kind, name));
    }
  }
  // One NotFound with exactly two arguments: kubectl describes every object whose name starts with the second.
  if (errors.length === 1 && args.positionals.length === 2) return describeMatching(ctx, args.positionals, errors[0], source, settings);
  const chunks: string[] = [];
  for (const obj of infos) {
    const text = describeObject(obj, source, settings);
    if (text === undefined) errors.push(noDescriber(obj));
    else chunks.push(text);
  }
  const stdout = chunks.join("\n\n");
  let stderr = errors.map((e) => e + "\n").join("");
  if (infos.length === 0 && errors.length === 0) stderr = allNamespaces ? "No resources found\n" : `No resources found in ${ns} namespace.\n`;
  return { stdout, stderr, exitCode: errors.length > 0 ? 1 : 0 };
}

/** `DescribeMatchingResources`: every object of the first argument's type whose name starts with the second argument. */
function describeMatching(ctx: CommandContext, positionals: string[], originalError: string, source: ReturnType<typeof storeSource>, settings: { showEvents: boolean }): CommandResult {
  const [resource, prefix] = positionals;
  const fail = (e: string): CommandResult => ({ stdout: "", stderr: e + "\n", exitCode: 1 });
  const parsed = parseResourceArgs([resource]);
  if (!parsed.ok) return fail(parsed.error.trimEnd());
  const req = parsed.requests[0];
  const kindNs = req.kind.namespaced ? ctx.namespace : undefined;
  let candidates: KObject[];
  if (req.names.length > 0) {
    const obj = ctx.cluster.store.get(req.kind.kind, kindNs, req.names[0]);
    if (!obj) return fail(notFound(req.kind.kind, req.names[0]));
    candidates = [obj];
  } else candidates = ctx.cluster.store.list(req.kind.kind, kindNs);
  let out = "";
  let found = false;
  for (const obj of candidates) {
    if (!obj.metadata.name.startsWith(prefix)) continue;
    found = true;
    const text = describeObject(obj, source, settings);
    if (text === undefined) return { stdout: out, stderr: noDescriber(obj) + "\n", exitCode: 1 };
    out += text + "\n";
  }
  if (!found) return fail(originalError);
  return { stdout: out, stderr: "", exitCode: 0 };
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
