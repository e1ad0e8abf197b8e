/**
 * `kubectl debug`: adds an ephemeral debug container to a running pod (`--image`, `--target`,
 * `-c`), or creates a copy of the pod (`--copy-to`, `--set-image`, `--share-processes`), or a
 * node debugging pod (`node/NAME`). With `-it` the session attaches to the debug container's
 * shell; with `-- CMD…` the command runs once and its output is shown.
 */
import { viewOf } from "./view-of";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import type { Container, ContainerStatus, KObject, Pod } from "../../../model/types";
import { rfc3339 } from "../../../runtime/clock";
import { AlreadyExistsError } from "../../../runtime/store";
import { resolveKind } from "../../../model/kinds";
import { alreadyExists, notFound, unknownResourceType } from "../../errors";
import { imageSpecByReference } from "../../../world/registry";
import { ociExecFailure } from "./exec";
import { runExec } from "./sim-shell";
import { waitUntil } from "../wait/wait-clock";

const PROMPT_HINT = "If you don't see a command prompt, try pressing enter.\n";
const LEGACY_WARNING = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

interface DebugOptions {
  image: string;
  container: string;
  target: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  command: string[];
  profileGiven: boolean;
}

function debugContainer(opts: DebugOptions, name: string): Container {
  const c: Container = { name, image: opts.image, imagePullPolicy: opts.image.endsWith(":latest") || !opts.image.includes(":") ? "Always" : "IfNotPresent", terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File", resources: {} };
  if (opts.command.length > 0) c.command = [...opts.command];
  if (opts.stdin) c.stdin = true;
  if (opts.tty) c.tty = true;
  return c;
}

/**
 * Until the kubelet reports on it, an ephemeral or debug container whose image the registry has
 * is shown as running from the moment it is added (the kubelet replaces this on its next sync).
 */
function ensureRunningStatus(ctx: CommandContext, pod: Pod, c: Container, field: "ephemeralContainerStatuses" | "containerStatuses"): void {
  const statuses = (pod.status[field] ??= []);
  if (statuses.some((s) => s.name === c.name)) return;
  const spec = imageSpecByReference(ctx.cluster.world, c.image);
  if (!spec) return;
  const status: ContainerStatus = {
    name: c.name,
    state: { running: { startedAt: rfc3339(ctx.cluster.now()) } },
    lastState: {},
    ready: false,
    restartCount: 0,
    image: c.image,
    imageID: "",
    containerID: `containerd://${ctx.cluster.rng.hex(64)}`,
    started: true,
  };
  statuses.push(status);
  ctx.cluster.store.touch(pod);
}

/** How long `debug` waits for its container to run before attaching (kubectl's pod-running timeout, 1m). */
const DEBUG_CONTAINER_TIMEOUT_MS = 60_000;

function containerStatusOf(pod: Pod, name: string): ContainerStatus | undefined {
  return [...(pod.status?.containerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])].find((s) => s.name === name);
}

function runningStatus(pod: Pod, name: string): boolean {
  const all = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])];
  return !!all.find((s) => s.name === name)?.state?.running;
}

/** After the debug container exists: attach (`-it`), run its command once, or return. */
function afterCreate(ctx: CommandContext, created: Pod, name: string, opts: DebugOptions, stderr: string): CommandResult {
  if (!opts.stdin && opts.command.length === 0) return { stdout: "", stderr, exitCode: 0 };
  // kubectl watches the pod until the debug container runs before it attaches: on the virtual clock.
  const current = () => ctx.cluster.store.get<Pod>("Pod", created.metadata.namespace, created.metadata.name);
  waitUntil(ctx.cluster, ctx.cluster.now() + DEBUG_CONTAINER_TIMEOUT_MS, () => {
    const p = current();
    return !p || runningStatus(p, name) || !!containerStatusOf(p, name)?.state?.terminated;
  });
  const pod = current() ?? created;
  if (!runningStatus(pod, name)) return { stdout: "", stderr: stderr + `error: unable to upgrade connection: container not found ("${name}")\n`, exitCode: 1 };
  if (opts.stdin && !opts.quiet) stderr += PROMPT_HINT;
  const view = viewOf(ctx.cluster, pod, name);
  const argv = opts.command.length > 0 ? opts.command : (imageSpecByReference(ctx.cluster.world, opts.image)?.cmd ?? ["sh"]);
  if (!view) return { stdout: "", stderr, exitCode: 1 };
  const shellOnly = argv.length === 1 && ["sh", "bash", "ash", "/bin/sh", "/bin/bash"].includes(argv[0]);
  if (opts.stdin && opts.tty && shellOnly) {
    return { stdout: "", stderr, exitCode: 0, attach: { namespace: pod.metadata.namespace ?? "default", pod: pod.metadata.name, container: name } };
  }
  const r = runExec(view, argv);
  if (r.notExecutable) return { stdout: "", stderr: stderr + ociExecFailure(pod, name, argv[0], ctx.cluster.now()) + "\n", exitCode: 1 };
  return { stdout: r.stdout, stderr: stderr + r.stderr, exitCode: 0 };
}

