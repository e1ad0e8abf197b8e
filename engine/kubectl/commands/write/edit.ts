/**
 * `kubectl edit`: opens the object's YAML (with kubectl's header comment) in an editor, and,
 * when the editor is saved, sends the strategic merge patch of the differences
 * ({@link applyEditedYaml}).
 */
import type { KObject } from "../../../model/types";
import { kindInfo } from "../../../model/kinds";
import { fnv1a32 } from "../../../runtime/random";
import type { CommandContext, CommandResult, EditRequest, ParsedArgs } from "../../command";
import { goYaml } from "../../printers/go-yaml";
import { parseManifests } from "../../manifests/parse-manifests";
import { apiPatch, formatFailure } from "../../manifests/api-server";
import { errorBody } from "../../manifests/field-errors";
import { createTwoWayMergePatch, deepEqual, patchSchemaFor, type JsonObject } from "../../patch";
import { resourceWithGroup } from "../../errors";
import { ensureNewline, nameRef, resolveTargets, result, writeCommand } from "./common";

/** The comment kubectl puts at the top of the file it opens. */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  "# and an empty file will abort the edit. If an error occurs while saving this file will be\n" +
  "# reopened with the relevant failures.\n" +
  "#\n";

/** The object as `kubectl edit` shows it (managedFields are hidden). */
export function editableYaml(obj: KObject): string {
  const shown = { ...obj, metadata: { ...obj.metadata } };
  delete shown.metadata.managedFields;
  return EDIT_HEADER + goYaml(shown);
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const targets = resolveTargets(ctx, args);
  if (!targets.ok) return result("", targets.error);
  if (targets.objects.length === 0) return result("", targets.errors.join("") || "error: edit cancelled, no objects found\n");
  const obj = targets.objects[0];
  const edit: EditRequest = { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, yaml: editableYaml(obj) };
  return { stdout: "", stderr: targets.errors.join(""), exitCode: 0, edit };
}

/** `kubectl edit`. */
export const editCommand = writeCommand("edit", run);

/** kubectl's `StripComments`: drops lines whose first non-blank character is `#`. */
export function stripComments(text: string): string {
  return text
    .split("\n")
    .filter((l) => !l.trim().startsWith("#"))
    .join("\n");
}

function hasContent(text: string): boolean {
  return text.split("\n").some((l) => {
    const t = l.trim();
    return t.length > 0 && !t.startsWith("#");
  });
}

/** Where kubectl says it kept a copy of the learner's changes (named from the content, deterministically). */
export function editCopyPath(yamlText: string): string {
  return `/tmp/kubectl-edit-${fnv1a32(yamlText)}.yaml`;
}

function reopen(edit: EditRequest, reasons: string[], edited: string): EditRequest {
  const header = EDIT_HEADER + reasons.map((r) => `${r}\n#\n`).join("");
  return { ...edit, yaml: header + stripComments(edited).replace(/^\n+/, "") };
}

/**
 * What `kubectl edit` does when the editor is saved with `yamlText`: nothing when unchanged
 * (`Edit cancelled, no changes made.`), kubectl's error for text it cannot parse or a change
 * the server refuses (nothing changes; `edit` carries the file reopened with the reasons),
 * else the strategic merge patch of the differences (`deployment.apps/web edited`).
 */
export function applyEditedYaml(ctx: CommandContext, edit: EditRequest, yamlText: string): CommandResult {
  const original = stripComments(edit.yaml);
  if (original === stripComments(yamlText)) return { stdout: "", stderr: "Edit cancelled, no changes made.\n", exitCode: 0 };
  if (!hasContent(yamlText)) return { stdout: "", stderr: "Edit cancelled, saved file was empty.\n", exitCode: 0 };
  const info = kindInfo(edit.kind);
  const resource = resourceWithGroup(edit.kind);
  const copy = `A copy of your changes has been stored to "${editCopyPath(yamlText)}"\n`;
  const parsed = parseManifests(stripComments(yamlText), "edited-file");
  if (!parsed.ok || parsed.objects.length !== 1) {
    const why = !parsed.ok ? parsed.error.replace(/^error: /, "") : parsed.errors[0]?.replace(/^error: /, "") ?? "expected exactly one object";
    return {
      stdout: "",
      stderr: `error: ${why}\n${copy}error: Edit cancelled, no valid changes were saved.\n`,
      exitCode: 1,
      edit: reopen(edit, [`# The edited file had a syntax error: ${why.replace(/\n/g, "\n# ")}`], yamlText),
    };
  }
  const before = parseManifests(original, "edited-file");
  const originalObj = before.ok && before.objects[0] ? before.objects[0].obj : undefined;
  const edited = parsed.objects[0].obj;
  if (!originalObj) return result("", `error: ${resource} "${edit.name}" could not be found on the server\n`);
  if (edited.apiVersion !== originalObj.apiVersion || edited.kind !== originalObj.kind || edited.metadata.name !== originalObj.metadata.name) {
    return result("", `error: At least one of apiVersion, kind and name was changed\n${copy}`);
  }
  const ns = info.namespaced ? edit.namespace : undefined;
  if (info.namespaced && edited.metadata.namespace && edited.metadata.namespace !== ns) {
    return result(
      "",
      `error: the namespace from the provided object "${edited.metadata.namespace}" does not match the namespace "${ns}". You must pass '--namespace=${edited.metadata.namespace}' to perform this operation.\n${copy}`,
    );
  }
  if (deepEqual(originalObj, edited)) return { stdout: `${nameRef(edited)} skipped\n`, stderr: "", exitCode: 0 };
  const patch = createTwoWayMergePatch(originalObj as unknown as JsonObject, edited as unknown as JsonObject, patchSchemaFor(edit.kind));
  // kubectl edit sends --validate=strict (its default): unknown fields refuse the save.
  const r = apiPatch(ctx.cluster, edit.kind, ns, edit.name, "strategic", patch, "none", "Strict");
  if (r.ok) return { stdout: `${nameRef(r.obj)} edited\n`, stderr: "", exitCode: 0 };
  const f = r.failure;
  if (f.reason === "Invalid") {
    const reasons = [`# ${resource} "${edit.name}" was not valid:`, ...(f.invalid?.errors ?? []).map((e) => `# * ${e.field}: ${errorBody(e).replace(/\n/g, "\n# ")}`)];
    return {
      stdout: "",
      stderr: `error: ${resource} "${edit.name}" is invalid\n${copy}error: Edit cancelled, no valid changes were saved.\n`,
      exitCode: 1,
      edit: reopen(edit, [reasons.join("\n")], yamlText),
    };
  }
  if (f.reason === "NotFound") {
    return result("", `error: ${resource} "${edit.name}" could not be found on the server\nThe edits you made on deleted resources have been saved to "${editCopyPath(yamlText)}"\n`);
  }
  const message = ensureNewline(formatFailure(f)).replace(/\n$/, "");
  return result("", `error: ${resource} "${edit.name}" could not be patched: ${message.replace(/^Error from server \([A-Za-z]*\): |^Error from server: /, "")}\nYou can run \`kubectl replace -f ${editCopyPath(yamlText)}\` to try this update again.\n`);
}
