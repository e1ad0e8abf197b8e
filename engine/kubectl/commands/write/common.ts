/**
 * What kubectl's write commands share: the name printer (`deployment.apps/web configured`),
 * `--dry-run` and `-o` handling, resource arguments (`TYPE NAME…`, `TYPE/NAME`, `-l`, `--all`,
 * `-f -`), the `--record` change cause, and kubectl's error texts for them.
 */
import type { KindInfo, KObject } from "../../../model/types";
import { kindInfo } from "../../../model/kinds";
import { matchesLabelQuery, parseLabelQuery } from "../../../model/labels";
import type { CommandContext, CommandResult, CommandSpec, FlagDef, ParsedArgs } from "../../command";
import { flagBool, flagString, flagStrings, goQuote } from "../../args";
import { parseResourceArgs } from "../../resource-args";
import { notFound } from "../../errors";
import { goYaml } from "../../printers/go-yaml";
import { goJsonIndent } from "../../printers/go-json";
import { goTemplatePrinterFor, parseGoTemplate, printGoTemplate, TEMPLATE_FORMATS } from "../../printers/go-template";
import { parseManifests } from "../../manifests/parse-manifests";
import type { DryRun, FieldValidation } from "../../manifests/api-server";
import { WRITE_DECLARATIONS } from "./declarations";

/** The change-cause annotation `--record` writes. */
export const CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
/** The annotation `kubectl apply` keeps the last applied configuration in. */
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

/** Commands that still accept the deprecated, hidden `--record` flag (kubectl's `RecordFlags`). */
const RECORDING = new Set([
  "apply", "create", "replace", "edit", "patch", "scale", "autoscale", "label", "annotate", "expose", "run",
  "set image", "set env", "set resources", "set selector", "set serviceaccount",
]);

/** The hidden `--record` flag. */
const RECORD_FLAG: FlagDef = {
  name: "record",
  type: "bool",
  default: false,
  description: "Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.",
};

/** pflag's notice when a deprecated flag is used. */
export const RECORD_DEPRECATED = "Flag --record has been deprecated, --record will be removed in the future\n";

/** Builds a CommandSpec from the generated declaration of `path` and a run function. */
export function writeCommand(path: string, run: CommandSpec["run"], aliases?: string[]): CommandSpec {
  const d = WRITE_DECLARATIONS[path];
  if (!d) throw new Error(`no declaration for ${path}`);
  const recording = RECORDING.has(path);
  const flags = recording ? [...d.flags, RECORD_FLAG] : d.flags;
  const wrapped: CommandSpec["run"] = recording
    ? (ctx, args) => {
        const r = run(ctx, args);
        return args.flags.record === true ? { ...r, stderr: RECORD_DEPRECATED + r.stderr } : r;
      }
    : run;
  return { path: path.split(" "), short: d.short, usage: d.usage, flags, run: wrapped, ...(aliases ? { aliases } : {}) };
}

/** A result with stdout and stderr (exit 1 when there is any error text). */
export function result(stdout: string, stderr: string, failed = stderr !== ""): CommandResult {
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}

/** `error: …` with a newline. */
export function errorLine(message: string): string {
  return message.startsWith("error: ") || message.startsWith("Error from server") ? ensureNewline(message) : `error: ${ensureNewline(message)}`;
}

/** Appends a newline when missing. */
export function ensureNewline(s: string): string {
  return s === "" || s.endsWith("\n") ? s : s + "\n";
}

/**
 * kubectl's report of a cobra-level failure (a required flag), written by klog at the
 * virtual time: `E1126 15:13:01.000000    4242 run.go:72] "command failed" err="…"`.
 */
export function commandFailed(ctx: CommandContext, message: string): CommandResult {
  const d = new Date(ctx.cluster.now());
  const two = (n: number) => String(n).padStart(2, "0");
  const stamp = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, "0")}`;
  return result("", `E${stamp}    4242 run.go:72] "command failed" err=${goQuote(message)}\n`, true);
}

/** `deployment.apps` / `pod`: the resource string kubectl's name printer uses. */
export function kindPrefixOf(info: KindInfo): string {
  const group = info.apiVersion.includes("/") ? info.apiVersion.split("/")[0] : "";
  return group ? `${info.kind.toLowerCase()}.${group}` : info.kind.toLowerCase();
}

/** `deployment.apps/web` */
export function nameRef(obj: KObject): string {
  return `${kindPrefixOf(kindInfo(obj.kind))}/${obj.metadata.name}`;
}

/** Parses `--dry-run` as `cmdutil.GetDryRunStrategy` does. */
export function dryRunOf(args: ParsedArgs): { ok: true; dryRun: DryRun } | { ok: false; error: string } {
  const v = flagString(args.flags, "dry-run", "none");
  switch (v) {
    case "none":
    case "false":
    case "":
      return { ok: true, dryRun: "none" };
    case "client":
    case "unchanged":
    case "true":
      return { ok: true, dryRun: "client" };
    case "server":
      return { ok: true, dryRun: "server" };
    default:
      return { ok: false, error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".\n` };
  }
}

