/**
 * Server-side tables (printers.go) of the RBAC kinds: roles and cluster roles print their
 * creation instant (`CREATED AT`, RFC 3339 UTC), bindings their role reference and age, and
 * with `-o wide` their subjects (`rbac.SubjectsStrings`).
 */
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding, Subject } from "../../../model/rbac-types";
import { translateTimestampSince } from "../human-duration";
import type { TableDefinition } from "./table-definition";

const NAME = { name: "Name", format: "name" } as const;

/** `metav1.Time` as the table's `date` cell: `2026-03-02T08:00:00Z`. */
function createdAt(ts: string | undefined): string {
  if (!ts) return "";
  return new Date(ts).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `rbac.SubjectsStrings`: users, groups and `namespace/name` of ServiceAccounts, each joined by ", ". */
export function subjectsStrings(subjects: readonly Subject[] | null | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === "ServiceAccount") sas.push(`${s.namespace ?? ""}/${s.name}`);
    else if (s.kind === "User") users.push(s.name);
    else if (s.kind === "Group") groups.push(s.name);
  }
  return [users.join(", "), groups.join(", "), sas.join(", ")];
}

/** `kubectl get roles`: NAME CREATED AT. */
export const roleTable: TableDefinition<Role> = {
  columns: [NAME, { name: "Created At" }],
  row(role) {
    return [role.metadata.name, createdAt(role.metadata.creationTimestamp)];
  },
};

/** `kubectl get clusterroles`: NAME CREATED AT. */
export const clusterRoleTable: TableDefinition<ClusterRole> = {
  columns: [NAME, { name: "Created At" }],
  row(role) {
    return [role.metadata.name, createdAt(role.metadata.creationTimestamp)];
  },
};

const BINDING_COLUMNS = [NAME, { name: "Role" }, { name: "Age" }, { name: "Users", priority: 1 }, { name: "Groups", priority: 1 }, { name: "ServiceAccounts", priority: 1 }] as const;

function bindingRow(b: RoleBinding | ClusterRoleBinding, now: number, wide: boolean): string[] {
  const cells = [b.metadata.name, `${b.roleRef?.kind ?? ""}/${b.roleRef?.name ?? ""}`, translateTimestampSince(b.metadata.creationTimestamp, now)];
  return wide ? [...cells, ...subjectsStrings(b.subjects)] : cells;
}

/** `kubectl get rolebindings`: NAME ROLE AGE (wide: USERS GROUPS SERVICEACCOUNTS). */
export const roleBindingTable: TableDefinition<RoleBinding> = { columns: BINDING_COLUMNS, row: bindingRow };

/** `kubectl get clusterrolebindings`: NAME ROLE AGE (wide: USERS GROUPS SERVICEACCOUNTS). */
export const clusterRoleBindingTable: TableDefinition<ClusterRoleBinding> = { columns: BINDING_COLUMNS, row: bindingRow };
