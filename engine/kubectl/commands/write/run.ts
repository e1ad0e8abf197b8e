/**
 * `kubectl run NAME --image=IMAGE [--restart=Never] [--env] [--port] [--labels] [--command] -- …`:
 * creates a Pod; with `-i`/`-it`/`--attach` (and `--rm`) waits for it and attaches (run-attach.ts).
 */
import type { Container, EnvVar, KObject } from "../../../model/types";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool, flagString, flagStrings } from "../../args";
import { apiCreate, formatFailure } from "../../manifests/api-server";
import { commandFailed, dryRunOf, ensureNewline, outputOf, printWritten, result, writeCommand } from "./common";
import { parseGoDuration } from "../../args/go-parse-duration";
import { attachToRunPod } from "./run-attach";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  if (args.positionals.length === 0) return result("", "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
  const name = args.positionals[0];
  const image = flagString(args.flags, "image");
  if (image === "") return commandFailed(ctx, 'required flag(s) "image" not set');
  const stdin = flagBool(args.flags, "stdin");
  const tty = flagBool(args.flags, "tty");
  const attach = flagBool(args.flags, "attach") || stdin;
  const remove = flagBool(args.flags, "rm");
  if (tty && !stdin) return result("", "error: -i/--stdin is required for containers with -t/--tty=true\n");
  const restart = flagString(args.flags, "restart", "Always");
  if (!["Always", "OnFailure", "Never"].includes(restart)) return result("", `error: invalid restart policy: ${restart}\n`);
  if (!attach && remove) return result("", "error: --rm should only be used for attached containers\n");
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  if (attach && dry.dryRun !== "none") return result("", "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n");
  const timeoutFlag = flagString(args.flags, "pod-running-timeout", "1m0s");
  const timeout = parseGoDuration(timeoutFlag);
  if (!timeout.ok) return result("", `error: ${timeout.error}\n`);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const labels: Record<string, string> = {};
  const labelFlag = flagString(args.flags, "labels");
  if (labelFlag !== "") {
    for (const part of labelFlag.split(",")) {
      const eq = part.indexOf("=");
      if (eq <= 0) return result("", `error: invalid label spec: ${part}\n`);
      labels[part.slice(0, eq)] = part.slice(eq + 1);
    }
  } else labels.run = name;
  const container: Container = { name, image, resources: {} };
  const rest = [...args.positionals.slice(1), ...args.dashArgs];
  if (rest.length > 0) {
    if (flagBool(args.flags, "command")) container.command = rest;
    else container.args = rest;
  }
  const env: EnvVar[] = flagStrings(args.flags, "env").map((e) => {
    const eq = e.indexOf("=");
    return { name: eq >= 0 ? e.slice(0, eq) : e, value: eq >= 0 ? e.slice(eq + 1) : "" };
  });
  if (env.length > 0) container.env = env;
  const port = flagString(args.flags, "port");
  if (port !== "") container.ports = [{ containerPort: Number(port) }];
  const pullPolicy = flagString(args.flags, "image-pull-policy");
  if (pullPolicy !== "" && !["Always", "IfNotPresent", "Never"].includes(pullPolicy)) return result("", `error: invalid image pull policy: ${pullPolicy}\n`);
  if (pullPolicy !== "") container.imagePullPolicy = pullPolicy as Container["imagePullPolicy"];
  if (stdin) {
    container.stdin = true;
    if (!flagBool(args.flags, "leave-stdin-open")) container.stdinOnce = true;
  }
  if (tty) container.tty = true;
  const pod: KObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: restart },
    status: {},
  };
  if (dry.dryRun === "client") {
    return result(printWritten([{ ...pod, metadata: { ...pod.metadata, creationTimestamp: null } } as unknown as KObject], "created", out.output, "client"), "");
  }
  const r = apiCreate(ctx.cluster, { ...pod, metadata: { ...pod.metadata, namespace: ctx.namespace } }, dry.dryRun);
  if (!r.ok) return result("", ensureNewline(formatFailure(r.failure)));
  if (attach) {
    return attachToRunPod(ctx, {
      namespace: ctx.namespace,
      name,
      argv: [...(container.command ?? []), ...(container.args ?? [])],
      tty,
      stdin,
      quiet: flagBool(args.flags, "quiet"),
      remove,
      podRunningTimeoutMs: timeout.value,
    });
  }
  return result(printWritten([r.obj], "created", out.output, dry.dryRun), "");
}

/** `kubectl run`. */
export const runCommand = writeCommand("run", run);
