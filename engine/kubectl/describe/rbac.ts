/**
 * `kubectl describe` of Roles, ClusterRoles, RoleBindings and ClusterRoleBindings (describe.go's
 * `RoleDescriber`, `ClusterRoleDescriber`, `RoleBindingDescriber`, `ClusterRoleBindingDescriber`,
 * kubectl v1.32). A role's rules are broken down to one verb on one resource (and name), the
 * verbs of each resource gathered again (`rbac.CompactRules`) and the result sorted by the Go
 * string of each rule, which is why describe lists rules in an order of its own.
 */
import type { ClusterRoleBinding, PolicyRule, Role, RoleBinding } from "../../model/rbac-types";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, tabbedString } from "./prefix-writer";
import type { Describer } from "./source";

/** Go's `%v` of a `[]string`: `[a b]`. */
export function goList(list: readonly string[] | undefined): string {
  return `[${(list ?? []).join(" ")}]`;
}

/** `BreakdownRule`: one rule per group × resource × verb (× resource name), then per URL × verb. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        if ((rule.resourceNames ?? []).length > 0) {
          for (const name of rule.resourceNames!) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        } else {
          out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
        }
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) {
    for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] });
  }
  return out;
}

/**
 * `CompactRules` over broken-down rules: the verbs of rules on the same group, resource and
 * resource name are gathered into one rule; non-resource rules stay as they are.
 */
function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    if ((rule.nonResourceURLs ?? []).length > 0) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs.push(...rule.verbs);
    else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  return [...compacted, ...simple.values()];
}

/** The generated `PolicyRule.String()` the rules are sorted by. */
function goRuleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** `CombineResourceGroup`: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
export function combineResourceGroup(resources: readonly string[] | undefined, groups: readonly string[] | undefined): string {
  if (!resources || resources.length === 0) return "";
  const slash = resources[0].indexOf("/");
  let combined = slash < 0 ? resources[0] : resources[0].slice(0, slash);
  if (groups && groups.length > 0 && groups[0] !== "") combined += `.${groups[0]}`;
  if (slash >= 0) combined += `/${resources[0].slice(slash + 1)}`;
  return combined;
}

/** The rules describe prints for a role: broken down, compacted, sorted. */
export function describedRules(rules: readonly PolicyRule[] | null | undefined): PolicyRule[] {
  const compact = compactRules((rules ?? []).flatMap(breakdownRule));
  const keyed = compact.map((r) => ({ r, key: goRuleString(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.r);
}

/** `kubectl describe role` and `kubectl describe clusterrole`. */
export const roleDescriber: Describer = (obj) => {
  const role = obj as Role;
  const rules = describedRules(role.rules);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata.name}\n`);
    printLabelsMultiline(w, "Labels", role.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", role.metadata.annotations);
    w.write(LEVEL_0, "PolicyRule:\n");
    w.write(LEVEL_1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
    w.write(LEVEL_1, "---------\t-----------------\t--------------\t-----\n");
    for (const r of rules) {
      w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
    }
  });
};

/** `kubectl describe rolebinding` and `kubectl describe clusterrolebinding`. */
export const roleBindingDescriber: Describer = (obj) => {
  const binding = obj as RoleBinding | ClusterRoleBinding;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata.name}\n`);
    printLabelsMultiline(w, "Labels", binding.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", binding.metadata.annotations);
    w.write(LEVEL_0, "Role:\n");
    w.write(LEVEL_1, `Kind:\t${binding.roleRef?.kind ?? ""}\n`);
    w.write(LEVEL_1, `Name:\t${binding.roleRef?.name ?? ""}\n`);
    w.write(LEVEL_0, "Subjects:\n");
    w.write(LEVEL_1, "Kind\tName\tNamespace\n");
    w.write(LEVEL_1, "----\t----\t---------\n");
    for (const s of binding.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ""}\n`);
  });
};
