/**
 * `kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]` and `kubectl auth can-i
 * --list`, as kubectl v1.32's `cani.go` asks and prints (a SelfSubjectAccessReview or
 * SelfSubjectRulesReview): `yes`, or `no` and exit code 1; the rules table for `--list`. The
 * answer is the simulated API server's RBAC decision for the acting user (`--as`).
 */
import { resolveKind } from "../../../model/kinds";
import { authorize, rulesFor, type UserInfo } from "../../../model/rbac-authorizer";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagBool, flagString } from "../../args";
import { combineResourceGroup, describedRules, goList } from "../../describe/rbac";
import { tabwrite } from "../../printers/tabwriter";
import { result } from "../write/common";
import { resourceFor } from "../write/create-role";
import { actingUser, PRIVILEGED_GROUP } from "./impersonation";

const RESOURCE_VERBS = new Set(["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"]);
const NON_RESOURCE_VERBS = new Set(["get", "put", "post", "head", "options", "delete", "patch", "*"]);
/** Resources the server authorizes but discovery does not list (for `impersonate`). */
const NON_STANDARD_RESOURCES = new Set(["users", "groups"]);

/** What `resourceFor` resolved: the group and plural resource, whether it is namespaced (undefined when unknown). */
interface Target {
  group: string;
  resource: string;
  namespaced?: boolean;
}

/** `resourceFor`: the typed type resolved through discovery, or kept as typed with a warning. */
function targetFor(typed: string): { target: Target; warning: string } {
  if (typed === "*") return { target: { group: "", resource: "*", namespaced: true }, warning: "" };
  const lower = typed.toLowerCase();
  const dot = lower.indexOf(".");
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? "" : lower.slice(dot + 1);
  const direct = resolveKind(lower);
  const found = resourceFor(resource, group);
  if (found.ok) return { target: { group: found.group, resource: found.resource, namespaced: resolveKind(found.resource)?.namespaced }, warning: "" };
  if (direct) {
    const g = direct.apiVersion.includes("/") ? direct.apiVersion.split("/")[0] : "";
    return { target: { group: g, resource: direct.resource, namespaced: direct.namespaced }, warning: "" };
  }
  const groupResource = group === "" ? resource : `${resource}.${group}`;
  const warning = NON_STANDARD_RESOURCES.has(groupResource)
    ? ""
    : group === ""
      ? `Warning: the server doesn't have a resource type '${resource}'\n`
      : `Warning: the server doesn't have a resource type '${resource}' in group '${group}'\n`;
  return { target: { group: "", resource: typed }, warning };
}

function privileged(user: UserInfo): boolean {
  return user.groups.includes(PRIVILEGED_GROUP);
}

function printList(ctx: CommandContext, user: UserInfo, noHeaders: boolean): string {
  const { rules } = rulesFor(ctx.cluster.store, user, ctx.namespace);
  let text = noHeaders ? "" : "Resources\tNon-Resource URLs\tResource Names\tVerbs\n";
  for (const r of describedRules(rules)) text += `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`;
  return tabwrite(text);
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const list = flagBool(args.flags, "list");
  const quiet = flagBool(args.flags, "quiet");
  const allNamespaces = flagBool(args.flags, "all-namespaces");
  const subresource = flagString(args.flags, "subresource");
  const noHeaders = flagBool(args.flags, "no-headers");
  let warnings = "";
  let verb = "";
  let url = "";
  let target: Target | undefined;
  let name = "";
  if (list) {
    if (args.positionals.length !== 0) return result("", "error: list option must be specified with no arguments\n");
  } else {
    if (args.positionals.length !== 2) {
      return result("", "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n");
    }
    verb = args.positionals[0];
    const what = args.positionals[1];
    if (what.startsWith("/")) url = what;
    else {
      const slash = what.indexOf("/");
      const resolved = targetFor(slash < 0 ? what : what.slice(0, slash));
      target = resolved.target;
      warnings += resolved.warning;
      if (slash >= 0) name = what.slice(slash + 1);
    }
  }
  const acting = actingUser(args);
  if (!acting.ok) return result("", warnings + acting.error);
  const user = acting.user;

  if (list) {
    if (quiet || allNamespaces || subresource !== "") return result("", "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n");
    return result(printList(ctx, user, noHeaders), "");
  }
  if (url !== "") {
    if (subresource !== "") return result("", warnings + "error: --subresource can not be used with NonResourceURL\n");
    if (!NON_RESOURCE_VERBS.has(verb)) warnings += `Warning: verb '${verb}' is not a known verb\n`;
  } else if (target && !allNamespaces) {
    if (target.namespaced === false) {
      warnings += target.group === "" ? `Warning: resource '${target.resource}' is not namespace scoped\n` : `Warning: resource '${target.resource}' is not namespace scoped in group '${target.group}'\n`;
    }
    if (!RESOURCE_VERBS.has(verb)) warnings += `Warning: verb '${verb}' is not a known verb\n`;
  }
  if (noHeaders) return result("", warnings + "error: --no-headers cannot be set without --list specified\n");

  const namespace = allNamespaces ? "" : ctx.namespace;
  const decision = privileged(user)
    ? { allowed: true, reason: "" }
    : url !== ""
      ? authorize(ctx.cluster.store, user, { verb, path: url })
      : authorize(ctx.cluster.store, user, { verb, group: target!.group, resource: target!.resource, subresource, name, namespace });
  const answer = decision.allowed ? "yes\n" : `no${decision.reason ? ` - ${decision.reason}` : ""}\n`;
  return { stdout: quiet ? "" : answer, stderr: warnings, exitCode: decision.allowed ? 0 : 1 };
}

/** `kubectl auth can-i`. */
export const authCanICommand: CommandSpec = {
  path: ["auth", "can-i"],
  short: "Check whether an action is allowed",
  usage: "kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]",
  flags: [
    { name: "all-namespaces", short: "A", type: "bool", default: false, description: "If true, check the specified action in all namespaces." },
    { name: "list", type: "bool", default: false, description: "If true, prints all allowed actions." },
    { name: "no-headers", type: "bool", default: false, description: "If true, prints allowed actions without headers" },
    { name: "quiet", short: "q", type: "bool", default: false, description: "If true, suppress output and just return the exit code." },
    { name: "subresource", type: "string", default: "", description: "SubResource such as pod/log or deployment/scale" },
  ],
  run,
};
