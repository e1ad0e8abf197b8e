/**
 * An interactive shell kept attached to a container (after `kubectl exec -it … -- sh` or
 * `kubectl debug -it`): the session layer opens it from the command's `attach` request and
 * sends it each line the learner types.
 */
import { viewOf } from "./view-of";
import type { AttachRequest } from "../../command";
import type { Pod } from "../../../model/types";
import type { Cluster } from "../../../runtime/cluster";
import { containerRunning } from "./exec";
import { newShellState, shellPrompt, simShell, type ShellLineResult, type ShellState } from "./sim-shell";

/** The first prompt of an attached shell, or the error when the container is gone. */
export function openShell(cluster: Cluster, attach: AttachRequest): { ok: true; state: ShellState; prompt: string } | { ok: false; error: string } {
  const pod = cluster.store.get<Pod>("Pod", attach.namespace, attach.pod);
  if (!pod || !containerRunning(pod, attach.container)) return { ok: false, error: `error: unable to upgrade connection: container not found ("${attach.container}")\n` };
  const view = viewOf(cluster, pod, attach.container);
  if (!view) return { ok: false, error: `error: container ${attach.container} not found in pod ${attach.pod}\n` };
  const state = newShellState(view);
  return { ok: true, state, prompt: shellPrompt(view, state) };
}

/**
 * Runs one typed line in the attached shell at the cluster's current time. When the container
 * stopped meanwhile the session ends with kubectl's message.
 */
export function shellLine(cluster: Cluster, attach: AttachRequest, state: ShellState, line: string): ShellLineResult & { prompt: string } {
  const pod = cluster.store.get<Pod>("Pod", attach.namespace, attach.pod);
  if (!pod || !containerRunning(pod, attach.container)) {
    return { stdout: "", stderr: "command terminated with exit code 137\n", exitCode: 137, exit: true, state, prompt: "" };
  }
  const view = viewOf(cluster, pod, attach.container)!;
  const r = simShell(view, line, state);
  return { ...r, prompt: r.exit ? "" : shellPrompt(view, r.state) };
}
