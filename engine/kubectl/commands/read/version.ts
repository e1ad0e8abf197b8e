/** `kubectl version`: client, Kustomize and server versions, as text, YAML or JSON. */
import type { Node } from "../../../model/types";
import type { Cluster } from "../../../runtime/cluster";
import { fail, ok, type CommandSpec } from "../../command";
import { flagBool, flagString } from "../../args";
import { goYaml } from "../../printers/go-yaml";

/** The client version of the kubectl this simulation mirrors (upstream kubectl v1.32.5; /usr/bin/kubectl on these machines is a dispatcher in front of it). */
export const CLIENT_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.5",
  gitCommit: "9894294ef13a5b32803e3ca2c0d620a088cc84d1",
  gitTreeState: "clean",
  buildDate: "2025-05-15T09:12:10Z",
  goVersion: "go1.23.8",
  compiler: "gc",
  platform: "linux/amd64",
};

/** The Kustomize version built into kubectl v1.32. */
export const KUSTOMIZE_VERSION = "v5.5.0";

/** The API server's version: the control plane's kubelet version (all nodes run one version), else v1.32.4. */
export function serverVersion(cluster: Cluster): typeof CLIENT_VERSION {
  const nodes = cluster.store.list<Node>("Node");
  const cp = nodes.find((n) => Object.prototype.hasOwnProperty.call(n.metadata.labels ?? {}, "node-role.kubernetes.io/control-plane")) ?? nodes[0];
  const gitVersion = cp?.status?.nodeInfo?.kubeletVersion || "v1.32.4";
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m ? m[1] : "1",
    minor: m ? m[2] : "32",
    gitVersion,
    gitCommit: "59526cd4867447956156ae3a602fcbac10a2c335",
    gitTreeState: "clean",
    buildDate: "2025-04-22T15:56:18Z",
    goVersion: "go1.23.6",
    compiler: "gc",
    platform: "linux/amd64",
  };
}

/** `kubectl version`. */
export const versionCommand: CommandSpec = {
  path: ["version"],
  short: "Print the client and server version information",
  usage: "kubectl version [flags] [options]",
  flags: [
    { name: "client", type: "bool", default: false },
    { name: "output", short: "o", type: "string", default: "" },
  ],
  run(ctx, args) {
    const clientOnly = flagBool(args.flags, "client");
    const output = flagString(args.flags, "output");
    if (output !== "" && output !== "yaml" && output !== "json") return fail("error: --output must be 'yaml' or 'json'");
    const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    if (!clientOnly) info.serverVersion = serverVersion(ctx.cluster);
    if (output === "json") return ok(JSON.stringify(info, null, 2) + "\n");
    if (output === "yaml") return ok(goYaml(info));
    let text = `Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!clientOnly) text += `Server Version: ${(info.serverVersion as typeof CLIENT_VERSION).gitVersion}\n`;
    return ok(text);
  },
};
