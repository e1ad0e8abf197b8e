/**
 * The API server's validation of the RBAC kinds (`pkg/apis/rbac/validation`): names are path
 * segments (`system:aggregate-to-edit` is valid), each rule needs verbs and either resources
 * with API groups or non-resource URLs (not in a namespaced Role), a binding's `roleRef`
 * names a Role or ClusterRole of rbac.authorization.k8s.io and never changes, and each subject
 * is a User, Group or ServiceAccount of the right API group.
 */
import type { KObject } from "../../model/types";
import { RBAC_GROUP, type ClusterRoleBinding, type PolicyRule, type RoleBinding, type RoleRef, type Subject } from "../../model/rbac-types";
import { goQuoted, type FieldError } from "./field-errors";

/** The RBAC kinds, whose names are validated as path segments rather than DNS subdomains. */
export const RBAC_KINDS = new Set(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]);

/** `path.IsValidPathSegmentName`: the reasons a name is not a valid path segment. */
export function pathSegmentNameErrors(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  const out: string[] = [];
  for (const illegal of ["/", "%"]) if (name.includes(illegal)) out.push(`may not contain '${illegal}'`);
  return out;
}

function validateRule(rule: PolicyRule, path: string, namespaced: boolean, errs: FieldError[]): void {
  if ((rule.verbs ?? []).length === 0) errs.push({ field: `${path}.verbs`, type: "Required", detail: "verbs must contain at least one value" });
  if ((rule.nonResourceURLs ?? []).length > 0) {
    const value = `[]string{${rule.nonResourceURLs!.map(goQuoted).join(", ")}}`;
    if (namespaced) errs.push({ field: `${path}.nonResourceURLs`, type: "Invalid", value, detail: "namespaced rules cannot apply to non-resource URLs" });
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0) {
      errs.push({ field: `${path}.nonResourceURLs`, type: "Invalid", value, detail: "rules cannot apply to both regular resources and non-resource URLs" });
    }
    return;
  }
  if ((rule.apiGroups ?? []).length === 0) errs.push({ field: `${path}.apiGroups`, type: "Required", detail: "resource rules must supply at least one api group" });
  if ((rule.resources ?? []).length === 0) errs.push({ field: `${path}.resources`, type: "Required", detail: "resource rules must supply at least one resource" });
}

function validateRoleRef(ref: Partial<RoleRef> | undefined, kinds: string[], errs: FieldError[]): void {
  const r = ref ?? {};
  if (r.apiGroup !== RBAC_GROUP) errs.push({ field: "roleRef.apiGroup", type: "Unsupported", value: goQuoted(r.apiGroup ?? ""), detail: `supported values: ${goQuoted(RBAC_GROUP)}` });
  if (!kinds.includes(r.kind ?? "")) errs.push({ field: "roleRef.kind", type: "Unsupported", value: goQuoted(r.kind ?? ""), detail: `supported values: ${kinds.map(goQuoted).join(", ")}` });
  if (!r.name) errs.push({ field: "roleRef.name", type: "Required" });
  else for (const msg of pathSegmentNameErrors(r.name)) errs.push({ field: "roleRef.name", type: "Invalid", value: goQuoted(r.name), detail: msg });
}

function validateSubject(s: Subject, path: string, namespaced: boolean, errs: FieldError[]): void {
  if (!s.name) errs.push({ field: `${path}.name`, type: "Required" });
  switch (s.kind) {
    case "ServiceAccount":
      if (s.name) for (const msg of pathSegmentNameErrors(s.name)) errs.push({ field: `${path}.name`, type: "Invalid", value: goQuoted(s.name), detail: msg });
      if (s.apiGroup) errs.push({ field: `${path}.apiGroup`, type: "Unsupported", value: goQuoted(s.apiGroup), detail: 'supported values: ""' });
      if (!namespaced && !s.namespace) errs.push({ field: `${path}.namespace`, type: "Required" });
      break;
    case "User":
    case "Group":
      if (s.apiGroup !== RBAC_GROUP) errs.push({ field: `${path}.apiGroup`, type: "Unsupported", value: goQuoted(s.apiGroup ?? ""), detail: `supported values: ${goQuoted(RBAC_GROUP)}` });
      break;
    default:
      errs.push({ field: `${path}.kind`, type: "Unsupported", value: goQuoted(s.kind ?? ""), detail: 'supported values: "ServiceAccount", "User", "Group"' });
  }
}

/** Appends the field errors of an RBAC object (create and update alike). */
export function validateRbac(obj: KObject, errs: FieldError[]): void {
  switch (obj.kind) {
    case "Role":
    case "ClusterRole": {
      const rules = (obj.rules ?? []) as PolicyRule[];
      rules.forEach((r, i) => validateRule(r, `rules[${i}]`, obj.kind === "Role", errs));
      break;
    }
    case "RoleBinding":
    case "ClusterRoleBinding": {
      const b = obj as RoleBinding | ClusterRoleBinding;
      const namespaced = obj.kind === "RoleBinding";
      validateRoleRef(b.roleRef, namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"], errs);
      (b.subjects ?? []).forEach((s, i) => validateSubject(s, `subjects[${i}]`, namespaced, errs));
      break;
    }
  }
}

/** `ValidateRoleBindingUpdate`: a binding's roleRef cannot change (delete and recreate the binding instead). */
export function validateRbacUpdate(old: KObject, next: KObject, errs: FieldError[]): void {
  if (next.kind !== "RoleBinding" && next.kind !== "ClusterRoleBinding") return;
  const a = (old as RoleBinding).roleRef ?? {};
  const b = ((next as RoleBinding).roleRef ?? {}) as Partial<RoleRef>;
  if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) {
    const value = `rbac.RoleRef{APIGroup:${goQuoted(b.apiGroup ?? "")}, Kind:${goQuoted(b.kind ?? "")}, Name:${goQuoted(b.name ?? "")}}`;
    errs.push({ field: "roleRef", type: "Invalid", value, detail: "cannot change roleRef" });
  }
}
