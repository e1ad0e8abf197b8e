/**
 * `kubectl apply -f -`: client-side apply. New objects are created with the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation; existing ones get the
 * three-way strategic merge patch of last-applied vs new configuration vs live object.
 *
 * `--server-side`: the object is sent as it is (no annotation) and merged into the live one
 * by the server, printed `serverside-applied`. The simulation keeps no managedFields, so it
 * neither reports conflicts with other field managers nor removes fields an earlier apply
 * set and this one leaves out.
 */
import type { KObject } from "../../../model/types";
import { kindInfo } from "../../../model/kinds";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool } from "../../args";
import { goJsonCompact } from "../../printers/go-json";
import { apiCreate, apiPatch, formatFailure, type DryRun } from "../../manifests/api-server";
import { applyStrategicMergePatch, createThreeWayMergePatch, deepClone, patchSchemaFor, PatchError, type JsonObject } from "../../patch";
import { resourceWithGroup } from "../../errors";
import { dryRunOf, ensureNewline, LAST_APPLIED_ANNOTATION, outputOf, printWritten, recordChangeCause, result, validationOf, warningLines, writeCommand } from "./common";
import type { FieldValidation } from "../../manifests/api-server";
import { stdinObjects } from "./stdin-objects";

/** The object as kubectl sends it: with the last-applied annotation holding its own JSON. */
export function withLastApplied(obj: KObject): KObject {
  const m = deepClone(obj);
  m.metadata.annotations = lastAppliedAnnotations(m);
  return m;
}

/**
 * The annotations `withLastApplied(obj)` gives, without copying the object: `obj`'s own
 * (undefined values left out, as a copy leaves them out) with the last-applied annotation
 * holding the JSON of `obj` carrying the others. The JSON printer skips undefined values as
 * the copy drops them, so it reads the object as it is.
 */
export function lastAppliedAnnotations(obj: KObject): Record<string, string> {
  const annotations: Record<string, string> = {};
  const own = obj.metadata.annotations;
  if (own) for (const k of Object.keys(own)) if (k !== LAST_APPLIED_ANNOTATION && own[k] !== undefined) annotations[k] = own[k];
  const applied = goJsonCompact({ ...obj, metadata: { ...obj.metadata, annotations } }) + "\n";
  return { ...annotations, [LAST_APPLIED_ANNOTATION]: applied };
}

function lastAppliedOf(live: KObject): JsonObject | null {
  const text = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!text) return null;
  try {
    // Anyone may overwrite the annotation: only a JSON object is a last-applied configuration.
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as JsonObject) : null;
  } catch {
    return null;
  }
}

/** Server-side apply of one object (see the file comment for what it leaves out). */
function applyServerSide(ctx: CommandContext, obj: KObject, dryRun: DryRun, validation: FieldValidation): { obj?: KObject; operation?: string; stderr: string } {
  const info = kindInfo(obj.kind);
  // kubectl sends every object as an apply patch (client-go refuses a nameless one), and names its errors after that.
  if (!obj.metadata.name) return { stderr: `error: error when serverside-apply "STDIN": resource name may not be empty\n` };
  const live = ctx.cluster.store.get(obj.kind, info.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
  const written = live
    ? apiPatch(ctx.cluster, obj.kind, obj.metadata.namespace, obj.metadata.name, "strategic", obj as unknown as JsonObject, dryRun, validation)
    : apiCreate(ctx.cluster, obj, dryRun, validation);
  if (!written.ok) return { stderr: formatFailure(written.failure, { verb: "serverside-apply", source: "STDIN" }) };
  return { obj: written.obj, operation: "serverside-applied", stderr: warningLines(written.warnings) };
}

/** Applies one object; returns the line printed (or the object) and any error/warning text. */
function applyOne(ctx: CommandContext, obj: KObject, dryRun: DryRun, validation: FieldValidation): { obj?: KObject; operation?: string; stderr: string } {
  const info = kindInfo(obj.kind);
  const modified = withLastApplied(obj);
  const live = ctx.cluster.store.get(obj.kind, info.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name ?? "");
  if (!obj.metadata.name) {
    return {
      stderr: `error: error when retrieving current configuration of:\nResource: "${info.apiVersion.includes("/") ? info.apiVersion : "/" + info.apiVersion}, Resource=${info.resource}", GroupVersionKind: "${info.apiVersion}, Kind=${info.kind}"\nName: "", Namespace: "${obj.metadata.namespace ?? ""}"\nfrom server for: "STDIN": resource name may not be empty\n`,
    };
  }
  if (!live) {
    const created = apiCreate(ctx.cluster, modified, dryRun, validation);
    if (!created.ok) return { stderr: formatFailure(created.failure, { verb: "creating", source: "STDIN" }) };
    return { obj: created.obj, operation: "created", stderr: warningLines(created.warnings) };
  }
  let warning = "";
  const original = lastAppliedOf(live);
  if (!original) {
    warning = `Warning: resource ${resourceWithGroup(obj.kind)}/${obj.metadata.name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
  }
  const schema = patchSchemaFor(obj.kind);
  let patch: JsonObject;
  try {
    patch = createThreeWayMergePatch(original, modified as unknown as JsonObject, live as unknown as JsonObject, schema);
  } catch (e) {
    if (e instanceof PatchError) return { stderr: warning + `error: ${e.message}\n` };
    throw e;
  }
  if (Object.keys(patch).length === 0) return { obj: live, operation: "unchanged", stderr: warning };
  if (dryRun === "client") {
    try {
      const local = applyStrategicMergePatch(live as unknown as JsonObject, patch, schema) as unknown as KObject;
      return { obj: local, operation: "configured", stderr: warning };
    } catch (e) {
      // A patch the local merge refuses is reported as kubectl reports a patch it cannot compute.
      if (e instanceof PatchError) return { stderr: warning + `error: ${e.message}\n` };
      throw e;
    }
  }
  const patched = apiPatch(ctx.cluster, obj.kind, obj.metadata.namespace, obj.metadata.name, "strategic", patch, dryRun, validation);
  if (!patched.ok) return { stderr: warning + formatFailure(patched.failure, { verb: "patching", source: "STDIN" }) };
  return { obj: patched.obj, operation: "configured", stderr: warning + warningLines(patched.warnings) };
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const validate = validationOf(args);
  if (!validate.ok) return result("", validate.error);
  const serverSide = flagBool(args.flags, "server-side");
  if (flagBool(args.flags, "force-conflicts") && !serverSide) return result("", "error: --force-conflicts only works with --server-side\n");
  if (serverSide && dry.dryRun === "client") return result("", "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n");
  if (serverSide && flagBool(args.flags, "force")) return result("", "error: --force cannot be used with --server-side\n");
  const read = stdinObjects(ctx, args, "apply");
  if (!read.ok) return result("", read.error);
  let stdout = "";
  let stderr = "";
  let failed = read.errors.length > 0;
  for (const obj of read.objects) {
    recordChangeCause(obj, ["apply"], args);
    const r = serverSide ? applyServerSide(ctx, obj, dry.dryRun, validate.validation) : applyOne(ctx, obj, dry.dryRun, validate.validation);
    if (r.obj && r.operation) stdout += printWritten([r.obj], r.operation, out.output, dry.dryRun);
    if (r.stderr) {
      stderr += ensureNewline(r.stderr);
      if (!r.stderr.startsWith("Warning:") || !r.obj) failed = true;
    }
  }
  stderr += read.errors.join("");
  return result(stdout, stderr, failed);
}

/** `kubectl apply`. */
export const applyCommand = writeCommand("apply", run);
