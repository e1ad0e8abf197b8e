/**
 * The API server's RBAC authorizer (`plugin/pkg/auth/authorizer/rbac`), as pure functions over
 * the RBAC objects: the rules that apply to a user are those of the ClusterRoles bound by
 * ClusterRoleBindings, then those of the roles bound by RoleBindings in the request's namespace
 * (a RoleBinding may grant a ClusterRole there). A request is allowed when one rule covers its
 * verb, API group, resource (and subresource) and name, or its non-resource URL.
 * Aggregation is not recomputed: a ClusterRole's rules are what it stores.
 */
import type { KObject } from "./types";
import type { PolicyRule, RoleRef, Subject } from "./rbac-types";

/** Who asks: a username and its groups (`system:serviceaccount:NS:NAME` for a ServiceAccount). */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** Read access to the RBAC objects (the object store satisfies it). */
export interface RbacSource {
  get(kind: string, namespace: string | undefined, name: string): KObject | undefined;
  list(kind: string, namespace?: string): KObject[];
}

/** A request on an API resource; `namespace` "" for cluster-wide (or all-namespaces) requests. */
export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  name: string;
  namespace: string;
}

/** A request on a non-resource URL (`/healthz`). */
export interface NonResourceAttributes {
  verb: string;
  path: string;
}

/** The prefix of a ServiceAccount's username. */
export const SERVICE_ACCOUNT_USER_PREFIX = "system:serviceaccount:";

/** The groups a ServiceAccount's user belongs to (`serviceaccount.MakeGroupNames`). */
export function serviceAccountGroups(namespace: string): string[] {
  return ["system:serviceaccounts", `system:serviceaccounts:${namespace}`];
}

function appliesTo(user: UserInfo, subjects: readonly Subject[] | null | undefined, bindingNamespace: string): boolean {
  for (const s of subjects ?? []) {
    switch (s.kind) {
      case "User":
        if (user.name === s.name) return true;
        break;
      case "Group":
        if (user.groups.includes(s.name)) return true;
        break;
      case "ServiceAccount": {
        const ns = s.namespace || bindingNamespace;
        if (ns !== "" && user.name === `${SERVICE_ACCOUNT_USER_PREFIX}${ns}:${s.name}`) return true;
        break;
      }
    }
  }
  return false;
}

function roleRules(source: RbacSource, ref: RoleRef | undefined, bindingNamespace: string): { rules: PolicyRule[] } | { error: string } {
  if (ref?.kind === "ClusterRole") {
    const role = source.get("ClusterRole", undefined, ref.name);
    return role ? { rules: (role.rules ?? []) as PolicyRule[] } : { error: `clusterrole.rbac.authorization.k8s.io "${ref.name}" not found` };
  }
  if (ref?.kind === "Role") {
    const role = source.get("Role", bindingNamespace, ref.name);
    return role ? { rules: (role.rules ?? []) as PolicyRule[] } : { error: `role.rbac.authorization.k8s.io "${ref.name}" not found` };
  }
  return { error: `unsupported role reference kind: "${ref?.kind ?? ""}"` };
}

/**
 * `VisitRulesFor`: the rules granted to `user` cluster-wide and, when `namespace` is set, in
 * that namespace, plus the errors met on the way (a binding to a role that does not exist).
 */
export function rulesFor(source: RbacSource, user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  const visit = (binding: KObject, ns: string) => {
    if (!appliesTo(user, binding.subjects as Subject[] | undefined, ns)) return;
    const r = roleRules(source, binding.roleRef as RoleRef | undefined, ns);
    if ("error" in r) errors.push(r.error);
    else rules.push(...r.rules);
  };
  for (const b of source.list("ClusterRoleBinding")) visit(b, "");
  if (namespace !== "") for (const b of source.list("RoleBinding", namespace)) visit(b, namespace);
  return { rules, errors };
}

const has = (list: readonly string[] | undefined, wanted: string) => (list ?? []).some((x) => x === "*" || x === wanted);

/** `RuleAllows` for a resource request. */
export function ruleAllowsResource(rule: PolicyRule, a: ResourceAttributes): boolean {
  if (!has(rule.verbs, a.verb) || !has(rule.apiGroups, a.group)) return false;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const resourceMatches = (rule.resources ?? []).some((r) => r === "*" || r === combined || (a.subresource !== "" && r === `*/${a.subresource}`));
  if (!resourceMatches) return false;
  return (rule.resourceNames ?? []).length === 0 || rule.resourceNames!.includes(a.name);
}

/** `RuleAllows` for a non-resource request (`/logs/*` covers `/logs/x`). */
export function ruleAllowsNonResource(rule: PolicyRule, a: NonResourceAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  return (rule.nonResourceURLs ?? []).some((u) => u === "*" || u === a.path || (u.endsWith("*") && a.path.startsWith(u.replace(/\*+$/, ""))));
}

/**
 * The RBAC decision on a request: allowed, or not with the reason the API server gives
 * (`RBAC: clusterrole.rbac.authorization.k8s.io "x" not found`, or "" when nothing matched).
 */
export function authorize(source: RbacSource, user: UserInfo, attrs: ResourceAttributes | NonResourceAttributes): { allowed: boolean; reason: string } {
  const namespace = "resource" in attrs ? attrs.namespace : "";
  const { rules, errors } = rulesFor(source, user, namespace);
  const allowed = rules.some((r) => ("resource" in attrs ? (r.resources ?? []).length > 0 && ruleAllowsResource(r, attrs) : ruleAllowsNonResource(r, attrs)));
  if (allowed) return { allowed, reason: "" };
  // utilerrors.NewAggregate: repeated messages once, several in brackets.
  const unique = [...new Set(errors)];
  const reason = unique.length === 0 ? "" : `RBAC: ${unique.length === 1 ? unique[0] : `[${unique.join(", ")}]`}`;
  return { allowed, reason };
}
