/**
 * `kubectl port-forward`: a simulated terminal has no local port to bind, so after kubectl's
 * own checks (the pod or service exists, the pod runs) it prints kubectl's `Forwarding from`
 * lines and explains that the connection is not usable here, pointing to in-cluster checks.
 */
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import type { Pod } from "../../../model/types";
import { resolvePodTarget } from "./pod-target";

/** Runs `kubectl port-forward`. */
export function runPortForward(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const [target, ...ports] = args.positionals;
  if (!target || ports.length === 0) return { stdout: "", stderr: "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n", exitCode: 1 };
  const resolved = resolvePodTarget(ctx.cluster.store, ctx.namespace, target);
  if (!resolved.ok) return { stdout: "", stderr: resolved.error + "\n", exitCode: 1 };
  const pod: Pod = resolved.pod;
  if (pod.status?.phase !== "Running") return { stdout: "", stderr: `error: unable to forward port because pod is not running. Current status=${pod.status?.phase ?? "Unknown"}\n`, exitCode: 1 };
  const given = args.flags.address;
  const list = Array.isArray(given) ? given : typeof given === "string" ? [given] : [];
  const addresses = list.flatMap((a) => a.split(",")).filter(Boolean);
  if (addresses.length === 0) addresses.push("localhost");
  let stdout = "";
  for (const spec of ports) {
    const [local, remote] = spec.includes(":") ? spec.split(":") : [spec, spec];
    for (const a of addresses) {
      if (a === "localhost") {
        stdout += `Forwarding from 127.0.0.1:${local || "0"} -> ${remote}\nForwarding from [::1]:${local || "0"} -> ${remote}\n`;
      } else stdout += `Forwarding from ${a}:${local || "0"} -> ${remote}\n`;
    }
  }
  const stderr = "(crashcourse) This terminal runs in your browser and cannot open local ports, so the forward ends here.\n(crashcourse) To test the pod from inside the cluster, use: kubectl exec -it <pod> -- wget -qO- http://<service>:<port>/\n";
  return { stdout, stderr, exitCode: 0 };
}

/** The `port-forward` command. */
export const portForwardCommand: CommandSpec = {
  path: ["port-forward"],
  short: "Forward one or more local ports to a pod",
  usage: "kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]",
  flags: [
    { name: "address", type: "stringArray", default: ["localhost"], description: "Addresses to listen on (comma separated)." },
    { name: "pod-running-timeout", type: "duration", default: 60000, description: "The length of time to wait until at least one pod is running" },
  ],
  run: runPortForward,
};
