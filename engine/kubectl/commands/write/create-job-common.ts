/**
 * What `kubectl create job` and `kubectl create cronjob` share: their common flags, as
 * kubectl v1.32 declares them, and creating a generated object through the API (or printing
 * it under `--dry-run=client`).
 */
import type { KObject } from "../../../model/types";
import type { CommandContext, CommandResult, FlagDef, ParsedArgs } from "../../command";
import { kindInfo } from "../../../model/kinds";
import { apiCreate, formatFailure, type ApiFailure } from "../../manifests/api-server";
import { formatFieldError } from "../../manifests/field-errors";
import { dryRunOf, ensureNewline, outputOf, printWritten, result } from "./common";

/** The flags every `create` generator has, in kubectl's order (the command adds its own). */
export const CREATE_GENERATOR_FLAGS: FlagDef[] = [
  { name: "allow-missing-template-keys", type: "bool", default: true, description: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
  { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged", description: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' },
  { name: "field-manager", type: "string", default: "kubectl-create", description: "Name of the manager used to track field ownership." },
  { name: "output", short: "o", type: "string", default: "", description: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
  { name: "save-config", type: "bool", default: false, description: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
  { name: "show-managed-fields", type: "bool", default: false, description: "If true, keep the managedFields when printing objects in JSON or YAML format." },
  { name: "template", type: "string", default: "", description: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  {
    name: "validate",
    type: "string",
    default: "strict",
    noOptDefault: "strict",
    description:
      'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
  },
];

/** `NameFromCommandArgs`: exactly one NAME before any `--`. */
export function nameFromArgs(args: ParsedArgs, commandPath: string): { ok: true; name: string } | { ok: false; error: string } {
  if (args.positionals.length !== 1) {
    return { ok: false, error: `error: exactly one NAME is required, got ${args.positionals.length}\nSee '${commandPath} -h' for help and examples\n` };
  }
  return { ok: true, name: args.positionals[0] };
}

/**
 * The API server's Status message for a failure, as Go's `StatusError.Error()` reads
 * (`PriorityClass.scheduling.k8s.io "x" is invalid: …`, several causes in brackets).
 */
export function statusMessage(f: ApiFailure): string {
  if (!f.invalid) return f.message;
  const group = kindInfo(f.invalid.kind).apiVersion.split("/");
  const qualified = group.length === 2 ? `${f.invalid.kind}.${group[0]}` : f.invalid.kind;
  const causes = [...new Set(f.invalid.errors.map(formatFieldError))];
  return `${qualified} "${f.invalid.name}" is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(", ")}]`}`;
}

/**
 * Creates `obj` through the API (or prints it under `--dry-run=client`), printing as `create`
 * does. Generators that wrap the server's error (`fmt.Errorf("failed to create quota: %v", err)`)
 * pass kubectl's prefix as `wrap` (`failed to create quota:`; `create secret docker-registry`
 * has no colon); the others print the Status as `Error from server (…)`.
 */
export function createGeneratedObject(ctx: CommandContext, args: ParsedArgs, obj: KObject, wrap?: string): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  if (ctx.namespaceExplicit) obj.metadata.namespace = ctx.namespace;
  if (dry.dryRun === "client") {
    const shown = { ...obj, metadata: { ...obj.metadata, creationTimestamp: null } } as unknown as KObject;
    return result(printWritten([shown], "created", out.output, "client"), "");
  }
  const toCreate = structuredClone({ ...obj, metadata: { ...obj.metadata, namespace: obj.metadata.namespace ?? ctx.namespace } });
  const r = apiCreate(ctx.cluster, toCreate, dry.dryRun);
  if (!r.ok) {
    if (wrap !== undefined) return result("", `error: ${wrap} ${statusMessage(r.failure)}\n`);
    return result("", ensureNewline(formatFailure(r.failure)));
  }
  return result(printWritten([r.obj], "created", out.output, dry.dryRun), "");
}
