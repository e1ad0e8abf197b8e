/**
 * `kubectl get`: lists or fetches objects of one or more kinds and prints them as kubectl's
 * tables (one per kind, separated by a blank line) or with `-o`.
 *
 * `-w/--watch`: the simulated terminal does not stream, so `get -w` prints what a watch shows
 * first (the current table, or nothing with `--watch-only`) and returns.
 */
import type { KindInfo, KObject } from "../../../model/types";
import { matchesLabelQuery, parseLabelQuery, type LabelRequirement } from "../../../model/labels";
import { fail, type CommandContext, type CommandResult, type CommandSpec, type FlagDef, type ParsedArgs } from "../../command";
import { notFound } from "../../errors";
import { parseResourceArgs, type ResourceRequest } from "../../resource-args";
import { flagBool, flagString, flagStrings } from "../../args";
import { parseOutputFormat, printObjects } from "../../printers/output";
import { sortObjects } from "../../printers/sort-by";
import { tableRows } from "../../printers/table-printer";
import { formatRows } from "../../printers/tabwriter";
import { fieldMatcher, parseFieldSelector, selectorListError, type FieldRequirement } from "./field-selector";

/** The flags `kubectl get` accepts (v1.32). */
export const GET_FLAGS: FlagDef[] = [
  { name: "all-namespaces", short: "A", type: "bool", default: false },
  { name: "allow-missing-template-keys", type: "bool", default: true },
  { name: "chunk-size", type: "int", default: 500 },
  { name: "field-selector", type: "string", default: "" },
  { name: "filename", short: "f", type: "stringSlice", default: [] },
  { name: "ignore-not-found", type: "bool", default: false },
  { name: "kustomize", short: "k", type: "string", default: "" },
  { name: "label-columns", short: "L", type: "stringSlice", default: [] },
  { name: "no-headers", type: "bool", default: false },
  { name: "output", short: "o", type: "string", default: "" },
  { name: "output-watch-events", type: "bool", default: false },
  { name: "raw", type: "string", default: "" },
  { name: "recursive", short: "R", type: "bool", default: false },
  { name: "selector", short: "l", type: "string", default: "" },
  { name: "server-print", type: "bool", default: true },
  { name: "show-kind", type: "bool", default: false },
  { name: "show-labels", type: "bool", default: false },
  { name: "show-managed-fields", type: "bool", default: false },
  { name: "sort-by", type: "string", default: "" },
  { name: "subresource", type: "string", default: "" },
  { name: "template", type: "string", default: "" },
  { name: "watch", short: "w", type: "bool", default: false },
  { name: "watch-only", type: "bool", default: false },
];

const REQUIRED_RESOURCE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  "error: Required resource not specified.\n" +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples\n";

/** cli-runtime's `MultipleTypesRequested`: `all`, a `a,b` list, or `TYPE/NAME` args of different types. */
export function multipleTypesRequested(args: readonly string[]): boolean {
  const kinds = new Set<string>();
  for (const arg of args) {
    if (arg === "all") return true;
    const slash = arg.indexOf("/");
    if (slash < 0) {
      if (arg.includes(",") && new Set(arg.split(",")).size > 1) return true;
      continue;
    }
    kinds.add(arg.slice(0, slash));
  }
  return kinds.size > 1;
}

/** Options shared by `get` and the commands that list like it. */
export interface ListQuery {
  namespace: string | undefined;
  labels: LabelRequirement[];
  labelText: string;
  fields: FieldRequirement[];
  fieldText: string;
}

/** Lists one kind with selectors, or returns the API server's error. */
export function listKind(ctx: CommandContext, kind: KindInfo, q: ListQuery): { ok: true; objects: KObject[] } | { ok: false; error: string } {
  const fm = fieldMatcher(kind, q.fields);
  if (!fm.ok) return { ok: false, error: selectorListError(kind, q.labelText, q.fieldText, fm.message) };
  const all = ctx.cluster.store.list(kind.kind, kind.namespaced ? q.namespace : undefined);
  if (q.labels.length === 0 && q.fields.length === 0) return { ok: true, objects: all };
  return { ok: true, objects: all.filter((o) => matchesLabelQuery(o.metadata.labels, q.labels) && fm.matches(o)) };
}

function dedupe(requests: ResourceRequest[]): ResourceRequest[] {
  const out: ResourceRequest[] = [];
  for (const r of requests) {
    const same = out.find((x) => x.kind === r.kind && r.names.length === 0 && x.names.length === 0);
    if (!same) out.push(r);
  }
  return out;
}