/** The suffix the name printer adds under `--dry-run`. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
}

/**
 * Checks `-o`: the formats write commands print (`yaml`, `json`, `name`, and Go templates:
 * `-o go-template=…`, `-o template`, `--template`) or kubectl's error. A template comes back as
 * `go-template=TEMPLATE` (`go-template!=TEMPLATE` under `--allow-missing-template-keys=false`),
 * already checked to parse, for {@link printWritten}.
 */
export function outputOf(args: ParsedArgs): { ok: true; output: string } | { ok: false; error: string } {
  const o = flagString(args.flags, "output");
  const template = flagString(args.flags, "template");
  if (TEMPLATE_FORMATS.includes(o.split("=")[0]) || (o === "" && template !== "")) {
    const allowMissing = flagBool(args.flags, "allow-missing-template-keys", true);
    const printer = goTemplatePrinterFor(o === "" ? "go-template" : o, template, allowMissing);
    if (printer && !printer.ok) return { ok: false, error: printer.error + "\n" };
    if (printer) return { ok: true, output: `go-template${allowMissing ? "" : "!"}=${printer.printer.source}` };
  }
  if (o === "" || o === "yaml" || o === "json" || o === "name") return { ok: true, output: o };
  return {
    ok: false,
    error: `error: unable to match a printer suitable for the output format "${o}", allowed formats are: json,name,yaml\n`,
  };
}

/** Prints objects after a write: `-o yaml|json|name`, else `<ref> <operation>[ (dry run)]`. */
export function printWritten(objects: KObject[], operation: string, output: string, dryRun: DryRun): string {
  if (objects.length === 0) return "";
  if (output.startsWith("go-template=") || output.startsWith("go-template!=")) {
    const strict = output.startsWith("go-template!=");
    const parsed = parseGoTemplate(output.slice(strict ? 13 : 12), !strict);
    if (!parsed.ok) return "";
    return objects.map((o) => printGoTemplate(parsed.printer, o).text).join("");
  }
  switch (output) {
    case "yaml":
      return objects.map((o) => goYaml(o)).join("---\n");
    case "json":
      return objects.length === 1 ? goJsonIndent(objects[0]) : goJsonIndent({ apiVersion: "v1", items: objects, kind: "List", metadata: { resourceVersion: "" } });
    case "name":
      return objects.map((o) => `${nameRef(o)}\n`).join("");
    default:
      return objects.map((o) => `${nameRef(o)} ${operation}${dryRunSuffix(dryRun)}\n`).join("");
  }
}

/** The `--record` change cause: the command line as kubectl rebuilds it (`kubectl set image deployment/web app=nginx:1.27 --record=true`). */
export function changeCause(path: string[], args: ParsedArgs): string {
  const words = ["kubectl", ...path, ...args.positionals];
  for (const [k, v] of Object.entries(args.flags)) {
    if (v === undefined || k === "record") continue;
    const decl = Object.values(WRITE_DECLARATIONS[path.join(" ")]?.flags ?? []).find((f) => f.name === k);
    if (!decl || JSON.stringify(decl.default) === JSON.stringify(v)) continue;
    if (Array.isArray(v)) for (const x of v) words.push(`--${k}=${x}`);
    else words.push(`--${k}=${v}`);
  }
  words.push("--record=true");
  return words.join(" ");
}

/** Sets the change-cause annotation on `obj` when `--record` was given. */
export function recordChangeCause(obj: KObject, path: string[], args: ParsedArgs): void {
  if (!flagBool(args.flags, "record")) return;
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: changeCause(path, args) };
}

/** The objects a command acts on, the errors kubectl reports for the ones it cannot find, or a fatal error. */
export type Targets = { ok: true; objects: KObject[]; errors: string[]; single: boolean } | { ok: false; error: string };

/** Options for {@link resolveTargets}. */
export interface TargetOptions {
  /** Whether `-l`/`--all` may stand in for names. */
  selectors?: boolean;
  /** Whether a resource type without names selects every object of it (the builder's `ResourceTypeOrNameArgs(true, …)`, as the rollout commands call it). */
  typeSelectsAll?: boolean;
  /** The error text when nothing names a resource at all. */
  noResources?: string;
  /** Only the first positionals are resources; the rest are pairs (`KEY=VALUE`), given back to the caller. */
  positionals?: string[];
}

/** The message kubectl's builder prints when no resource is named. */
export const YOU_MUST_PROVIDE =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

/** kubectl's message for `-f` with a path (there is no filesystem in the simulation). */
export function pathDoesNotExist(path: string): string {
  return `error: the path "${path}" does not exist\n`;
}

/**
 * Resolves `TYPE NAME…`, `TYPE/NAME…`, `-l`, `--all` and `-f -` to live objects, in the order
 * kubectl visits them.
 */
