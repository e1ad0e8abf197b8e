import type { ConfigMap, Namespace, Secret, ServiceAccount } from "../../../model/types";
import { translateTimestampSince } from "../human-duration";
import type { TableDefinition } from "./table-definition";

function size(m: object | undefined): number {
  return m ? Object.keys(m).length : 0;
}

/** `kubectl get configmaps`: NAME DATA AGE (DATA counts data and binaryData keys). */
export const configMapTable: TableDefinition<ConfigMap> = {
  columns: [{ name: "Name", format: "name" }, { name: "Data" }, { name: "Age" }],
  row(cm, now) {
    return [cm.metadata.name, String(size(cm.data) + size(cm.binaryData)), translateTimestampSince(cm.metadata.creationTimestamp, now)];
  },
};

/** `kubectl get secrets`: NAME TYPE DATA AGE. */
export const secretTable: TableDefinition<Secret> = {
  columns: [{ name: "Name", format: "name" }, { name: "Type" }, { name: "Data" }, { name: "Age" }],
  row(s, now) {
    return [s.metadata.name, s.type ?? "Opaque", String(size(s.data)), translateTimestampSince(s.metadata.creationTimestamp, now)];
  },
};

/** `kubectl get serviceaccounts`: NAME SECRETS AGE. */
export const serviceAccountTable: TableDefinition<ServiceAccount> = {
  columns: [{ name: "Name", format: "name" }, { name: "Secrets" }, { name: "Age" }],
  row(sa, now) {
    return [sa.metadata.name, String((sa.secrets ?? []).length), translateTimestampSince(sa.metadata.creationTimestamp, now)];
  },
};

/** `kubectl get namespaces`: NAME STATUS AGE. */
export const namespaceTable: TableDefinition<Namespace> = {
  columns: [{ name: "Name", format: "name" }, { name: "Status" }, { name: "Age" }],
  row(ns, now) {
    return [ns.metadata.name, ns.status?.phase ?? "", translateTimestampSince(ns.metadata.creationTimestamp, now)];
  },
};