/** Runs `kubectl get`. */
export function runGet(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const flags = args.flags;
  const output = flagString(flags, "output");
  const parsedFormat = parseOutputFormat(output, undefined, flagString(flags, "template"), flagBool(flags, "allow-missing-template-keys", true));
  if (!parsedFormat.ok) return fail(parsedFormat.error);
  const format = parsedFormat.format;
  if (flagStrings(flags, "filename").length > 0 || flagString(flags, "kustomize") !== "") {
    const path = flagStrings(flags, "filename")[0] ?? flagString(flags, "kustomize");
    return fail(`error: the path "${path}" does not exist`);
  }
  if (args.positionals.length === 0) return { stdout: "", stderr: REQUIRED_RESOURCE, exitCode: 1 };

  const allNamespaces = flagBool(flags, "all-namespaces");
  const labelText = flagString(flags, "selector");
  const fieldText = flagString(flags, "field-selector");
  const parsed = parseResourceArgs(args.positionals);
  if (!parsed.ok) return fail(parsed.error);
  const requests = dedupe(parsed.requests);
  const hasNames = requests.some((r) => r.names.length > 0);
  if (hasNames && labelText !== "") return fail("error: name cannot be provided when a selector is specified");
  if (hasNames && allNamespaces) return fail("error: a resource cannot be retrieved by name across all namespaces");

  const labels = parseLabelQuery(labelText);
  if (!labels.ok) return fail(labels.error);
  const fields = parseFieldSelector(fieldText);
  const query: ListQuery = { namespace: allNamespaces ? undefined : ctx.namespace, labels: labels.requirements, labelText, fields: fields.ok ? fields.requirements : [], fieldText };

  const errors: string[] = [];
  const groups: { kind: KindInfo; objects: KObject[] }[] = [];
  const ignoreNotFound = flagBool(flags, "ignore-not-found");
  for (const r of requests) {
    if (r.names.length > 0) {
      const objs: KObject[] = [];
      for (const name of r.names) {
        const obj = ctx.cluster.store.get(r.kind.kind, r.kind.namespaced ? ctx.namespace : undefined, name);
        if (obj) objs.push(obj);
        else if (!ignoreNotFound) errors.push(notFound(r.kind.kind, name));
      }
      const last = groups[groups.length - 1];
      if (last && last.kind === r.kind) last.objects.push(...objs);
      else groups.push({ kind: r.kind, objects: objs });
      continue;
    }
    if (!fields.ok) return fail(selectorListError(r.kind, labelText, fieldText, fields.error));
    const listed = listKind(ctx, r.kind, query);
    if (!listed.ok) return fail(listed.error);
    groups.push({ kind: r.kind, objects: listed.objects });
  }

  const sortBy = flagString(flags, "sort-by");
  if (sortBy !== "") {
    for (const g of groups) {
      if (g.objects.length === 0) continue;
      const sorted = sortObjects(g.objects, sortBy);
      if (!sorted.ok) return { stdout: "", stderr: errors.map((e) => e + "\n").join("") + sorted.error + "\n", exitCode: 1 };
      g.objects = sorted.objects;
    }
  }

  const stderr = errors.map((e) => e + "\n").join("");
  const exitCode = errors.length > 0 ? 1 : 0;
  const watchOnly = flagBool(flags, "watch-only");

  if (format.kind !== "table") {
    const objects = watchOnly ? [] : groups.flatMap((g) => g.objects);
    if (objects.length === 0 && errors.length > 0) return { stdout: "", stderr, exitCode };
    const single = requests.length === 1 && requests[0].names.length === 1 && !multipleTypesRequested(args.positionals);
    const printed = printObjects(format, objects, single, flagBool(flags, "no-headers"));
    if (!printed.ok) return { stdout: printed.text ?? "", stderr: stderr + printed.error, exitCode: 1 };
    return { stdout: printed.text, stderr, exitCode };
  }

  const noHeaders = flagBool(flags, "no-headers");
  const withKind = flagBool(flags, "show-kind") || multipleTypesRequested(args.positionals) || new Set(groups.map((g) => g.kind)).size > 1;
  const now = ctx.cluster.now();
  let stdout = "";
  if (!watchOnly) {
    for (const g of groups) {
      const rows = tableRows(g.kind, g.objects, now, {
        wide: format.wide,
        noHeaders,
        withNamespace: allNamespaces && g.kind.namespaced,
        withKind,
        showLabels: flagBool(flags, "show-labels"),
        labelColumns: flagStrings(flags, "label-columns"),
      });
      if (rows.length === 0) continue;
      if (stdout !== "" && !noHeaders) stdout += "\n";
      stdout += formatRows(rows);
    }
  }
  if (stdout === "" && errors.length === 0 && !ignoreNotFound && !watchOnly) {
    const allNamespaced = !allNamespaces && requests.every((r) => r.kind.namespaced);
    return { stdout: "", stderr: allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : "No resources found\n", exitCode: 0 };
  }
  return { stdout, stderr, exitCode };
}

/** `kubectl get`. */
export const getCommand: CommandSpec = {
  path: ["get"],
  short: "Display one or many resources",
  usage:
    "kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]",
  flags: GET_FLAGS,
  run: runGet,
};
