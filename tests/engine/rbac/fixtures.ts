/** A shop namespace with the RBAC objects a workshop on authorization uses, for the RBAC tests. */

/** Manifests: a ServiceAccount, a Role and ClusterRole, and bindings of users, groups and ServiceAccounts. */
export const RBAC_WORLD = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: ServiceAccount
metadata: { name: ci, namespace: shop }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: pod-reader, namespace: shop, labels: { team: web } }
rules:
  - apiGroups: [""]
    resources: ["pods", "pods/log"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["apps"]
    resources: ["deployments"]
    resourceNames: ["web"]
    verbs: ["get", "patch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: node-watcher, annotations: { owner: ops } }
rules:
  - apiGroups: [""]
    resources: ["nodes"]
    verbs: ["get", "list", "watch"]
  - nonResourceURLs: ["/healthz", "/metrics*"]
    verbs: ["get"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: read-pods, namespace: shop }
subjects:
  - { kind: User, name: jane, apiGroup: rbac.authorization.k8s.io }
  - { kind: Group, name: web-devs, apiGroup: rbac.authorization.k8s.io }
roleRef: { kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: ci-edit, namespace: shop }
subjects:
  - { kind: ServiceAccount, name: ci, namespace: shop }
roleRef: { kind: ClusterRole, name: edit, apiGroup: rbac.authorization.k8s.io }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: ops-nodes }
subjects:
  - { kind: Group, name: ops, apiGroup: rbac.authorization.k8s.io }
  - { kind: ServiceAccount, name: ci, namespace: shop }
roleRef: { kind: ClusterRole, name: node-watcher, apiGroup: rbac.authorization.k8s.io }
`;
