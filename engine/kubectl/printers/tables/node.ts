import type { Node } from "../../../model/types";
import { translateTimestampSince } from "../human-duration";
import { goStringLess } from "../selectors";
import type { TableDefinition } from "./table-definition";

const NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
const NODE_ROLE_LABEL = "kubernetes.io/role";

/** ROLES: from `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted, or `<none>`. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(NODE_ROLE_PREFIX)) {
      const role = k.slice(NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_ROLE_LABEL && v !== "") roles.add(v);
  }
  return roles.size ? [...roles].sort(goStringLess).join(",") : "<none>";
}

/** STATUS: `Ready`, `NotReady` or `Unknown`, then `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
  else status.push("Unknown");
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? "<none>";
}

/** `kubectl get nodes`: NAME STATUS ROLES AGE VERSION; wide adds INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME. */
export const nodeTable: TableDefinition<Node> = {
  columns: [
    { name: "Name", format: "name" },
    { name: "Status" },
    { name: "Roles" },
    { name: "Age" },
    { name: "Version" },
    { name: "Internal-IP", priority: 1 },
    { name: "External-IP", priority: 1 },
    { name: "OS-Image", priority: 1 },
    { name: "Kernel-Version", priority: 1 },
    { name: "Container-Runtime", priority: 1 },
  ],
  row(node, now, wide) {
    const info = node.status?.nodeInfo;
    const cells = [node.metadata.name, nodeStatus(node), nodeRoles(node), translateTimestampSince(node.metadata.creationTimestamp, now), info?.kubeletVersion ?? ""];
    if (wide) {
      cells.push(
        address(node, "InternalIP"),
        address(node, "ExternalIP"),
        info?.osImage || "<unknown>",
        info?.kernelVersion || "<unknown>",
        info?.containerRuntimeVersion || "<unknown>",
      );
    }
    return cells;
  },
};
