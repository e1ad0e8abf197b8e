import { kindInfo } from "../model/kinds";

/** `Error from server (NotFound): pods "web" not found` */
export function notFound(kind: string, name: string): string {
  return `Error from server (NotFound): ${resourceWithGroup(kind)} "${name}" not found`;
}

/** `Error from server (AlreadyExists): configmaps "x" already exists` */
export function alreadyExists(kind: string, name: string): string {
  return `Error from server (AlreadyExists): ${resourceWithGroup(kind)} "${name}" already exists`;
}

/** `error: the server doesn't have a resource type "pdos"` */
export function unknownResourceType(typed: string): string {
  return `error: the server doesn't have a resource type "${typed}"`;
}

/** `Error from server (NotFound): namespaces "x" not found` */
export function namespaceNotFound(ns: string): string {
  return `Error from server (NotFound): namespaces "${ns}" not found`;
}

/** The resource name as the API server quotes it in errors: `pods`, `deployments.apps`. */
export function resourceWithGroup(kind: string): string {
  const info = kindInfo(kind);
  const group = info.apiVersion.includes("/") ? info.apiVersion.split("/")[0] : "";
  return group ? `${info.resource}.${group}` : info.resource;
}

/** `No resources found in shop namespace.` / `No resources found` for cluster-scoped kinds. */
export function noResourcesFound(namespace: string | undefined): string {
  return namespace ? `No resources found in ${namespace} namespace.` : "No resources found";
}
