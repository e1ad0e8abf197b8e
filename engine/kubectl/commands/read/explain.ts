/**
 * `kubectl explain TYPE[.FIELD...]`: documentation of a served kind and its fields, from the
 * Kubernetes OpenAPI descriptions (`engine/kubectl/explain`), printed like kubectl v1.32.
 */
import type { KindInfo } from "../../../model/types";
import { KINDS, resolveKind } from "../../../model/kinds";
import { fail, ok, type CommandResult, type CommandSpec } from "../../command";
import { flagBool, flagString } from "../../args";
import { explainData } from "../../explain/schema";
import { PlaintextExplainer } from "../../explain/render";
import { renderOpenAPIV2 } from "../../explain/render-v2";

const explainer = new PlaintextExplainer();

/** The API group of a kind ("" for core). */
function groupOf(kind: KindInfo): string {
  return kind.apiVersion.includes("/") ? kind.apiVersion.split("/")[0] : "";
}

/** The version of a kind's API group. */
function versionOf(kind: KindInfo): string {
  return kind.apiVersion.includes("/") ? kind.apiVersion.split("/")[1] : kind.apiVersion;
}

/** `schema.GroupVersionResource.String()`: `apps/v1, Resource=deployments`, `/v1, Resource=pods`. */
function gvrString(group: string, version: string, resource: string): string {
  return `${group}/${version}, Resource=${resource}`;
}

/**
 * Splits `deployments.apps.spec.replicas` into the kind and its field path the way kubectl does:
 * the first dotted part names the resource; when the input starts with the resource's
 * `resource.group`, the group is skipped, else every later part is a field.
 */
function splitResourceAndFields(input: string, matchGroupPrefix: boolean): { kind: KindInfo; fields: string[] } | { error: string } {
  const trimmed = input.endsWith(".") ? input.slice(0, -1) : input;
  const parts = trimmed.split(".");
  if (parts.some((p) => p === "")) return { error: "error: invalid jsonpath syntax, first node must be field node" };
  const kind = resolveKind(parts[0]);
  if (!kind) return { error: `the server doesn't have a resource type "${parts[0]}"` };
  if (matchGroupPrefix) {
    const group = groupOf(kind);
    const groupResource = group ? `${kind.resource}.${group}` : kind.resource;
    if (trimmed.startsWith(groupResource)) {
      const rest = trimmed.slice(groupResource.length);
      return { kind, fields: rest.length > 0 ? rest.slice(1).split(".") : [] };
    }
  }
  return { kind, fields: parts.slice(1) };
}

/** Parses `--api-version` like `schema.ParseGroupVersion`. */
function parseGroupVersion(s: string): { group: string; version: string } | { error: string } {
  if (s === "" || s === "/") return { group: "", version: "" };
  const parts = s.split("/");
  if (parts.length === 1) return { group: "", version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return { error: `error: unexpected GroupVersion string: ${s}` };
}

/** Runs explain for one TYPE argument. */
function runExplain(arg: string, apiVersion: string, recursive: boolean, output: string): CommandResult {
  const split = splitResourceAndFields(arg, apiVersion === "");
  if ("error" in split) return fail(split.error);
  const { kind, fields } = split;
  if (output === "plaintext-openapiv2") {
    let gvk = { group: groupOf(kind), version: versionOf(kind), kind: kind.kind };
    if (apiVersion !== "") {
      const gv = parseGroupVersion(apiVersion);
      if ("error" in gv) return fail(gv.error);
      gvk = { ...gvk, group: gv.group, version: gv.version };
    }
    const served = explainData.kinds[kind.kind];
    if (!served || served.group !== gvk.group || served.version !== gvk.version) {
      const gvkString = `${gvk.group}/${gvk.version}, Kind=${gvk.kind}`;
      return fail(`error: couldn't find resource for "${gvkString}"`);
    }
    const r = renderOpenAPIV2(explainData, served.ref, gvk, fields, recursive);
    return r.ok ? ok(r.text) : fail(r.error);
  }
  let group = groupOf(kind);
  let version = versionOf(kind);
  if (apiVersion !== "") {
    const gv = parseGroupVersion(apiVersion);
    if ("error" in gv) return fail(gv.error);
    group = gv.group;
    version = gv.version;
  }
  const gvr = gvrString(group, version, kind.resource);
  if (!KINDS.some((k) => groupOf(k) === group && versionOf(k) === version)) return fail(`error: couldn't find resource for "${gvr}"`);
  if (output !== "plaintext") return fail(`error: unrecognized format: ${output}`);
  const served = explainData.kinds[kind.kind];
  if (!served || served.group !== group || served.version !== version) return fail(`error: GVR (${gvr}) not found in OpenAPI schema`);
  const r = explainer.explain({ group, version, kind: kind.kind, fieldPath: fields, recursive }, served.ref);
  if (!r.ok) return { stdout: r.text, stderr: r.error + "\n", exitCode: 1 };
  return ok(r.text);
}

/** `kubectl explain`. */
export const explainCommand: CommandSpec = {
  path: ["explain"],
  short: "Get documentation for a resource",
  usage: "kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]",
  flags: [
    { name: "api-version", type: "string", default: "" },
    { name: "output", short: "o", type: "string", default: "plaintext" },
    { name: "recursive", type: "bool", default: false },
  ],
  run(_ctx, args) {
    if (args.positionals.length === 0) {
      return fail('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    if (args.positionals.length > 1) return fail("error: We accept only this format: explain RESOURCE");
    return runExplain(args.positionals[0], flagString(args.flags, "api-version"), flagBool(args.flags, "recursive"), flagString(args.flags, "output"));
  },
};