export function resolveTargets(ctx: CommandContext, args: ParsedArgs, options: TargetOptions = {}): Targets {
  const positionals = options.positionals ?? args.positionals;
  const files = flagStrings(args.flags, "filename");
  const selector = flagString(args.flags, "selector");
  const all = flagBool(args.flags, "all");
  const allNamespaces = flagBool(args.flags, "all-namespaces");
  const store = ctx.cluster.store;
  if (files.length > 0) {
    if (positionals.length > 0) return { ok: false, error: "error: Unexpected args: " + `[${positionals.join(" ")}]` + "\nSee 'kubectl -h' for help and examples\n" };
    const objects: KObject[] = [];
    const errors: string[] = [];
    for (const f of files) {
      if (f !== "-") return { ok: false, error: pathDoesNotExist(f) };
      const parsed = parseManifests(ctx.stdin ?? "");
      if (!parsed.ok) return { ok: false, error: ensureNewline(parsed.error) };
      errors.push(...parsed.errors.map(ensureNewline));
      for (const { obj, info } of parsed.objects) {
        if (!obj.metadata.name) {
          errors.push("error: resource name may not be empty\n");
          continue;
        }
        const ns = info.namespaced ? obj.metadata.namespace || ctx.namespace : undefined;
        const live = store.get(info.kind, ns, obj.metadata.name);
        if (live) objects.push(live);
        else errors.push(notFound(info.kind, obj.metadata.name) + "\n");
      }
    }
    if (objects.length === 0 && errors.length === 0) return { ok: false, error: "error: no objects passed to apply\n" };
    return { ok: true, objects, errors, single: objects.length === 1 };
  }
  if (positionals.length === 0) return { ok: false, error: options.noResources ?? YOU_MUST_PROVIDE };
  const parsed = parseResourceArgs(positionals);
  if (!parsed.ok) return { ok: false, error: ensureNewline(parsed.error) };
  const objects: KObject[] = [];
  const errors: string[] = [];
  const namedAny = parsed.requests.some((r) => r.names.length > 0);
  if (!namedAny && !options.typeSelectsAll && !(options.selectors && (selector !== "" || all))) {
    return { ok: false, error: "error: resource(s) were provided, but no name was specified\n" };
  }
  if (namedAny && (selector !== "" || all) && options.selectors) {
    return { ok: false, error: "error: name cannot be provided when a selector is specified\n" };
  }
  let reqs: ReturnType<typeof parseLabelQuery> | undefined;
  if (selector !== "") {
    reqs = parseLabelQuery(selector);
    if (!reqs.ok) return { ok: false, error: ensureNewline(reqs.error) };
  }
  for (const r of parsed.requests) {
    const ns = r.kind.namespaced ? (allNamespaces ? undefined : ctx.namespace) : undefined;
    if (r.names.length === 0) {
      for (const o of store.list(r.kind.kind, ns)) {
        if (reqs && reqs.ok && !matchesLabelQuery(o.metadata.labels, reqs.requirements)) continue;
        objects.push(o);
      }
      continue;
    }
    for (const name of r.names) {
      const o = store.get(r.kind.kind, ns, name);
      if (o) objects.push(o);
      else errors.push(notFound(r.kind.kind, name) + "\n");
    }
  }
  const single = parsed.requests.length === 1 && parsed.requests[0].names.length === 1;
  return { ok: true, objects, errors, single };
}

/** `No resources found in shop namespace.` for an empty selection. */
export function noResourcesFound(ctx: CommandContext, args: ParsedArgs): string {
  return flagBool(args.flags, "all-namespaces") ? "No resources found\n" : `No resources found in ${ctx.namespace} namespace.\n`;
}

/** The pod template of a workload (or a Pod's own spec, wrapped), for the `set` commands. */
export function podTemplateOf(obj: KObject): { spec: import("../../../model/types").PodSpec; metadata?: Record<string, unknown> } | undefined {
  switch (obj.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
      return obj.spec?.template;
    case "CronJob":
      return obj.spec?.jobTemplate?.spec?.template;
    case "Pod":
      return { spec: obj.spec, metadata: obj.metadata as Record<string, unknown> };
    default:
      return undefined;
  }
}

/**
 * `--validate` (kubectl's `GetValidationDirective`): strict (or true), warn, ignore (or false),
 * case-insensitive, sent to the server as the request's field validation.
 */
export function validationOf(args: ParsedArgs): { ok: true; validation: FieldValidation } | { ok: false; error: string } {
  const raw = flagString(args.flags, "validate") ?? "strict";
  switch (raw.toLowerCase()) {
    case "strict":
    case "true":
      return { ok: true, validation: "Strict" };
    case "warn":
      return { ok: true, validation: "Warn" };
    case "ignore":
    case "false":
      return { ok: true, validation: "Ignore" };
    default:
      return { ok: false, error: `error: invalid - validate option ${goQuote(raw)}; must be one of: strict (or true), warn, ignore (or false)\n` };
  }
}

/** kubectl's lines for the server's warnings (`Warning: unknown field "spec.foo"`). */
export function warningLines(warnings: readonly string[] | undefined): string {
  return (warnings ?? []).map((w) => `Warning: ${w}\n`).join("");
}
