/**
 * The describer registry: one describer per kind, each a fetch (through a `DescribeSource`)
 * followed by a pure render over a `PrefixWriter`, as kubectl v1.32's describe.go does.
 */
import type { KObject } from "../../model/types";
import type { ObjectStore } from "../../runtime/store";
import { configMapDescriber } from "./configmap";
import { deploymentDescriber } from "./deployment";
import { endpointsDescriber } from "./endpoints";
import { namespaceDescriber } from "./namespace";
import { nodeDescriber } from "./node";
import { podDescriber } from "./pod";
import { replicaSetDescriber } from "./replicaset";
import { secretDescriber } from "./secret";
import { serviceDescriber } from "./service";
import { serviceAccountDescriber } from "./service-account";
import type { DescribeSource, Describer, DescriberSettings } from "./source";
import { persistentVolumeClaimDescriber, persistentVolumeDescriber, storageClassDescriber } from "./storage";
import { statefulSetDescriber } from "./statefulset";
import { daemonSetDescriber } from "./daemonset";
import { cronJobDescriber, jobDescriber } from "./job";
import { genericDescriber } from "./generic";
import { roleBindingDescriber, roleDescriber } from "./rbac";
import { endpointSliceDescriber, ingressClassDescriber, ingressDescriber, networkPolicyDescriber } from "./networking";
import {
  horizontalPodAutoscalerDescriber,
  limitRangeDescriber,
  podDisruptionBudgetDescriber,
  priorityClassDescriber,
  replicationControllerDescriber,
  resourceQuotaDescriber,
} from "./policy";

export type { DescribeSource, Describer, DescriberSettings } from "./source";
export { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, LEVEL_4, PrefixWriter, tabbedString } from "./prefix-writer";

/** Describers by kind. */
export const DESCRIBERS: Readonly<Record<string, Describer>> = {
  Pod: podDescriber,
  Deployment: deploymentDescriber,
  ReplicaSet: replicaSetDescriber,
  Node: nodeDescriber,
  Service: serviceDescriber,
  Endpoints: endpointsDescriber,
  ConfigMap: configMapDescriber,
  Secret: secretDescriber,
  ServiceAccount: serviceAccountDescriber,
  Namespace: namespaceDescriber,
  PersistentVolumeClaim: persistentVolumeClaimDescriber,
  PersistentVolume: persistentVolumeDescriber,
  StorageClass: storageClassDescriber,
  StatefulSet: statefulSetDescriber,
  DaemonSet: daemonSetDescriber,
  Job: jobDescriber,
  CronJob: cronJobDescriber,
  ControllerRevision: genericDescriber,
  Ingress: ingressDescriber,
  IngressClass: ingressClassDescriber,
  NetworkPolicy: networkPolicyDescriber,
  EndpointSlice: endpointSliceDescriber,
  HorizontalPodAutoscaler: horizontalPodAutoscalerDescriber,
  PodDisruptionBudget: podDisruptionBudgetDescriber,
  ResourceQuota: resourceQuotaDescriber,
  LimitRange: limitRangeDescriber,
  PriorityClass: priorityClassDescriber,
  ReplicationController: replicationControllerDescriber,
  // kubectl has no PodTemplate describer of its own: it describes them generically.
  PodTemplate: genericDescriber,
  Role: roleDescriber,
  ClusterRole: roleDescriber,
  RoleBinding: roleBindingDescriber,
  ClusterRoleBinding: roleBindingDescriber,
};

/**
 * A `DescribeSource` over a cluster's store at virtual time `now`. Lists are read once per
 * source (describe never writes), so describing many objects does not sort the events again
 * for each one.
 */
export function storeSource(store: Pick<ObjectStore, "get" | "list">, now: number): DescribeSource {
  const lists = new Map<string, KObject[]>();
  return {
    now,
    get: (kind, ns, name) => store.get(kind, ns, name),
    list: <T extends KObject>(kind: string, ns?: string): T[] => {
      const key = `${kind}\u0000${ns ?? ""}`;
      let list = lists.get(key);
      if (!list) lists.set(key, (list = store.list(kind, ns)));
      return list.slice() as T[];
    },
  };
}

/** Describes one object, or returns undefined when no describer exists for its kind. */
export function describeObject(obj: KObject, source: DescribeSource, settings: DescriberSettings = { showEvents: true }): string | undefined {
  const d = DESCRIBERS[obj.kind];
  return d ? d(obj, source, settings) : undefined;
}
