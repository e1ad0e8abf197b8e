/** Where the simulated API server listens, and the kubeconfig that points at it. */
import type { Node } from "../../../model/types";
import type { Cluster } from "../../../runtime/cluster";
import type { CommandContext } from "../../command";

/** The kubeconfig names of the learner's cluster, user and context. */
export const KUBECONFIG_NAMES = { cluster: "crashcourse", user: "crashcourse-admin", context: "crashcourse" } as const;

/** The API server URL: the control-plane node's InternalIP on 6443, else the loopback. */
export function apiServerURL(cluster: Cluster): string {
  const nodes = cluster.store.list<Node>("Node");
  const cp = nodes.find((n) => Object.prototype.hasOwnProperty.call(n.metadata.labels ?? {}, "node-role.kubernetes.io/control-plane"));
  const ip = cp?.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
  return `https://${ip ?? "127.0.0.1"}:6443`;
}

/** The namespace of the kubeconfig's current context. */
export function contextNamespace(ctx: CommandContext): string {
  return ctx.kubeconfig?.namespace ?? (ctx.namespaceExplicit ? "default" : ctx.namespace);
}
