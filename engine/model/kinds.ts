import type { KindInfo } from "./types";

/** Every kind the simulated API server serves, in the order `kubectl api-resources` lists them. */
export const KINDS: readonly KindInfo[] = [
  { kind: "ConfigMap", apiVersion: "v1", resource: "configmaps", singular: "configmap", shortNames: ["cm"], namespaced: true },
  { kind: "Endpoints", apiVersion: "v1", resource: "endpoints", singular: "endpoints", shortNames: ["ep"], namespaced: true },
  { kind: "Event", apiVersion: "v1", resource: "events", singular: "event", shortNames: ["ev"], namespaced: true },
  { kind: "LimitRange", apiVersion: "v1", resource: "limitranges", singular: "limitrange", shortNames: ["limits"], namespaced: true },
  { kind: "Namespace", apiVersion: "v1", resource: "namespaces", singular: "namespace", shortNames: ["ns"], namespaced: false },
  { kind: "Node", apiVersion: "v1", resource: "nodes", singular: "node", shortNames: ["no"], namespaced: false },
  { kind: "PersistentVolumeClaim", apiVersion: "v1", resource: "persistentvolumeclaims", singular: "persistentvolumeclaim", shortNames: ["pvc"], namespaced: true },
  { kind: "PersistentVolume", apiVersion: "v1", resource: "persistentvolumes", singular: "persistentvolume", shortNames: ["pv"], namespaced: false },
  { kind: "Pod", apiVersion: "v1", resource: "pods", singular: "pod", shortNames: ["po"], namespaced: true },
  { kind: "PodTemplate", apiVersion: "v1", resource: "podtemplates", singular: "podtemplate", shortNames: [], namespaced: true },
  { kind: "ReplicationController", apiVersion: "v1", resource: "replicationcontrollers", singular: "replicationcontroller", shortNames: ["rc"], namespaced: true },
  { kind: "ResourceQuota", apiVersion: "v1", resource: "resourcequotas", singular: "resourcequota", shortNames: ["quota"], namespaced: true },
  { kind: "Secret", apiVersion: "v1", resource: "secrets", singular: "secret", shortNames: [], namespaced: true },
  { kind: "ServiceAccount", apiVersion: "v1", resource: "serviceaccounts", singular: "serviceaccount", shortNames: ["sa"], namespaced: true },
  { kind: "Service", apiVersion: "v1", resource: "services", singular: "service", shortNames: ["svc"], namespaced: true },
  { kind: "ControllerRevision", apiVersion: "apps/v1", resource: "controllerrevisions", singular: "controllerrevision", shortNames: [], namespaced: true },
  { kind: "DaemonSet", apiVersion: "apps/v1", resource: "daemonsets", singular: "daemonset", shortNames: ["ds"], namespaced: true },
  { kind: "Deployment", apiVersion: "apps/v1", resource: "deployments", singular: "deployment", shortNames: ["deploy"], namespaced: true },
  { kind: "ReplicaSet", apiVersion: "apps/v1", resource: "replicasets", singular: "replicaset", shortNames: ["rs"], namespaced: true },
  { kind: "StatefulSet", apiVersion: "apps/v1", resource: "statefulsets", singular: "statefulset", shortNames: ["sts"], namespaced: true },
  { kind: "HorizontalPodAutoscaler", apiVersion: "autoscaling/v2", resource: "horizontalpodautoscalers", singular: "horizontalpodautoscaler", shortNames: ["hpa"], namespaced: true },
  { kind: "CronJob", apiVersion: "batch/v1", resource: "cronjobs", singular: "cronjob", shortNames: ["cj"], namespaced: true },
  { kind: "Job", apiVersion: "batch/v1", resource: "jobs", singular: "job", shortNames: [], namespaced: true },
  { kind: "EndpointSlice", apiVersion: "discovery.k8s.io/v1", resource: "endpointslices", singular: "endpointslice", shortNames: [], namespaced: true },
  { kind: "IngressClass", apiVersion: "networking.k8s.io/v1", resource: "ingressclasses", singular: "ingressclass", shortNames: [], namespaced: false },
  { kind: "Ingress", apiVersion: "networking.k8s.io/v1", resource: "ingresses", singular: "ingress", shortNames: ["ing"], namespaced: true },
  { kind: "NetworkPolicy", apiVersion: "networking.k8s.io/v1", resource: "networkpolicies", singular: "networkpolicy", shortNames: ["netpol"], namespaced: true },
  { kind: "PodDisruptionBudget", apiVersion: "policy/v1", resource: "poddisruptionbudgets", singular: "poddisruptionbudget", shortNames: ["pdb"], namespaced: true },
  { kind: "ClusterRoleBinding", apiVersion: "rbac.authorization.k8s.io/v1", resource: "clusterrolebindings", singular: "clusterrolebinding", shortNames: [], namespaced: false },
  { kind: "ClusterRole", apiVersion: "rbac.authorization.k8s.io/v1", resource: "clusterroles", singular: "clusterrole", shortNames: [], namespaced: false },
  { kind: "RoleBinding", apiVersion: "rbac.authorization.k8s.io/v1", resource: "rolebindings", singular: "rolebinding", shortNames: [], namespaced: true },
  { kind: "Role", apiVersion: "rbac.authorization.k8s.io/v1", resource: "roles", singular: "role", shortNames: [], namespaced: true },
  { kind: "PriorityClass", apiVersion: "scheduling.k8s.io/v1", resource: "priorityclasses", singular: "priorityclass", shortNames: ["pc"], namespaced: false },
  { kind: "StorageClass", apiVersion: "storage.k8s.io/v1", resource: "storageclasses", singular: "storageclass", shortNames: ["sc"], namespaced: false },
];

const byName = new Map<string, KindInfo>();
for (const k of KINDS) {
  byName.set(k.kind.toLowerCase(), k);
  byName.set(k.resource, k);
  byName.set(k.singular, k);
  for (const s of k.shortNames) byName.set(s, k);
}

/**
 * Resolves what a learner typed as a resource type (`po`, `pods`, `Pod`, `deployments.apps`,
 * `deploy.v1.apps`) to the kind it names, or undefined.
 */
export function resolveKind(typed: string): KindInfo | undefined {
  const lower = typed.toLowerCase();
  const direct = byName.get(lower);
  if (direct) return direct;
  const dot = lower.indexOf(".");
  if (dot > 0) {
    const head = byName.get(lower.slice(0, dot));
    const group = lower.slice(dot + 1);
    if (head) {
      const g = head.apiVersion.includes("/") ? head.apiVersion.split("/")[0] : "";
      const v = head.apiVersion.includes("/") ? head.apiVersion.split("/")[1] : head.apiVersion;
      if (group === g || group === `${v}.${g}` || (g === "" && (group === v || group === ""))) return head;
    }
  }
  return undefined;
}

/** The registry entry for a kind name such as "Pod"; throws for a kind the engine does not model. */
export function kindInfo(kind: string): KindInfo {
  const k = byName.get(kind.toLowerCase());
  if (!k) throw new Error(`unknown kind ${kind}`);
  return k;
}