function debugEphemeral(ctx: CommandContext, pod: Pod, opts: DebugOptions): CommandResult {
  if (!opts.image) return { stdout: "", stderr: "error: --image is required for ephemeral containers\n", exitCode: 1 };
  if (opts.target && !pod.spec.containers.some((c) => c.name === opts.target)) {
    return { stdout: "", stderr: `error: target container "${opts.target}" not found in pod ${pod.metadata.name}\n`, exitCode: 1 };
  }
  let stderr = opts.profileGiven ? "" : LEGACY_WARNING;
  let name = opts.container;
  if (!name) {
    name = `debugger-${ctx.cluster.rng.chars(5)}`;
    if (!opts.quiet) stderr += `Defaulting debug container name to ${name}.\n`;
  }
  const taken = [...pod.spec.containers, ...(pod.spec.initContainers ?? []), ...(pod.spec.ephemeralContainers ?? [])].some((c) => c.name === name);
  if (taken) {
    return { stdout: "", stderr: stderr + `The Pod "${pod.metadata.name}" is invalid: spec.ephemeralContainers[${pod.spec.ephemeralContainers?.length ?? 0}].name: Duplicate value: "${name}"\n`, exitCode: 1 };
  }
  const ec = { ...debugContainer(opts, name), ...(opts.target ? { targetContainerName: opts.target } : {}) };
  const next: Pod = { ...pod, metadata: { ...pod.metadata }, spec: { ...pod.spec, ephemeralContainers: [...(pod.spec.ephemeralContainers ?? []), ec] }, status: pod.status };
  ctx.cluster.store.replace(next);
  ctx.cluster.reconcile();
  const current = ctx.cluster.store.get<Pod>("Pod", pod.metadata.namespace, pod.metadata.name) ?? next;
  if (current.spec.nodeName && current.status?.phase === "Running") ensureRunningStatus(ctx, current, ec, "ephemeralContainerStatuses");
  return afterCreate(ctx, current, name, opts, stderr);
}

function withoutProbes(c: Container, flags: ParsedArgs["flags"]): Container {
  const out = { ...c };
  if (flags["keep-liveness"] !== true) delete out.livenessProbe;
  if (flags["keep-readiness"] !== true) delete out.readinessProbe;
  if (flags["keep-startup"] !== true) delete out.startupProbe;
  return out;
}

