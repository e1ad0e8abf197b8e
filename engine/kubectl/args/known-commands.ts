/**
 * The kubectl v1.32 command tree as cobra holds it, in the order kubectl adds the commands
 * (which is the order of its `Did you mean this?` suggestions). Commands the simulation does
 * not implement are still known here, so that `kubectl drain` is "not supported" rather than
 * an unknown command, and suggestions match real kubectl's.
 */

/** One node of the kubectl command tree. */
export interface KnownCommand {
  name: string;
  aliases?: readonly string[];
  /** Hidden commands are never suggested (`alpha` when it is empty, cobra's `help`). */
  hidden?: boolean;
  /**
   * A command that only dispatches to its subcommands (`rollout`, `set`, `create secret`):
   * with no subcommand it prints its help and exits 1; with an unknown one it prints
   * `error: unknown command "x"`.
   */
  group?: boolean;
  children?: readonly KnownCommand[];
}

const leaf = (name: string, ...aliases: string[]): KnownCommand => (aliases.length ? { name, aliases } : { name });
const group = (name: string, children: readonly KnownCommand[]): KnownCommand => ({ name, group: true, children });

/** kubectl's top-level commands with their subcommands, in cobra's order. */
export const KUBECTL_COMMAND_TREE: readonly KnownCommand[] = [
  {
    name: "create",
    children: [
      leaf("clusterrole"),
      leaf("clusterrolebinding"),
      leaf("configmap", "cm"),
      leaf("cronjob", "cj"),
      leaf("deployment", "deploy"),
      leaf("ingress", "ing"),
      leaf("job"),
      leaf("namespace", "ns"),
      leaf("poddisruptionbudget", "pdb"),
      leaf("priorityclass", "pc"),
      leaf("quota", "resourcequota"),
      leaf("role"),
      leaf("rolebinding"),
      group("secret", [leaf("docker-registry"), leaf("generic"), leaf("tls")]),
      {
        name: "service",
        aliases: ["svc"],
        group: true,
        children: [leaf("clusterip"), leaf("externalname"), leaf("loadbalancer"), leaf("nodeport")],
      },
      leaf("serviceaccount", "sa"),
      leaf("token"),
    ],
  },
  leaf("expose"),
  leaf("run"),
  group("set", [
    leaf("env"),
    leaf("image"),
    leaf("resources"),
    leaf("selector"),
    leaf("serviceaccount", "sa"),
    leaf("subject"),
  ]),
  leaf("explain"),
  leaf("get"),
  leaf("edit"),
  leaf("delete"),
  group("rollout", [leaf("history"), leaf("pause"), leaf("restart"), leaf("resume"), leaf("status"), leaf("undo")]),
  leaf("scale"),
  leaf("autoscale"),
  group("certificate", [leaf("approve"), leaf("deny")]),
  { name: "cluster-info", children: [leaf("dump")] },
  group("top", [leaf("node", "nodes", "no"), leaf("pod", "pods", "po")]),
  leaf("cordon"),
  leaf("uncordon"),
  leaf("drain"),
  leaf("taint"),
  leaf("describe"),
  leaf("logs"),
  leaf("attach"),
  leaf("exec"),
  leaf("port-forward"),
  leaf("proxy"),
  leaf("cp"),
  group("auth", [leaf("can-i"), leaf("reconcile"), leaf("whoami")]),
  leaf("debug"),
  leaf("events"),
  leaf("diff"),
  leaf("apply"),
  leaf("patch"),
  leaf("replace"),
  leaf("wait"),
  leaf("kustomize"),
  leaf("label"),
  leaf("annotate"),
  leaf("completion"),
  { name: "alpha", hidden: true },
  group("config", [
    leaf("current-context"),
    leaf("delete-cluster"),
    leaf("delete-context"),
    leaf("delete-user"),
    leaf("get-clusters"),
    leaf("get-contexts"),
    leaf("get-users"),
    leaf("rename-context"),
    leaf("set"),
    leaf("set-cluster"),
    leaf("set-context"),
    leaf("set-credentials"),
    leaf("unset"),
    leaf("use-context", "use"),
    leaf("view"),
  ]),
  group("plugin", [leaf("list")]),
  leaf("version"),
  leaf("api-versions"),
  leaf("api-resources"),
  leaf("options"),
  { name: "help", hidden: true },
];
