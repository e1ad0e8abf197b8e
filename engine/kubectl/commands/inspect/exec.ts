/**
 * `kubectl exec POD [-c C] [-i] [-t] -- CMD…`: runs the command in the simulated container
 * (its image's executables, its files and environment, the cluster network). A shell started
 * with `-it` and no script stays attached: the result carries an `attach` request.
 */
import { viewOf } from "./view-of";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import type { Pod } from "../../../model/types";
import { sha256Hex } from "../../../world/sha256";
import { defaultContainer, findContainer, resolvePodTarget } from "./pod-target";
import { runExec } from "./sim-shell";

const SHELLS = new Set(["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash", "/usr/bin/bash"]);

/** The OCI runtime error containerd returns when argv[0] cannot be executed in the container. */
export function ociExecFailure(pod: Pod, container: string, argv0: string, now: number): string {
  const execId = sha256Hex(`${pod.metadata.uid}/${container}/${argv0}/${now}`);
  const detail = argv0.startsWith("/") ? `exec: "${argv0}": stat ${argv0}: no such file or directory` : `exec: "${argv0}": executable file not found in $PATH`;
  return `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown`;
}

/** Whether a container of the pod is running now (exec needs a running container). */
export function containerRunning(pod: Pod, name: string): boolean {
  const s = pod.status ?? ({} as Pod["status"]);
  const st = [...(s.containerStatuses ?? []), ...(s.initContainerStatuses ?? []), ...(s.ephemeralContainerStatuses ?? [])].find((c) => c.name === name);
  return !!st?.state?.running;
}

/** Runs `argv` in a pod's container as exec does, after the pod and container checks. */
export function execInPod(ctx: CommandContext, pod: Pod, container: string, argv: string[], interactive: boolean): CommandResult {
  if (!pod.spec.nodeName) return { stdout: "", stderr: `Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned\n`, exitCode: 1 };
  if (!containerRunning(pod, container)) return { stdout: "", stderr: `error: unable to upgrade connection: container not found ("${container}")\n`, exitCode: 1 };
  const view = viewOf(ctx.cluster, pod, container);
  if (!view) return { stdout: "", stderr: `error: container ${container} not found in pod ${pod.metadata.name}\n`, exitCode: 1 };
  if (interactive && SHELLS.has(argv[0]) && argv.length === 1) {
    const r = runExec(view, argv);
    if (r.notExecutable) return { stdout: "", stderr: ociExecFailure(pod, container, argv[0], ctx.cluster.now()) + "\n", exitCode: 1 };
    return { stdout: "", stderr: "", exitCode: 0, attach: { namespace: pod.metadata.namespace ?? "default", pod: pod.metadata.name, container } };
  }
  const r = runExec(view, argv);
  if (r.notExecutable) return { stdout: "", stderr: ociExecFailure(pod, container, argv[0], ctx.cluster.now()) + "\n", exitCode: 1 };
  if (r.code !== 0) return { stdout: r.stdout, stderr: r.stderr + `command terminated with exit code ${r.code}\n`, exitCode: r.code };
  return { stdout: r.stdout, stderr: r.stderr, exitCode: 0 };
}

/** Runs `kubectl exec`. */
export function runExecCommand(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const f = args.flags;
  if (args.positionals.length === 0) return { stdout: "", stderr: "error: pod, type/name or --filename must be specified\n", exitCode: 1 };
  if (args.positionals.length > 1) {
    return { stdout: "", stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", exitCode: 1 };
  }
  if (args.dashArgs.length === 0) return { stdout: "", stderr: "error: you must specify at least one command for the container\n", exitCode: 1 };
  const target = resolvePodTarget(ctx.cluster.store, ctx.namespace, args.positionals[0]);
  if (!target.ok) return { stdout: "", stderr: target.error + "\n", exitCode: 1 };
  const pod = target.pod;
  if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") {
    return { stdout: "", stderr: `error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}\n`, exitCode: 1 };
  }
  const quiet = f.quiet === true;
  const requested = typeof f.container === "string" ? f.container : "";
  const chosen = defaultContainer(pod, requested);
  let stderr = quiet ? "" : chosen.notice;
  if (!findContainer(pod, chosen.name)) return { stdout: "", stderr: stderr + `error: container ${chosen.name} not found in pod ${pod.metadata.name}\n`, exitCode: 1 };
  const interactive = f.stdin === true && f.tty === true;
  const r = execInPod(ctx, pod, chosen.name, args.dashArgs, interactive);
  return { ...r, stderr: stderr + r.stderr };
}

/** The `exec` command, flags as kubectl v1.32 declares them. */
export const execCommand: CommandSpec = {
  path: ["exec"],
  short: "Execute a command in a container",
  usage: "kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]",
  flags: [
    { name: "container", short: "c", type: "string", default: "", description: "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen" },
    { name: "stdin", short: "i", type: "bool", default: false, description: "Pass stdin to the container" },
    { name: "tty", short: "t", type: "bool", default: false, description: "Stdin is a TTY" },
    { name: "quiet", short: "q", type: "bool", default: false, description: "Only print output from the remote session" },
    { name: "pod-running-timeout", type: "duration", default: 60000, description: "The length of time to wait until at least one pod is running" },
  ],
  run: runExecCommand,
};
