/**
 * `kubectl wait` (kubectl v1.32's `pkg/cmd/wait`): waits, on the virtual clock, until every
 * given object meets `--for` (a status condition, a JSONPath value, deletion or creation) or
 * `--timeout` passes, printing `pod/web-1 condition met` for each object as it does.
 *
 * Objects are visited one after another, each fetched when its turn comes, and the timeout is
 * one deadline for the whole command, as in kubectl. Errors do not stop the visit (the
 * resource builder continues on error); they are printed at the end as kubectl's `CheckErr`
 * prints an aggregate. (Real kubectl writes the `condition met` lines before the errors; the
 * simulated terminal shows a command's stderr before its stdout.)
 */
import type { KindInfo, KObject } from "../../../model/types";
import { parseLabelQuery } from "../../../model/labels";
import { kindInfo } from "../../../model/kinds";
import type { CommandContext, CommandResult, CommandSpec, FlagDef, ParsedArgs } from "../../command";
import { flagBool, flagInt, flagString, flagStrings } from "../../args";
import { notFound } from "../../errors";
import { parseResourceArgs } from "../../resource-args";
import { goJsonIndent } from "../../printers/go-json";
import { goYaml } from "../../printers/go-yaml";
import { executeJsonPath, JsonPathError } from "../../printers/jsonpath";
import { printGoTemplate } from "../../printers/go-template";
import { objectName, parseOutputFormat, type OutputFormat } from "../../printers/output";
import { parseFieldSelector } from "../read/field-selector";
import { listKind } from "../read/get";
import { resolveTargets, YOU_MUST_PROVIDE } from "../write/common";
import { checkObject, parseWaitFor, type WaitFor } from "./wait-for";
import { pollUntil, waitUntil } from "./wait-clock";

/** The formats `kubectl wait -o` lists in its error for an unknown one. */
const WAIT_OUTPUT_FORMATS = "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

/** `--timeout` when not given: 30s. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** A negative `--timeout` means a week. */
const A_WEEK_MS = 168 * 3600_000;
/**
 * The longest a wait runs the cluster for, whatever `--timeout` says. Each virtual hour costs
 * real CPU (every timer of every controller fires) and is paid again on each replay of the
 * attempt; a learner would have interrupted a real kubectl long before. A wait that reaches it
 * ends as a timeout would.
 */
export const MAX_VIRTUAL_WAIT_MS = 3600_000;
/** How often `--for=create` looks for the objects. */
const CREATE_POLL_MS = 500;

const LOCAL_RESOURCE_ERROR =
  "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n";

