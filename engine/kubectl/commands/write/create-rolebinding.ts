/**
 * `kubectl create rolebinding NAME --role=R|--clusterrole=CR` and `kubectl create
 * clusterrolebinding NAME --clusterrole=CR`, with `--user`, `--group` and
 * `--serviceaccount=NAMESPACE:NAME` subjects, as kubectl v1.32's `create_rolebinding.go` and
 * `create_clusterrolebinding.go` build them (users, then groups, then ServiceAccounts).
 */
import type { KObject } from "../../../model/types";
import { RBAC_GROUP, type Subject } from "../../../model/rbac-types";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagString, flagStrings } from "../../args";
import { commandFailed, result } from "./common";
import { CREATE_GENERATOR_FLAGS, createGeneratedObject, nameFromArgs } from "./create-job-common";

function subjectsOf(args: ParsedArgs): { ok: true; subjects: Subject[] } | { ok: false; error: string } {
  const subjects: Subject[] = [];
  for (const name of flagStrings(args.flags, "user")) subjects.push({ apiGroup: RBAC_GROUP, kind: "User", name });
  for (const name of flagStrings(args.flags, "group")) subjects.push({ apiGroup: RBAC_GROUP, kind: "Group", name });
  for (const sa of flagStrings(args.flags, "serviceaccount")) {
    const tokens = sa.split(":");
    if (tokens.length !== 2 || tokens[0] === "" || tokens[1] === "") return { ok: false, error: "error: serviceaccount must be <namespace>:<name>\n" };
    subjects.push({ kind: "ServiceAccount", name: tokens[1], namespace: tokens[0] });
  }
  return { ok: true, subjects };
}

function binding(kind: "RoleBinding" | "ClusterRoleBinding", name: string, roleKind: string, roleName: string, subjects: Subject[]): KObject {
  const obj: KObject = { apiVersion: `${RBAC_GROUP}/v1`, kind, metadata: { name }, roleRef: { apiGroup: RBAC_GROUP, kind: roleKind, name: roleName } };
  if (subjects.length > 0) obj.subjects = subjects;
  return obj;
}

function runRoleBinding(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = nameFromArgs(args, "kubectl create rolebinding");
  if (!n.ok) return result("", n.error);
  const role = flagString(args.flags, "role");
  const clusterRole = flagString(args.flags, "clusterrole");
  if ((role === "") === (clusterRole === "")) return result("", "error: exactly one of clusterrole or role must be specified\n");
  const s = subjectsOf(args);
  if (!s.ok) return result("", s.error);
  return createGeneratedObject(ctx, args, binding("RoleBinding", n.name, role ? "Role" : "ClusterRole", role || clusterRole, s.subjects), "failed to create rolebinding:");
}

function runClusterRoleBinding(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const clusterRole = flagString(args.flags, "clusterrole");
  if (args.flags.clusterrole === undefined) return commandFailed(ctx, 'required flag(s) "clusterrole" not set');
  const n = nameFromArgs(args, "kubectl create clusterrolebinding");
  if (!n.ok) return result("", n.error);
  const s = subjectsOf(args);
  if (!s.ok) return result("", s.error);
  return createGeneratedObject({ ...ctx, namespaceExplicit: false }, args, binding("ClusterRoleBinding", n.name, "ClusterRole", clusterRole, s.subjects), "failed to create clusterrolebinding:");
}

/** `kubectl create rolebinding`. */
export const createRoleBindingCommand: CommandSpec = {
  path: ["create", "rolebinding"],
  short: "Create a role binding for a particular role or cluster role",
  usage: "kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]",
  flags: [
    ...CREATE_GENERATOR_FLAGS,
    { name: "clusterrole", type: "string", default: "", description: "ClusterRole this RoleBinding should reference" },
    { name: "group", type: "stringArray", default: [], description: "Groups to bind to the role. The flag can be repeated to add multiple groups." },
    { name: "role", type: "string", default: "", description: "Role this RoleBinding should reference" },
    { name: "serviceaccount", type: "stringArray", default: [], description: "Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts." },
    { name: "user", type: "stringArray", default: [], description: "Usernames to bind to the role. The flag can be repeated to add multiple users." },
  ],
  run: runRoleBinding,
};

/** `kubectl create clusterrolebinding`. */
export const createClusterRoleBindingCommand: CommandSpec = {
  path: ["create", "clusterrolebinding"],
  short: "Create a cluster role binding for a particular cluster role",
  usage: "kubectl create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none] [options]",
  flags: [
    ...CREATE_GENERATOR_FLAGS,
    { name: "clusterrole", type: "string", description: "ClusterRole this ClusterRoleBinding should reference" },
    { name: "group", type: "stringArray", default: [], description: "Groups to bind to the clusterrole. The flag can be repeated to add multiple groups." },
    { name: "serviceaccount", type: "stringArray", default: [], description: "Service accounts to bind to the clusterrole, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts." },
    { name: "user", type: "stringArray", default: [], description: "Usernames to bind to the clusterrole. The flag can be repeated to add multiple users." },
  ],
  run: runClusterRoleBinding,
};
