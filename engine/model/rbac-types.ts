/**
 * The rbac.authorization.k8s.io/v1 kinds: Role and ClusterRole (sets of PolicyRules) and
 * RoleBinding and ClusterRoleBinding (which grant a role to subjects: users, groups and
 * ServiceAccounts). The API server's RBAC authorizer reads them (`model/rbac-authorizer.ts`).
 */
import type { KObject, LabelSelector } from "./types";

/** The API group of the RBAC kinds, and of User and Group subjects. */
export const RBAC_GROUP = "rbac.authorization.k8s.io";

/** One rule of a role: verbs on resources of API groups (optionally by name), or on non-resource URLs. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** A role binding's subject. */
export interface Subject {
  kind: string;
  name: string;
  apiGroup?: string;
  namespace?: string;
}

/** The role a binding grants. */
export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** rbac.authorization.k8s.io/v1 Role (namespaced). */
export interface Role extends KObject {
  kind: "Role";
  rules?: PolicyRule[] | null;
}

/** rbac.authorization.k8s.io/v1 ClusterRole; `aggregationRule` roles collect the rules of labelled ClusterRoles. */
export interface ClusterRole extends KObject {
  kind: "ClusterRole";
  rules?: PolicyRule[] | null;
  aggregationRule?: { clusterRoleSelectors?: LabelSelector[] };
}

/** rbac.authorization.k8s.io/v1 RoleBinding (namespaced; may reference a ClusterRole). */
export interface RoleBinding extends KObject {
  kind: "RoleBinding";
  roleRef: RoleRef;
  subjects?: Subject[] | null;
}

/** rbac.authorization.k8s.io/v1 ClusterRoleBinding. */
export interface ClusterRoleBinding extends KObject {
  kind: "ClusterRoleBinding";
  roleRef: RoleRef;
  subjects?: Subject[] | null;
}
