/**
 * `kubectl create role NAME --verb=… --resource=…` and `kubectl create clusterrole NAME
 * (--verb=… --resource=…|--non-resource-url=…|--aggregation-rule=…)`, as kubectl v1.32's
 * `create_role.go` and `create_clusterrole.go` build them: one rule per API group of the
 * resources (short names resolved against the served kinds), plus one for non-resource URLs.
 */
import type { KObject } from "../../../model/types";
import { KINDS } from "../../../model/kinds";
import { RBAC_GROUP, type PolicyRule } from "../../../model/rbac-types";
import type { CommandContext, CommandResult, CommandSpec, FlagDef, ParsedArgs } from "../../command";
import { flagString, flagStrings } from "../../args";
import { result } from "./common";
import { CREATE_GENERATOR_FLAGS, createGeneratedObject, nameFromArgs } from "./create-job-common";

/** The verbs kubectl accepts without a warning. */
const VALID_RESOURCE_VERBS = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind", "escalate", "impersonate"];
/** The verbs a non-resource URL rule may have. */
const VALID_NON_RESOURCE_VERBS = ["*", "get", "post", "put", "delete", "patch", "head", "options"];
/** Verbs kubectl allows only on these group/resources. */
const SPECIAL_VERBS: Record<string, readonly (readonly [group: string, resource: string])[]> = {
  use: [["policy", "podsecuritypolicies"], ["extensions", "podsecuritypolicies"]],
  bind: [[RBAC_GROUP, "roles"], [RBAC_GROUP, "clusterroles"]],
  escalate: [[RBAC_GROUP, "roles"], [RBAC_GROUP, "clusterroles"]],
  impersonate: [["", "users"], ["", "serviceaccounts"], ["", "groups"], ["authentication.k8s.io", "userextras"]],
};

/** One `--resource` value: `resource.group/subresource`. */
interface ResourceOption {
  group: string;
  resource: string;
  subresource: string;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
}

/**
 * The RESTMapper's `ResourceFor`: the plural resource and group a typed resource names
 * (`deploy` → deployments in apps), or the error text kubectl prints when none is served.
 */
export function resourceFor(resource: string, group: string): { ok: true; resource: string; group: string } | { ok: false; error: string } {
  const lower = resource.toLowerCase();
  for (const k of KINDS) {
    if (group !== "" && groupOf(k.apiVersion) !== group) continue;
    if (k.resource === lower || k.singular === lower || k.shortNames.includes(lower)) return { ok: true, resource: k.resource, group: groupOf(k.apiVersion) };
  }
  const inGroup = group === "" ? "" : ` in group "${group}"`;
  return { ok: false, error: `the server doesn't have a resource type "${resource}"${inGroup}\n` };
}

function dedupe(list: readonly string[]): string[] {
  return [...new Set(list)];
}

/** `--verb` with duplicates removed; `*` stands for every verb. */
function verbsOf(args: ParsedArgs): string[] {
  const verbs = flagStrings(args.flags, "verb");
  return verbs.includes("*") ? ["*"] : dedupe(verbs);
}

function resourcesOf(args: ParsedArgs): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of flagStrings(args.flags, "resource")) {
    const slash = r.indexOf("/");
    const head = slash < 0 ? r : r.slice(0, slash);
    const dot = head.indexOf(".");
    const opt = { resource: dot < 0 ? head : head.slice(0, dot), group: dot < 0 ? "" : head.slice(dot + 1), subresource: slash < 0 ? "" : r.slice(slash + 1) };
    if (opt.resource === "*" && dot < 0 && slash < 0) return [opt];
    out.push(opt);
  }
  return out;
}

/** `validateResource`: each resource must be served, and special verbs only on their resources. */
function validateResources(resources: readonly ResourceOption[], verbs: readonly string[]): string | undefined {
  for (const r of resources) {
    if (r.resource === "") return "error: resource must be specified if apiGroup/subresource specified\n";
    if (r.resource === "*") return undefined;
    const found = resourceFor(r.resource, r.group);
    let error = found.ok ? undefined : found.error;
    const resolved = found.ok ? found : r;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === resolved.group && res === resolved.resource)) return `error: can not perform '${v}' on '${resolved.resource}' in group '${resolved.group}'\n`;
      error = undefined;
    }
    if (error) return error;
  }
  return undefined;
}

/** `generateResourcePolicyRules`: one rule per API group (sorted), then the non-resource URLs. */
function policyRules(verbs: string[], resources: readonly ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): PolicyRule[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const found = resourceFor(r.resource, r.group);
    let resource = found.ok ? found.resource : r.resource;
    const group = found.ok ? found.group : r.group;
    if (r.subresource) resource += `/${r.subresource}`;
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => {
    const rule: PolicyRule = { apiGroups: [g], resources: byGroup.get(g)!, verbs };
    if (resourceNames.length > 0) rule.resourceNames = resourceNames;
    return rule;
  });
  if (nonResourceURLs.length > 0) rules.push({ nonResourceURLs, verbs });
  return rules;
}

