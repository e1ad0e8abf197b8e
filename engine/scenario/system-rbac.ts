/**
 * The RBAC objects every cluster has from the API server's bootstrap policy (kubernetes v1.32,
 * `plugin/pkg/auth/authorizer/rbac/bootstrappolicy`): the user-facing ClusterRoles
 * `cluster-admin`, `admin`, `edit` and `view`, the three every authenticated user is bound to
 * (`system:basic-user`, `system:discovery`, `system:public-info-viewer`), the `cluster-admin`
 * binding of `system:masters`, and kubeadm's `kubeadm:cluster-admins` binding (the group of
 * kind's `kubernetes-admin` user).
 *
 * Not modelled: the other ~60 `system:*` ClusterRoles and bindings of a real cluster (controller
 * roles, node, scheduler, `system:aggregate-to-*`) and the `system:*`/`extension-apiserver-*`
 * Roles in kube-system. `admin`, `edit` and `view` carry their aggregation rules and the rules
 * the aggregation controller computes from the bootstrap `system:aggregate-to-*` roles; those
 * rule lists are frozen and shared (view's rules are part of edit's, edit's of admin's), so a
 * snapshot restore copies a reference, not the rules.
 */
import type { KObject } from "../model/types";
import { RBAC_GROUP, type PolicyRule } from "../model/rbac-types";

const READ = ["get", "list", "watch"];
const WRITE = ["create", "delete", "deletecollection", "patch", "update"];
const ALL = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

/** `[apiGroups, resources, verbs]`, the shape the bootstrap policy writes its rules in. */
type RuleTuple = readonly [groups: readonly string[], resources: readonly string[], verbs: readonly string[]];

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

function rules(tuples: readonly RuleTuple[]): PolicyRule[] {
  return tuples.map(([apiGroups, resources, verbs]) => ({ apiGroups: [...apiGroups], resources: [...resources], verbs: [...verbs] }));
}