function debugCopy(ctx: CommandContext, pod: Pod, opts: DebugOptions, flags: ParsedArgs["flags"]): CommandResult {
  const copyTo = String(flags["copy-to"]);
  const setImages = new Map<string, string>();
  for (const pair of (flags["set-image"] as string[] | undefined) ?? []) {
    for (const part of pair.split(",")) {
      const eq = part.indexOf("=");
      if (eq > 0) setImages.set(part.slice(0, eq), part.slice(eq + 1));
    }
  }
  let stderr = opts.profileGiven ? "" : LEGACY_WARNING;
  const containers = pod.spec.containers.map((c) => {
    const img = setImages.get(c.name) ?? setImages.get("*");
    return withoutProbes(img ? { ...c, image: img } : { ...c }, flags);
  });
  let name = "";
  if (opts.image) {
    name = opts.container;
    if (!name) {
      name = `debugger-${ctx.cluster.rng.chars(5)}`;
      if (!opts.quiet) stderr += `Defaulting debug container name to ${name}.\n`;
    }
    const existing = containers.findIndex((c) => c.name === name);
    if (existing >= 0) containers[existing] = { ...containers[existing], image: opts.image, ...(opts.command.length > 0 ? { command: opts.command } : {}) };
    else containers.push(debugContainer(opts, name));
  } else if (opts.container) name = opts.container;
  const spec = { ...JSON.parse(JSON.stringify(pod.spec)), containers };
  delete spec.ephemeralContainers;
  if (flags["same-node"] !== true) delete spec.nodeName;
  if (flags["share-processes"] !== false) spec.shareProcessNamespace = true;
  if (flags["keep-init-containers"] === false) delete spec.initContainers;
  const copy: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: copyTo,
      namespace: pod.metadata.namespace,
      ...(flags["keep-labels"] === true && pod.metadata.labels ? { labels: { ...pod.metadata.labels } } : {}),
      ...(flags["keep-annotations"] === true && pod.metadata.annotations ? { annotations: { ...pod.metadata.annotations } } : {}),
    },
    spec,
    status: { phase: "Pending" },
  };
  if (flags.replace === true) ctx.cluster.store.remove("Pod", pod.metadata.namespace, copyTo);
  try {
    ctx.cluster.create(copy);
  } catch (e) {
    if (e instanceof AlreadyExistsError) return { stdout: "", stderr: stderr + alreadyExists("Pod", copyTo) + "\n", exitCode: 1 };
    throw e;
  }
  const created = ctx.cluster.store.get<Pod>("Pod", pod.metadata.namespace, copyTo) ?? copy;
  if (!name) return { stdout: "", stderr, exitCode: 0 };
  return afterCreate(ctx, created, name, opts, stderr);
}

function debugNode(ctx: CommandContext, nodeName: string, opts: DebugOptions): CommandResult {
  if (!ctx.cluster.store.get("Node", undefined, nodeName)) return { stdout: "", stderr: notFound("Node", nodeName) + "\n", exitCode: 1 };
  if (!opts.image) return { stdout: "", stderr: "error: --image is required for node debugging\n", exitCode: 1 };
  let stderr = opts.profileGiven ? "" : LEGACY_WARNING;
  const podName = `node-debugger-${nodeName}-${ctx.cluster.rng.chars(5)}`;
  const c = { ...debugContainer(opts, opts.container || "debugger"), volumeMounts: [{ name: "host-root", mountPath: "/host" }] };
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: podName, namespace: ctx.namespace, labels: { "app.kubernetes.io/managed-by": "kubectl-debug" } },
    spec: {
      containers: [c],
      nodeName,
      hostIPC: true,
      hostNetwork: true,
      hostPID: true,
      restartPolicy: "Never",
      tolerations: [{ operator: "Exists" }],
      volumes: [{ name: "host-root", hostPath: { path: "/", type: "" } }],
    },
    status: { phase: "Pending" },
  };
  ctx.cluster.create(pod as KObject as Pod);
  if (!opts.quiet) stderr += `Creating debugging pod ${podName} with container ${c.name} on node ${nodeName}.\n`;
  const created = ctx.cluster.store.get<Pod>("Pod", ctx.namespace, podName) ?? pod;
  return afterCreate(ctx, created, c.name, opts, stderr);
}