/** `kubectl wait`'s flags, as `kubectl wait --help` lists them. */
const WAIT_FLAGS: FlagDef[] = [
  { name: "all", type: "bool", default: false, description: "Select all resources in the namespace of the specified resource types" },
  { name: "all-namespaces", short: "A", type: "bool", default: false, description: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
  { name: "allow-missing-template-keys", type: "bool", default: true, description: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
  { name: "field-selector", type: "string", default: "", description: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
  { name: "filename", short: "f", type: "stringSlice", default: [], description: "identifying the resource." },
  { name: "for", type: "string", default: "", description: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
  { name: "local", type: "bool", default: false, description: "If true, annotation will NOT contact api-server but run locally." },
  { name: "output", short: "o", type: "string", default: "", description: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
  { name: "recursive", short: "R", type: "bool", default: true, description: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
  { name: "selector", short: "l", type: "string", default: "", description: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)" },
  { name: "show-managed-fields", type: "bool", default: false, description: "If true, keep the managedFields when printing objects in JSON or YAML format." },
  { name: "template", type: "string", default: "", description: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  { name: "timeout", type: "duration", default: DEFAULT_TIMEOUT_MS, description: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week." },
];

/** One object to wait on, as kubectl's resource builder hands it over. */
interface Info {
  kind: KindInfo;
  namespace: string | undefined;
  name: string;
  obj: KObject;
}

/** One group of objects the builder visits in turn: named objects, or a kind listed with selectors. */
type Visit = { kind: KindInfo; names: string[] } | { kind: KindInfo; selector: true } | { files: true };

/** What visiting one group found (fetched at the moment of the visit). */
interface Found {
  infos: Info[];
  errors: string[];
}

/** The resource arguments, checked as kubectl's builder checks them before visiting. */
function planVisits(args: ParsedArgs): { ok: true; visits: Visit[] } | { ok: false; error: string } {
  const files = flagStrings(args.flags, "filename");
  const local = flagBool(args.flags, "local");
  if (local && args.positionals.length > 0) return { ok: false, error: LOCAL_RESOURCE_ERROR };
  if (files.length > 0) return { ok: true, visits: [{ files: true }] };
  if (args.positionals.length === 0 || local) return { ok: false, error: YOU_MUST_PROVIDE };
  const parsed = parseResourceArgs(args.positionals);
  if (!parsed.ok) return { ok: false, error: parsed.error.endsWith("\n") ? parsed.error : parsed.error + "\n" };
  const selecting = flagBool(args.flags, "all") || flagString(args.flags, "selector") !== "" || flagString(args.flags, "field-selector") !== "";
  const named = parsed.requests.some((r) => r.names.length > 0);
  if (selecting) {
    if (args.positionals.some((a) => a.includes("/"))) return { ok: false, error: "error: selectors and the all flag cannot be used when passing resource/name arguments\n" };
    if (named) return { ok: false, error: "error: name cannot be provided when a selector is specified\n" };
    return { ok: true, visits: parsed.requests.map((r) => ({ kind: r.kind, selector: true as const })) };
  }
  if (!named) return { ok: false, error: "error: resource(s) were provided, but no name was specified\n" };
  if (flagBool(args.flags, "all-namespaces") && parsed.requests.some((r) => r.kind.namespaced)) {
    return { ok: false, error: "error: a resource cannot be retrieved by name across all namespaces\n" };
  }
  // Each named object is fetched when its turn comes (it may appear while an earlier one is waited on).
  return { ok: true, visits: parsed.requests.flatMap((r) => r.names.map((name) => ({ kind: r.kind, names: [name] }))) };
}

/** Fetches the objects of one visit now: a GET per name, or a LIST with the selectors. */
function fetch(ctx: CommandContext, args: ParsedArgs, visit: Visit): Found {
  const store = ctx.cluster.store;
  if ("files" in visit) {
    const t = resolveTargets(ctx, args);
    // An empty `-f -` gives the builder nothing to visit (then "no matching resources found").
    if (!t.ok && t.error.startsWith("error: no objects passed to")) return { infos: [], errors: [] };
    if (!t.ok) return { infos: [], errors: [stripError(t.error)] };
    return { infos: t.objects.map((obj) => infoOf(obj)), errors: t.errors.map(stripError) };
  }
  const ns = visit.kind.namespaced ? ctx.namespace : undefined;
  if ("names" in visit) {
    const found: Found = { infos: [], errors: [] };
    for (const name of visit.names) {
      const obj = store.get(visit.kind.kind, ns, name);
      if (obj) found.infos.push({ kind: visit.kind, namespace: ns, name, obj });
      else found.errors.push(notFound(visit.kind.kind, name));
    }
    return found;
  }
  const all = flagBool(args.flags, "all");
  const labelText = all ? "" : flagString(args.flags, "selector");
  const fieldText = flagString(args.flags, "field-selector");
  const labels = parseLabelQuery(labelText);
  if (!labels.ok) return { infos: [], errors: [stripError(labels.error)] };
  const fields = parseFieldSelector(fieldText);
  if (!fields.ok) return { infos: [], errors: [stripError(fields.error)] };
  const listed = listKind(ctx, visit.kind, {
    namespace: flagBool(args.flags, "all-namespaces") ? undefined : ctx.namespace,
    labels: labels.requirements,
    labelText,
    fields: fields.requirements,
    fieldText,
  });
  if (!listed.ok) return { infos: [], errors: [stripError(listed.error)] };
  return { infos: listed.objects.map((obj) => ({ kind: visit.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, obj })), errors: [] };
}

function infoOf(obj: KObject): Info {
  return { kind: kindInfo(obj.kind), namespace: obj.metadata.namespace, name: obj.metadata.name, obj };
}


/** An error's message without kubectl's `error: ` prefix and newline (as it sits in an aggregate). */
function stripError(text: string): string {
  const t = text.endsWith("\n") ? text.slice(0, -1) : text;
  return t.startsWith("error: ") ? t.slice("error: ".length) : t;
}

/** What `CheckErr` prints for the errors of a visit: one as `error: …`, several one per line. */
function errorText(errors: readonly string[]): string {
  if (errors.length === 1) {
    const e = errors[0];
    return e.startsWith("Error from server") ? e + "\n" : `error: ${e}\n`;
  }
  return errors.map((e) => e + "\n").join("");
}

/** Prints one object the wait succeeded on, with `-o` (default: `pod/web condition met`). */
function printMet(format: OutputFormat, obj: KObject, index: number): string {
  switch (format.kind) {
    case "table":
      return `${objectName(obj)} condition met\n`;
    case "name":
      return `${objectName(obj)}\n`;
    case "yaml":
      return (index > 0 ? "---\n" : "") + goYaml(obj);
    case "json":
      return goJsonIndent(obj);
    case "jsonpath":
      try {
        return executeJsonPath(format.template, obj, format.asJson);
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        return "";
      }
    case "go-template":
      return printGoTemplate(format.printer, obj).text;
    default:
      return `${objectName(obj)}\n`;
  }
}

/** The end of one object's wait: met (the object to print) or an error message. */
type Outcome = { met: KObject } | { error: string };

/** kubectl's `extendErrWaitTimeout`: `timed out waiting for the condition on pods/web`. */
function timedOut(info: Info): string {
  return `timed out waiting for the condition on ${info.kind.resource}/${info.name}`;
}

/** `condition=` and `jsonpath=` (kubectl's `getObjAndCheckCondition`). */
function waitForCondition(ctx: CommandContext, waitFor: Extract<WaitFor, { type: "condition" | "jsonpath" }>, info: Info, timeoutMs: number, deadlineMs: number): Outcome {
  const store = ctx.cluster.store;
  if (timeoutMs === 0) {
    const r = checkObject(waitFor, info.obj);
    if (r.error !== undefined) return { error: r.error };
    return r.met ? { met: info.obj } : { error: `condition not met for ${info.kind.resource}/${info.name}` };
  }
  if (ctx.cluster.now() >= deadlineMs) return { error: timedOut(info) };
  let outcome: Outcome | undefined;
  waitUntil(ctx.cluster, deadlineMs, () => {
    // The watch follows the name: a deleted object is waited for again under the same name.
    const cur = store.get(info.kind.kind, info.namespace, info.name);
    if (!cur) return false;
    const r = checkObject(waitFor, cur);
    if (r.error !== undefined) outcome = { error: r.error };
    else if (r.met) outcome = { met: cur };
    return outcome !== undefined;
  });
  return outcome ?? { error: timedOut(info) };
}

/** `--for=delete` (kubectl's `IsDeleted`): gone, or replaced by another object of that name. */
function waitForDeletion(ctx: CommandContext, info: Info, timeoutMs: number, deadlineMs: number): Outcome {
  const store = ctx.cluster.store;
  const uid = info.obj.metadata.uid;
  const gone = () => {
    const cur = store.get(info.kind.kind, info.namespace, info.name);
    return !cur || cur.metadata.uid !== uid;
  };
  if (gone()) return { met: info.obj };
  if (timeoutMs === 0) return { error: `condition not met for ${info.kind.resource}/${info.name}` };
  if (ctx.cluster.now() >= deadlineMs) return { error: timedOut(info) };
  return waitUntil(ctx.cluster, deadlineMs, gone) ? { met: info.obj } : { error: timedOut(info) };
}

/** Runs `kubectl wait`. */
export function runWait(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const output = parseOutputFormat(flagString(args.flags, "output"), WAIT_OUTPUT_FORMATS, flagString(args.flags, "template"));
  if (!output.ok) return fail(output.error);
  const parsedFor = parseWaitFor(flagString(args.flags, "for"));
  if (!parsedFor.ok) return fail(parsedFor.error);
  const waitFor = parsedFor.waitFor;
  let timeoutMs = flagInt(args.flags, "timeout", DEFAULT_TIMEOUT_MS);
  if (timeoutMs < 0) timeoutMs = A_WEEK_MS;
  timeoutMs = Math.min(timeoutMs, MAX_VIRTUAL_WAIT_MS);
  const plan = planVisits(args);
  if (!plan.ok) return fail(plan.error);
  const deadlineMs = ctx.cluster.now() + timeoutMs;

  if (waitFor.type === "create") {
    // Polls every 0.5s until every named object exists (one missing object keeps it polling).
    const ready = pollUntil(ctx.cluster, CREATE_POLL_MS, deadlineMs, (): { errors: string[] } | undefined => {
      const errors = plan.visits.flatMap((v) => fetch(ctx, args, v).errors);
      if (errors.length === 1 && isNotFound(errors[0])) return undefined;
      return { errors };
    });
    if (!ready) return fail("error: timed out waiting for the condition\n");
    if (ready.errors.length > 0) return fail(errorText(ready.errors));
  }

  let stdout = "";
  const errors: string[] = [];
  let visited = 0;
  let printed = 0;
  for (const visit of plan.visits) {
    const found = fetch(ctx, args, visit);
    for (const e of found.errors) if (!(waitFor.type === "delete" && isNotFound(e))) errors.push(e);
    for (const info of found.infos) {
      visited++;
      const outcome: Outcome =
        waitFor.type === "create"
          ? { met: info.obj }
          : waitFor.type === "delete"
            ? waitForDeletion(ctx, info, timeoutMs, deadlineMs)
            : waitForCondition(ctx, waitFor, info, timeoutMs, deadlineMs);
      if ("met" in outcome) stdout += printMet(output.format, outcome.met, printed++);
      else errors.push(outcome.error);
    }
  }
  if (errors.length > 0) return { stdout, stderr: errorText(errors), exitCode: 1, stdoutFirst: true }; // results as they came, then the errors
  if (visited === 0 && waitFor.type !== "delete") return { stdout, stderr: "error: no matching resources found\n", exitCode: 1 };
  return { stdout, stderr: "", exitCode: 0 };
}

function isNotFound(error: string): boolean {
  return error.startsWith("Error from server (NotFound)");
}

function fail(stderr: string): CommandResult {
  return { stdout: "", stderr: stderr.endsWith("\n") ? stderr : stderr + "\n", exitCode: 1 };
}

/** `kubectl wait`. */
export const waitCommand: CommandSpec = {
  path: ["wait"],
  short: "Experimental: Wait for a specific condition on one or many resources",
  usage:
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: WAIT_FLAGS,
  run: runWait,
};