/** `system:aggregate-to-view`. */
const TO_VIEW: readonly RuleTuple[] = [
  [[""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"], READ],
  [[""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"], READ],
  [[""], ["namespaces"], READ],
  [["discovery.k8s.io"], ["endpointslices"], READ],
  [["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"], READ],
  [["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], READ],
  [["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], READ],
  [["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale"], READ],
  [["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], READ],
  [["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], READ],
];

/** `system:aggregate-to-edit`. */
const TO_EDIT: readonly RuleTuple[] = [
  [[""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], READ],
  [[""], ["serviceaccounts"], ["impersonate"]],
  [[""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], WRITE],
  [[""], ["pods/eviction"], ["create"]],
  [[""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"], WRITE],
  [[""], ["serviceaccounts/token"], ["create"]],
  [["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], WRITE],
  [["autoscaling"], ["horizontalpodautoscalers"], WRITE],
  [["batch"], ["cronjobs", "jobs"], WRITE],
  [["extensions"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"], WRITE],
  [["policy"], ["poddisruptionbudgets"], WRITE],
  [["networking.k8s.io"], ["ingresses", "networkpolicies"], WRITE],
  [["coordination.k8s.io"], ["leases"], ALL],
];

/** `system:aggregate-to-admin`. */
const TO_ADMIN: readonly RuleTuple[] = [
  [["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]],
  [[RBAC_GROUP], ["rolebindings", "roles"], ALL],
];

/** `system:basic-user`. */
const BASIC_USER: readonly RuleTuple[] = [
  [["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]],
  [["authentication.k8s.io"], ["selfsubjectreviews"], ["create"]],
];

const DISCOVERY_URLS = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"];
const PUBLIC_INFO_URLS = ["/healthz", "/livez", "/readyz", "/version", "/version/"];

// Labels, annotations, roleRefs and subjects are frozen too: kubectl's writes replace an object
// (patch, apply, edit and label work on a copy), so they can be shared by every restored cluster.
const BOOTSTRAP_LABELS = deepFreeze({ "kubernetes.io/bootstrapping": "rbac-defaults" });
const AUTOUPDATE = deepFreeze({ "rbac.authorization.kubernetes.io/autoupdate": "true" });
const LABELS_TO_ADMIN = deepFreeze({ ...BOOTSTRAP_LABELS, "rbac.authorization.k8s.io/aggregate-to-admin": "true" });
const LABELS_TO_EDIT = deepFreeze({ ...BOOTSTRAP_LABELS, "rbac.authorization.k8s.io/aggregate-to-edit": "true" });

/** The rules, computed once and frozen: every cluster shares them until a learner replaces a role. */
const SHARED = (() => {
  const view = rules(TO_VIEW);
  // The aggregation controller orders the matching roles by name: edit ← system:aggregate-to-edit, view; admin ← edit, system:aggregate-to-admin.
  const edit = [...rules(TO_EDIT), ...view];
  const admin = [...edit, ...rules(TO_ADMIN)];
  return deepFreeze({
    clusterAdmin: [
      { apiGroups: ["*"], resources: ["*"], verbs: ["*"] },
      { nonResourceURLs: ["*"], verbs: ["*"] },
    ] as PolicyRule[],
    admin,
    edit,
    view,
    basicUser: rules(BASIC_USER),
    discovery: [{ nonResourceURLs: DISCOVERY_URLS, verbs: ["get"] }] as PolicyRule[],
    publicInfo: [{ nonResourceURLs: PUBLIC_INFO_URLS, verbs: ["get"] }] as PolicyRule[],
    aggregateToAdmin: { clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-admin": "true" } }] },
    aggregateToEdit: { clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } }] },
    aggregateToView: { clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } }] },
  });
})();

function clusterRole(name: string, ruleList: readonly PolicyRule[], extra: { labels?: Record<string, string>; aggregationRule?: unknown } = {}): KObject {
  const obj: KObject = {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: "ClusterRole",
    metadata: { name, labels: extra.labels ?? BOOTSTRAP_LABELS, annotations: AUTOUPDATE },
    rules: ruleList,
  };
  if (extra.aggregationRule) obj.aggregationRule = extra.aggregationRule;
  return obj;
}

function clusterRoleBinding(name: string, role: string, groups: string[], bootstrap = true): KObject {
  const metadata: KObject["metadata"] = bootstrap ? { name, labels: BOOTSTRAP_LABELS, annotations: AUTOUPDATE } : { name };
  return {
    apiVersion: `${RBAC_GROUP}/v1`,
    kind: "ClusterRoleBinding",
    metadata,
    roleRef: deepFreeze({ apiGroup: RBAC_GROUP, kind: "ClusterRole", name: role }),
    subjects: deepFreeze(groups.map((g) => ({ apiGroup: RBAC_GROUP, kind: "Group", name: g }))),
  };
}

/** The bootstrap ClusterRoles and ClusterRoleBindings this simulation models, in creation order. */
export function systemRbacObjects(): KObject[] {
  return [
    clusterRole("cluster-admin", SHARED.clusterAdmin),
    clusterRole("admin", SHARED.admin, { aggregationRule: SHARED.aggregateToAdmin }),
    clusterRole("edit", SHARED.edit, { labels: LABELS_TO_ADMIN, aggregationRule: SHARED.aggregateToEdit }),
    clusterRole("view", SHARED.view, { labels: LABELS_TO_EDIT, aggregationRule: SHARED.aggregateToView }),
    clusterRole("system:basic-user", SHARED.basicUser),
    clusterRole("system:discovery", SHARED.discovery),
    clusterRole("system:public-info-viewer", SHARED.publicInfo),
    clusterRoleBinding("cluster-admin", "cluster-admin", ["system:masters"]),
    clusterRoleBinding("system:basic-user", "system:basic-user", ["system:authenticated"]),
    clusterRoleBinding("system:discovery", "system:discovery", ["system:authenticated"]),
    clusterRoleBinding("system:public-info-viewer", "system:public-info-viewer", ["system:authenticated", "system:unauthenticated"]),
    clusterRoleBinding("kubeadm:cluster-admins", "cluster-admin", ["kubeadm:cluster-admins"], false),
  ];
}