/** Runs `kubectl debug`. */
export function runDebug(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const f = args.flags;
  if (args.positionals.length === 0) return { stdout: "", stderr: "error: requires a pod or node name\nSee 'kubectl debug -h' for help and examples\n", exitCode: 1 };
  const opts: DebugOptions = {
    image: typeof f.image === "string" ? f.image : "",
    container: typeof f.container === "string" ? f.container : "",
    target: typeof f.target === "string" ? f.target : "",
    stdin: f.stdin === true,
    tty: f.tty === true,
    quiet: f.quiet === true,
    command: args.dashArgs,
    profileGiven: typeof f.profile === "string" && f.profile !== "" && f.profile !== "legacy",
  };
  if (f.profile === "legacy") opts.profileGiven = false;
  const arg = args.positionals[0];
  const slash = arg.indexOf("/");
  if (slash > 0) {
    const typed = arg.slice(0, slash);
    const name = arg.slice(slash + 1);
    const kind = resolveKind(typed);
    if (!kind) return { stdout: "", stderr: unknownResourceType(typed) + "\n", exitCode: 1 };
    if (kind.kind === "Node") return debugNode(ctx, name, opts);
    if (kind.kind !== "Pod") {
      if (!ctx.cluster.store.get(kind.kind, kind.namespaced ? ctx.namespace : undefined, name)) return { stdout: "", stderr: notFound(kind.kind, name) + "\n", exitCode: 1 };
      const gv = kind.apiVersion.includes("/") ? kind.apiVersion : `/${kind.apiVersion}`;
      return { stdout: "", stderr: `error: "${gv}, Kind=${kind.kind}" not supported by debug\n`, exitCode: 1 };
    }
    return debugPod(ctx, name, opts, f);
  }
  return debugPod(ctx, arg, opts, f);
}

function debugPod(ctx: CommandContext, name: string, opts: DebugOptions, flags: ParsedArgs["flags"]): CommandResult {
  const pod = ctx.cluster.store.get<Pod>("Pod", ctx.namespace, name);
  if (!pod) return { stdout: "", stderr: notFound("Pod", name) + "\n", exitCode: 1 };
  if (typeof flags["copy-to"] === "string" && flags["copy-to"] !== "") return debugCopy(ctx, pod, opts, flags);
  return debugEphemeral(ctx, pod, opts);
}

/** The `debug` command, flags as kubectl v1.32 declares them. */
export const debugCommand: CommandSpec = {
  path: ["debug"],
  short: "Create debugging sessions for troubleshooting workloads and nodes",
  usage: "kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]",
  flags: [
    { name: "image", type: "string", default: "", description: "Container image to use for debug container." },
    { name: "container", short: "c", type: "string", default: "", description: "Container name to use for debug container." },
    { name: "target", type: "string", default: "", description: "When using an ephemeral container, target processes in this container name." },
    { name: "stdin", short: "i", type: "bool", default: false, description: "Keep stdin open on the container(s) in the pod, even if nothing is attached." },
    { name: "tty", short: "t", type: "bool", default: false, description: "Allocate a TTY for the debugging container." },
    { name: "quiet", short: "q", type: "bool", default: false, description: "If true, suppress informational messages." },
    { name: "copy-to", type: "string", default: "", description: "Create a copy of the target Pod with this name." },
    { name: "set-image", type: "stringArray", default: [], description: "When used with '--copy-to', a list of name=image pairs for changing container images." },
    { name: "share-processes", type: "bool", default: true, description: "When used with '--copy-to', enable process namespace sharing in the copy." },
    { name: "same-node", type: "bool", default: false, description: "When used with '--copy-to', schedule the copy of target Pod on the same node." },
    { name: "replace", type: "bool", default: false, description: "When used with '--copy-to', delete the original Pod." },
    { name: "keep-labels", type: "bool", default: false, description: "If true, keep the original pod labels." },
    { name: "keep-annotations", type: "bool", default: false, description: "If true, keep the original pod annotations." },
    { name: "keep-liveness", type: "bool", default: false, description: "If true, keep the original pod liveness probes." },
    { name: "keep-readiness", type: "bool", default: false, description: "If true, keep the original pod readiness probes." },
    { name: "keep-startup", type: "bool", default: false, description: "If true, keep the original startup probes." },
    { name: "keep-init-containers", type: "bool", default: true, description: "Run the init containers for the pod." },
    { name: "profile", type: "string", default: "legacy", description: 'Options are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".' },
    { name: "attach", type: "bool", default: false, description: "If true, wait for the container to start running, and then attach." },
    { name: "env", type: "stringArray", default: [], description: "Environment variables to set in the container." },
    { name: "image-pull-policy", type: "string", default: "", description: "The image pull policy for the container." },
    { name: "arguments-only", type: "bool", default: false, description: "If specified, everything after -- will be passed to the new container as Args instead of Command." },
    { name: "custom", type: "string", default: "", description: "Path to a JSON or YAML file containing a partial container spec to customize built-in debug profiles." },
  ],
  run: runDebug,
};