function verbWarnings(verbs: readonly string[]): string {
  return verbs
    .filter((v) => !VALID_RESOURCE_VERBS.includes(v))
    .map((v) => `Warning: '${v}' is not a standard resource verb\n`)
    .join("");
}

/** Prepends warnings to a command's stderr without turning success into failure. */
function withWarnings(warnings: string, r: CommandResult): CommandResult {
  return warnings === "" ? r : { ...r, stderr: warnings + r.stderr };
}

function runRole(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = nameFromArgs(args, "kubectl create role");
  if (!n.ok) return result("", n.error);
  const verbs = verbsOf(args);
  const resources = resourcesOf(args);
  const resourceNames = dedupe(flagStrings(args.flags, "resource-name"));
  if (verbs.length === 0) return result("", "error: at least one verb must be specified\n");
  const warnings = verbWarnings(verbs);
  if (resources.length === 0) return result("", warnings + "error: at least one resource must be specified\n");
  const invalid = validateResources(resources, verbs);
  if (invalid) return result("", warnings + invalid);
  const role: KObject = { apiVersion: `${RBAC_GROUP}/v1`, kind: "Role", metadata: { name: n.name }, rules: policyRules(verbs, resources, resourceNames, []) };
  return withWarnings(warnings, createGeneratedObject(ctx, args, role));
}

/** `--aggregation-rule=k=v,k2=v2` as pflag's StringToString reads it. */
function aggregationLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text.split(",")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    labels[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? "" : pair.slice(eq + 1);
  }
  return labels;
}

function runClusterRole(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = nameFromArgs(args, "kubectl create clusterrole");
  if (!n.ok) return result("", n.error);
  const verbs = verbsOf(args);
  const resources = resourcesOf(args);
  const resourceNames = dedupe(flagStrings(args.flags, "resource-name"));
  const urls = dedupe(flagStrings(args.flags, "non-resource-url"));
  const aggregation = aggregationLabels(flagString(args.flags, "aggregation-rule"));
  const clusterCtx = { ...ctx, namespaceExplicit: false };
  if (Object.keys(aggregation).length > 0) {
    if (urls.length > 0 || verbs.length > 0 || resources.length > 0 || resourceNames.length > 0) {
      return result("", "error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames\n");
    }
    const role: KObject = { apiVersion: `${RBAC_GROUP}/v1`, kind: "ClusterRole", metadata: { name: n.name }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] }, rules: null };
    return createGeneratedObject(clusterCtx, args, role);
  }
  if (verbs.length === 0) return result("", "error: at least one verb must be specified\n");
  if (resources.length === 0 && urls.length === 0) return result("", "error: one of resource or nonResourceURL must be specified\n");
  let warnings = "";
  if (resources.length > 0) {
    warnings = verbWarnings(verbs);
    const invalid = validateResources(resources, verbs);
    if (invalid) return result("", warnings + invalid);
  }
  if (urls.length > 0) {
    const bad = verbs.find((v) => !VALID_NON_RESOURCE_VERBS.includes(v));
    if (bad !== undefined) return result("", `${warnings}error: invalid verb: '${bad}' for nonResourceURL\n`);
    for (const url of urls) {
      if (url === "*") continue;
      if (!url.startsWith("/")) return result("", `${warnings}error: nonResourceURL should start with /\n`);
      if (url.slice(0, -1).includes("*")) return result("", `${warnings}error: nonResourceURL only supports wildcard matches when '*' is at the end\n`);
    }
  }
  const role: KObject = { apiVersion: `${RBAC_GROUP}/v1`, kind: "ClusterRole", metadata: { name: n.name }, rules: policyRules(verbs, resources, resourceNames, urls) };
  return withWarnings(warnings, createGeneratedObject(clusterCtx, args, role));
}

const VERB_FLAG: FlagDef = { name: "verb", type: "stringSlice", default: [], description: "Verb that applies to the resources contained in the rule" };
const RESOURCE_FLAG: FlagDef = { name: "resource", type: "stringSlice", default: [], description: "Resource that the rule applies to" };
const RESOURCE_NAME_FLAG: FlagDef = { name: "resource-name", type: "stringArray", default: [], description: "Resource in the white list that the rule applies to, repeat this flag for multiple items" };

/** `kubectl create role`. */
export const createRoleCommand: CommandSpec = {
  path: ["create", "role"],
  short: "Create a role with single rule",
  usage: "kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none] [options]",
  flags: [...CREATE_GENERATOR_FLAGS, RESOURCE_FLAG, RESOURCE_NAME_FLAG, VERB_FLAG],
  run: runRole,
};

/** `kubectl create clusterrole`. */
export const createClusterRoleCommand: CommandSpec = {
  path: ["create", "clusterrole"],
  short: "Create a cluster role",
  usage: "kubectl create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none] [options]",
  flags: [
    { name: "aggregation-rule", type: "string", default: "", description: "An aggregation label selector for combining ClusterRoles." },
    ...CREATE_GENERATOR_FLAGS,
    { name: "non-resource-url", type: "stringSlice", default: [], description: "A partial url that user should have access to." },
    RESOURCE_FLAG,
    RESOURCE_NAME_FLAG,
    VERB_FLAG,
  ],
  run: runClusterRole,
};
