/** The server-side table of every kind the simulation serves, keyed by kind. */
import type { KObject } from "../../../model/types";
import { translateTimestampSince } from "../human-duration";
import { configMapTable, namespaceTable, secretTable, serviceAccountTable } from "./config";
import { eventTable } from "./event";
import { endpointsTable, serviceTable } from "./network";
import { nodeTable } from "./node";
import { podTable } from "./pod";
import { persistentVolumeClaimTable, persistentVolumeTable, storageClassTable } from "./storage";
import type { TableDefinition } from "./table-definition";
import { clusterRoleBindingTable, clusterRoleTable, roleBindingTable, roleTable } from "./rbac";
import {
  endpointSliceTable,
  horizontalPodAutoscalerTable,
  ingressClassTable,
  ingressTable,
  limitRangeTable,
  networkPolicyTable,
  podDisruptionBudgetTable,
  podTemplateTable,
  priorityClassTable,
  replicationControllerTable,
  resourceQuotaTable,
} from "./standard-kinds";
import { controllerRevisionTable, cronJobTable, daemonSetTable, deploymentTable, jobTable, replicaSetTable, statefulSetTable } from "./workloads";

export type { TableColumn, TableDefinition } from "./table-definition";
export { formatEndpoints, servicePorts } from "./network";
export { nodeRoles, nodeStatus } from "./node";
export { accessModesString, isDefaultStorageClass } from "./storage";
export { eventTarget, formatEventSource } from "./event";

const TABLES: Record<string, TableDefinition> = {
  Pod: podTable as TableDefinition,
  Deployment: deploymentTable as TableDefinition,
  ReplicaSet: replicaSetTable as TableDefinition,
  StatefulSet: statefulSetTable,
  DaemonSet: daemonSetTable,
  Job: jobTable,
  CronJob: cronJobTable,
  ControllerRevision: controllerRevisionTable,
  Service: serviceTable as TableDefinition,
  Endpoints: endpointsTable as TableDefinition,
  Node: nodeTable as TableDefinition,
  Namespace: namespaceTable as TableDefinition,
  ConfigMap: configMapTable as TableDefinition,
  Secret: secretTable as TableDefinition,
  ServiceAccount: serviceAccountTable as TableDefinition,
  PersistentVolumeClaim: persistentVolumeClaimTable as TableDefinition,
  PersistentVolume: persistentVolumeTable as TableDefinition,
  StorageClass: storageClassTable as TableDefinition,
  Event: eventTable as TableDefinition,
  Ingress: ingressTable as TableDefinition,
  IngressClass: ingressClassTable as TableDefinition,
  NetworkPolicy: networkPolicyTable as TableDefinition,
  HorizontalPodAutoscaler: horizontalPodAutoscalerTable as TableDefinition,
  PodDisruptionBudget: podDisruptionBudgetTable as TableDefinition,
  ResourceQuota: resourceQuotaTable as TableDefinition,
  LimitRange: limitRangeTable as TableDefinition,
  EndpointSlice: endpointSliceTable as TableDefinition,
  ReplicationController: replicationControllerTable as TableDefinition,
  PodTemplate: podTemplateTable as TableDefinition,
  PriorityClass: priorityClassTable as TableDefinition,
  Role: roleTable as TableDefinition,
  ClusterRole: clusterRoleTable as TableDefinition,
  RoleBinding: roleBindingTable as TableDefinition,
  ClusterRoleBinding: clusterRoleBindingTable as TableDefinition,
};

/** The default table (NAME AGE) for a kind without its own columns, as `printObjectMeta`. */
export const objectMetaTable: TableDefinition = {
  columns: [{ name: "Name", format: "name" }, { name: "Age" }],
  row(obj: KObject, now: number) {
    return [obj.metadata.name, translateTimestampSince(obj.metadata.creationTimestamp, now)];
  },
};

/** The table definition for `kind` (`Pod`, `Deployment`…). */
export function tableFor(kind: string): TableDefinition {
  return TABLES[kind] ?? objectMetaTable;
}
