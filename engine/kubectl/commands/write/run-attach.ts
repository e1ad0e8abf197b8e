/**
 * `kubectl run -i` / `-it` / `--attach` (with `--rm`): after creating the pod, kubectl waits
 * (on the virtual clock, up to `--pod-running-timeout`) for it to run, then attaches: a shell
 * opens as an interactive session, any other command's output is shown, and a pod that already
 * finished shows its logs. `--rm` deletes the pod afterwards (for a shell, when it exits).
 */
import type { Pod } from "../../../model/types";
import type { CommandContext, CommandResult } from "../../command";
import { apiDelete } from "../../manifests/api-server";
import { imageSpecByReference } from "../../../world/registry";
import { containerRunning } from "../inspect/exec";
import { inspectRuntime } from "../inspect/runtime-hooks";
import { runExec } from "../inspect/sim-shell";
import { viewOf } from "../inspect/view-of";
import { waitUntil } from "../wait/wait-clock";

const PROMPT_HINT = "If you don't see a command prompt, try pressing enter.\n";
const SHELLS = new Set(["sh", "bash", "ash", "/bin/sh", "/bin/bash", "/bin/ash"]);

/** What `kubectl run` asked for when attaching. */
export interface RunAttachOptions {
  namespace: string;
  name: string;
  /** The container's command line (command + args; empty: the image's default). */
  argv: string[];
  tty: boolean;
  stdin: boolean;
  quiet: boolean;
  remove: boolean;
  podRunningTimeoutMs: number;
}

function currentPod(ctx: CommandContext, o: RunAttachOptions): Pod | undefined {
  return ctx.cluster.store.get<Pod>("Pod", o.namespace, o.name);
}

function finished(pod: Pod | undefined): boolean {
  return pod?.status?.phase === "Succeeded" || pod?.status?.phase === "Failed";
}

/** `pod "NAME" deleted`, as the deferred removal prints it. */
function remove(ctx: CommandContext, o: RunAttachOptions): string {
  const pod = currentPod(ctx, o);
  if (!pod) return "";
  const r = apiDelete(ctx.cluster, pod, {});
  return r.ok ? `pod "${o.name}" deleted\n` : "";
}

/** The pod's container logs, as kubectl run shows them for a pod that already finished. */
function logsOf(ctx: CommandContext, pod: Pod): string {
  return inspectRuntime()
    .containerLogs(ctx.cluster, { pod, container: pod.spec.containers[0].name, previous: false })
    .map((l) => `${l.text}\n`)
    .join("");
}

/** Waits for the created pod and attaches to it. */
export function attachToRunPod(ctx: CommandContext, o: RunAttachOptions): CommandResult {
  const container = o.name;
  const ready = waitUntil(ctx.cluster, ctx.cluster.now() + o.podRunningTimeoutMs, () => {
    const pod = currentPod(ctx, o);
    return finished(pod) || (!!pod && containerRunning(pod, container));
  });
  const pod = currentPod(ctx, o);
  if (!ready || !pod) {
    const removed = o.remove ? remove(ctx, o) : "";
    // The deferred removal prints before the error kubectl exits with.
    return { stdout: removed, stderr: "error: timed out waiting for the condition\n", exitCode: 1, stdoutFirst: true };
  }
  if (finished(pod)) {
    const out = logsOf(ctx, pod);
    return { stdout: out + (o.remove ? remove(ctx, o) : ""), stderr: "", exitCode: 0 };
  }

  const view = viewOf(ctx.cluster, pod, container);
  const image = imageSpecByReference(ctx.cluster.world, pod.spec.containers[0].image);
  const argv = o.argv.length > 0 ? o.argv : [...(image?.entrypoint ?? []), ...(image?.cmd ?? [])].length > 0 ? [...(image?.entrypoint ?? []), ...(image?.cmd ?? [])] : ["sh"];
  const shell = argv.length === 1 && SHELLS.has(argv[0]);
  if (o.stdin && o.tty && shell && view) {
    return {
      stdout: "",
      stderr: o.quiet ? "" : PROMPT_HINT,
      exitCode: 0,
      attach: {
        namespace: o.namespace,
        pod: o.name,
        container,
        onExit: o.remove ? { removePod: true } : { message: `Session ended, resume using 'kubectl attach ${o.name} -c ${container} -i -t' command when the pod is running\n` },
      },
    };
  }
  // A command (or a shell without a terminal): its output, as the attached stream shows it.
  let stdout = "";
  let stderr = o.stdin && o.tty && !o.quiet ? PROMPT_HINT : "";
  let exitCode = 0;
  const r = view ? runExec(view, argv) : undefined;
  if (r && !r.notExecutable) {
    stdout += r.stdout;
    stderr += r.stderr;
  } else stdout += logsOf(ctx, pod);
  if (o.remove) stdout += remove(ctx, o);
  return { stdout, stderr, exitCode };
}
