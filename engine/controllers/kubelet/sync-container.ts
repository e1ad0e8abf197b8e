import { NET_CLIENTS } from "../../world/net-clients";
import { imageSpecByReference } from "../../world/registry";
import type { Container, Node, Pod } from "../../model/types";
import type { ImageSpec, World } from "../../model/world";
import { bytes } from "../../model/quantity";
import type { ControllerContext } from "../../runtime/controller";
import { containerFiles, resolveContainerEnv } from "../../world/container-config";
import { baseName, checkRequirement, effectiveArgv } from "../../world/process";
import { planProcessFor } from "./plan-cache";
import { reachable } from "../../world/network";
import { parseImageReference } from "../../world/image-reference";
import { expandVarRefs } from "../../world/container-config";
import { runAsNonRootError } from "../../world/security-context";
import { inBackoffSince, inBackoffSinceUpdate, nextBackoff, backoffText } from "./backoff";
import { containerFieldPath, recordAt } from "./events";
import { addNodeImage, imagePresent, pullPolicy, pulledMessage, startPull } from "./images";
import { containerProbes, execProbe, nextProbeTick, probeOutcomes, runProbeTicks, type ProbeKind, type ProbeOutcome, type ProbeOutcomes } from "./probes";
import { networkContext } from "./runtime-view";
import type { ContainerRuntime, PodRuntime, ProbeState } from "./state";

/**
 * One container's life on the node, driven by kubelet syncs: image, config, create and
 * start, the running process (exit, OOM, probes), restarts with back-off. Each call brings
 * the container up to `ctx.now` and asks for a wake-up at its next change.
 */

/** What a sync needs besides the container. */
export interface SyncEnv {
  ctx: ControllerContext;
  pod: Pod;
  node: Node;
  pr: PodRuntime;
  lookup: (uid: string) => PodRuntime | undefined;
  /**
   * Notes an instant at which a sync with unchanged inputs could do something without having
   * asked for a wake-up (a probe tick, a retry tick processed lazily), or `ctx.now` when the
   * outcome depends on something the kubelet cannot watch (other pods' processes).
   */
  due?: (atMs: number) => void;
  /**
   * When present, a running container whose health depends on other services sets
   * `dependent` instead of noting `ctx.now` as due: the caller then resyncs the pod only
   * when what the network shows could have changed (see the kubelet's reconcile).
   */
  network?: { dependent: boolean };
}

/** The image spec a container runs (after a pull), looked up in the registry model. */
export function imageSpecFor(world: World, cr: ContainerRuntime): ImageSpec | undefined {
  if (!cr.image) return undefined;
  const repo = world.registry.repositories.find((r) => r.name === cr.image!.repository);
  if (!repo) return undefined;
  if (cr.image.tag && repo.tags[cr.image.tag]) return repo.tags[cr.image.tag];
  const digest = cr.image.imageID.split("@")[1];
  return Object.values(repo.tags).find((s) => s.digest === digest) ?? Object.values(repo.tags)[0];
}

/** The registry lookup network clients use to read a serving container's files. */
function imageSpecByReferenceIn(world: World): (image: string) => ImageSpec | undefined {
  return imageSpecByReference.bind(undefined, world);
}

function imageSpecOf(env: SyncEnv, cr: ContainerRuntime): ImageSpec | undefined {
  return imageSpecFor(env.ctx.world, cr);
}

/** The pull back-off entry for the container's current image (a new image starts afresh). */
function pullBackoffFor(c: Container, cr: ContainerRuntime) {
  return cr.pullBackoffImage === c.image ? cr.pullBackoff : undefined;
}

function podRef(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

function event(env: SyncEnv, cr: ContainerRuntime, atMs: number, type: "Normal" | "Warning", reason: string, message: string): void {
  recordAt(env.ctx, env.pod, env.node.metadata.name, atMs, type, reason, message, containerFieldPath(cr.name, cr.init));
}

/** Next tick of a retry loop strictly after `afterMs`. */
function nextTick(env: SyncEnv, anchorMs: number, afterMs: number): number {
  const p = env.pr.resyncMs;
  if (afterMs < anchorMs) return anchorMs;
  return anchorMs + (Math.floor((afterMs - anchorMs) / p) + 1) * p;
}

/** Whether the container should run again after it exited with `code`. */
function shouldRestart(pod: Pod, cr: ContainerRuntime, code: number): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  const policy = pod.spec.restartPolicy ?? "Always";
  if (cr.init) return code !== 0 && policy !== "Never";
  if (policy === "Always") return true;
  if (policy === "OnFailure") return code !== 0;
  return false;
}

/** How many probe periods past its wake-up horizon the kubelet looks to tell how long a pod stays quiet. */
const LOOKAHEAD_PERIODS = 30;

/** Brings one container up to `ctx.now`. Returns true when it is running or done (for init ordering: done). */
export function syncContainer(env: SyncEnv, c: Container, cr: ContainerRuntime): void {
  const now = env.ctx.now;
  for (let guard = 0; guard < 200; guard++) {
    if (cr.done) return;
    if (cr.running) {
      if (!advanceRunning(env, c, cr, now)) return;
      continue;
    }
    if (cr.loop) {
      if (!advanceLoop(env, c, cr, now)) return;
      continue;
    }
    if (cr.terminated && cr.nextSyncMs !== undefined && !cr.waiting) {
      // The exit is noticed by the next sync (PLEG relist).
      if (now < cr.nextSyncMs) {
        env.ctx.wakeAt(cr.nextSyncMs);
        return;
      }
      const t = cr.nextSyncMs;
      cr.nextSyncMs = undefined;
      if (!shouldRestart(env.pod, cr, cr.terminated.exitCode)) {
        cr.done = true;
        return;
      }
      if (inBackoffSince(cr.crashBackoff, cr.terminated.finishedAtMs, t)) {
        enterCrashLoop(env, cr, t);
        continue;
      }
      cr.crashBackoff = nextBackoff(cr.crashBackoff, t);
      if (!beginStart(env, c, cr, t)) return;
      continue;
    }
    if (cr.waiting?.reason === "RunContainerError" && cr.nextSyncMs !== undefined) {
      if (now < cr.nextSyncMs) {
        env.ctx.wakeAt(cr.nextSyncMs);
        return;
      }
      const t = cr.nextSyncMs;
      cr.nextSyncMs = undefined;
      if (!shouldRestart(env.pod, cr, 128)) {
        cr.waiting = undefined;
        cr.done = true;
        return;
      }
      if (inBackoffSince(cr.crashBackoff, cr.terminated!.finishedAtMs, t)) {
        enterCrashLoop(env, cr, t);
        continue;
      }
      cr.crashBackoff = nextBackoff(cr.crashBackoff, t);
      cr.waiting = undefined;
      if (!beginStart(env, c, cr, t)) return;
      continue;
    }
    if (cr.pull) {
      if (!finishPull(env, c, cr, now)) return;
      continue;
    }
    if (cr.terminated && !cr.waiting) return;
    // A fresh start (first sync of the container).
    if (!beginStart(env, c, cr, now)) return;
  }
}

function enterCrashLoop(env: SyncEnv, cr: ContainerRuntime, t: number): void {
  const dur = cr.crashBackoff!.durationMs;
  cr.waiting = { reason: "CrashLoopBackOff", message: `back-off ${backoffText(dur)} restarting failed container=${cr.name} pod=${podRef(env.pod)}` };
  cr.loop = { kind: "crash", anchorMs: t, lastTickMs: t - 1, untilMs: cr.terminated!.finishedAtMs + dur };
}

/** Processes the ticks of a retry loop up to `now`. Returns true when the container moved on. */
function advanceLoop(env: SyncEnv, c: Container, cr: ContainerRuntime, now: number): boolean {
  const loop = cr.loop!;
  for (;;) {
    const tick = nextTick(env, loop.anchorMs, loop.lastTickMs);
    if (tick > now) break;
    loop.lastTickMs = tick;
    switch (loop.kind) {
      case "crash":
        if (loop.untilMs !== undefined && tick >= loop.untilMs) {
          cr.loop = undefined;
          cr.waiting = undefined;
          cr.crashBackoff = nextBackoff(cr.crashBackoff, tick);
          beginStart(env, c, cr, tick);
          return true;
        }
        event(env, cr, tick, "Warning", "BackOff", `Back-off restarting failed container ${cr.name} in pod ${podRef(env.pod)}`);
        break;
      case "pull":
        if (!inBackoffSinceUpdate(pullBackoffFor(c, cr), tick)) {
          cr.loop = undefined;
          beginStart(env, c, cr, tick);
          return true;
        }
        event(env, cr, tick, "Normal", "BackOff", `Back-off pulling image "${c.image}"`);
        event(env, cr, tick, "Warning", "Failed", "Error: ImagePullBackOff");
        cr.waiting = { reason: "ImagePullBackOff", message: `Back-off pulling image "${c.image}"` };
        break;
      case "config":
      case "create":
        // Every sync tries again from the image step.
        cr.loop = undefined;
        beginStart(env, c, cr, tick, true);
        if (cr.loop) {
          (cr.loop as { anchorMs: number }).anchorMs = loop.anchorMs;
          (cr.loop as { lastTickMs: number }).lastTickMs = tick;
          continue;
        }
        return true;
    }
  }
  // Wake at the tick that changes something.
  const l = cr.loop;
  if (!l) return true;
  env.due?.(nextTick(env, l.anchorMs, l.lastTickMs));
  if (l.kind === "crash" && l.untilMs !== undefined) env.ctx.wakeAt(nextTick(env, l.anchorMs, l.untilMs - 1));
  else if (l.kind === "pull") {
    const b = pullBackoffFor(c, cr);
    env.ctx.wakeAt(b ? nextTick(env, l.anchorMs, b.lastUpdateMs + b.durationMs - 1) : nextTick(env, l.anchorMs, now));
  }
  else if (l.kind === "config" && configResolves(env, c, cr)) env.ctx.wakeAt(nextTick(env, l.anchorMs, now));
  return false;
}

function configResolves(env: SyncEnv, c: Container, cr: ContainerRuntime): boolean {
  return resolveContainerEnv(env.ctx.store, env.pod, c, imageSpecOf(env, cr)).ok;
}

/**
 * One sync that tries to start the container at `t`: image, config, create, start.
 * Returns true when it moved to a state the caller should keep advancing (running, loop).
 */
function beginStart(env: SyncEnv, c: Container, cr: ContainerRuntime, t: number, retry = false): boolean {
  const { ctx } = env;
  const node = env.node.metadata.name;
  const policy = pullPolicy(c);
  const parsed = parseImageReference(c.image);
  if (!parsed.ok) {
    // The image manager rejects the reference before any pull (InspectFailed).
    const msg = `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": ${parsed.error}`;
    event(env, cr, t, "Warning", "InspectFailed", msg);
    event(env, cr, t, "Warning", "Failed", "Error: InvalidImageName");
    cr.waiting = { reason: "InvalidImageName", message: msg };
    cr.loop = { kind: "create", anchorMs: t, lastTickMs: t };
    return true;
  }
  const present = imagePresent(ctx, node, c.image) && cr.image?.spec === c.image;
  const presentOnNode = imagePresent(ctx, node, c.image);
  if (policy === "Never" && !presentOnNode) {
    const msg = `Container image "${c.image}" is not present with pull policy of Never`;
    event(env, cr, t, "Warning", "ErrImageNeverPull", msg);
    event(env, cr, t, "Warning", "Failed", "Error: ErrImageNeverPull");
    cr.waiting = { reason: "ErrImageNeverPull", message: msg };
    cr.loop = { kind: "create", anchorMs: t, lastTickMs: t };
    return true;
  }
  if (policy === "Always" || !presentOnNode || !cr.image || cr.image.spec !== c.image) {
    if (policy !== "Always" && presentOnNode && (!cr.image || cr.image.spec !== c.image)) {
      // Present on the node from another pod: resolve it without a pull.
      startPull(ctx, env.pod, c, cr, t, true);
      if (cr.pull?.ok) {
        cr.pull = undefined;
        event(env, cr, t, "Normal", "Pulled", `Container image "${c.image}" already present on machine`);
        return afterImage(env, c, cr, t);
      }
      cr.pull = undefined;
    }
    if (inBackoffSinceUpdate(pullBackoffFor(c, cr), t)) {
      cr.loop = { kind: "pull", anchorMs: t, lastTickMs: t - 1 };
      return true;
    }
    event(env, cr, t, "Normal", "Pulling", `Pulling image "${c.image}"`);
    startPull(ctx, env.pod, c, cr, t, present || presentOnNode);
    if (!retry && !cr.waiting && !cr.terminated) cr.waiting = { reason: "ContainerCreating" };
    env.ctx.wakeAt(cr.pull!.doneMs);
    return true;
  }
  event(env, cr, t, "Normal", "Pulled", `Container image "${c.image}" already present on machine`);
  return afterImage(env, c, cr, t);
}

/** Completes a pull when its time has come. */
function finishPull(env: SyncEnv, c: Container, cr: ContainerRuntime, now: number): boolean {
  const pull = cr.pull!;
  if (now < pull.doneMs) {
    env.ctx.wakeAt(pull.doneMs);
    return false;
  }
  const t = pull.doneMs;
  cr.pull = undefined;
  if (pull.ok) {
    const spec = imageSpecOf(env, cr);
    event(env, cr, t, "Normal", "Pulled", pulledMessage(c.image, t - pull.startedMs, spec?.sizeBytes ?? 0));
    addNodeImage(env.ctx, env.node.metadata.name, [c.image, cr.image!.normalized]);
    afterImage(env, c, cr, t);
    return true;
  }
  event(env, cr, t, "Warning", "Failed", `Failed to pull image "${c.image}": ${pull.message}`);
  event(env, cr, t, "Warning", "Failed", "Error: ErrImagePull");
  cr.waiting = { reason: "ErrImagePull", message: pull.message };
  cr.pullBackoff = nextBackoff(pullBackoffFor(c, cr), t);
  cr.pullBackoffImage = c.image;
  cr.loop = { kind: "pull", anchorMs: t + 1000, lastTickMs: t };
  return true;
}

/** Config, create and start once the image is there. */
function afterImage(env: SyncEnv, c: Container, cr: ContainerRuntime, t: number): boolean {
  const { ctx, pod } = env;
  const image = imageSpecOf(env, cr);
  const resolved = resolveContainerEnv(ctx.store, pod, c, image);
  // As the kubelet's generateContainerConfig: the environment first, then runAsNonRoot.
  const configError = resolved.ok ? runAsNonRootError(pod, c, image) : resolved.error;
  if (!resolved.ok || configError !== undefined) {
    event(env, cr, t, "Warning", "Failed", `Error: ${configError}`);
    cr.waiting = { reason: "CreateContainerConfigError", message: configError };
    cr.loop = { kind: "config", anchorMs: t, lastTickMs: t };
    return true;
  }
  const envMap: Record<string, string> = {};
  for (const e of resolved.env) envMap[e.name] = e.value;
  const files = containerFiles(ctx.store, pod, c, image, ctx.world.clusterDomain);
  // Callbacks are object methods here and below, not named arrow functions: tsx's keepNames
  // renames every named closure each time it is created, which costs more than the call.
  const vars = { lookup(n: string): string | undefined { return envMap[n]; } };
  const argv = effectiveArgv(image, c.command?.map((a) => expandVarRefs(a, vars.lookup)), c.args?.map((a) => expandVarRefs(a, vars.lookup)));
  const net = networkContext(ctx.store, ctx.world, env.lookup, t);
  const origin = { namespace: pod.metadata.namespace ?? "default", pod };
  const limit = c.resources?.limits?.memory;
  const planned = planProcessFor(cr, image, {
    world: ctx.world,
    image: image ?? { sizeBytes: 0, binaries: [] },
    argv,
    env: envMap,
    readFile(p) {
      return files.get(p);
    },
    isExecutable(name) {
      const bins = image?.binaries ?? [];
      if (name.startsWith("/")) return bins.includes(name) || bins.includes(baseName(name)) && /^\/(usr\/)?(local\/)?s?bin\//.test(name) || files.has(name);
      return bins.includes(name);
    },
    memoryLimitBytes: limit !== undefined ? bytes(limit) : undefined,
    stdin: c.stdin === true,
    hostname: pod.metadata.name,
    reach(url) {
      return reachable(net, origin, url);
    },
    netClient(program, args) {
      return NET_CLIENTS[program]({ network: net, pod, now: t, imageSpec: imageSpecByReferenceIn(ctx.world) }, args);
    },
  });
  const id = ctx.rng.hex(64);
  if (!planned.ok && planned.failure.kind === "CreateContainerError") {
    const msg = `failed to generate container "${id}" spec: failed to generate spec: no command specified`;
    event(env, cr, t, "Warning", "Failed", `Error: ${msg}`);
    cr.waiting = { reason: "CreateContainerError", message: msg };
    cr.loop = { kind: "create", anchorMs: t, lastTickMs: t };
    return true;
  }
  const instances = (cr as { instances?: number }).instances ?? 0;
  (cr as { instances?: number }).instances = instances + 1;
  cr.restartCount = instances;
  event(env, cr, t, "Normal", "Created", `Created container ${c.name}`);
  if (cr.terminated) cr.last = cr.terminated;
  cr.terminated = undefined;
  cr.waiting = undefined;
  if (!planned.ok) {
    event(env, cr, t, "Warning", "Failed", `Error: ${planned.failure.message}`);
    cr.terminated = { exitCode: 128, reason: "StartError", message: planned.failure.message, startedAtMs: 0, finishedAtMs: t, containerID: id };
    cr.waiting = { reason: "RunContainerError", message: planned.failure.message };
    cr.nextSyncMs = t + 1000;
    if (cr.logs) cr.previousLogs = cr.logs;
    cr.logs = undefined;
    return true;
  }
  event(env, cr, t, "Normal", "Started", `Started container ${c.name}`);
  if (cr.logs) cr.previousLogs = cr.logs;
  const plan = planned.plan;
  cr.logs = { plan, startedAtMs: t, extra: [], extraVars: {} };
  cr.running = {
    id,
    startedAtMs: t,
    plan,
    unready: false,
    startedFlag: !c.startupProbe,
    ready: !c.readinessProbe && !c.startupProbe,
    ...(c.readinessProbe ? { readyProbe: freshProbe(t) } : {}),
    ...(c.livenessProbe ? { liveProbe: freshProbe(t) } : {}),
    ...(c.startupProbe ? { startProbe: freshProbe(t) } : {}),
  };
  return true;
}

/** A probe's counters when its container starts at `t`. */
function freshProbe(t: number): ProbeState {
  return { lastTickMs: t, consecutiveFailures: 0, consecutiveSuccesses: 0, passed: false };
}

/** Advances a running container to `now`. Returns true when it stopped (the caller goes on). */
function advanceRunning(env: SyncEnv, c: Container, cr: ContainerRuntime, now: number): boolean {
  const r = cr.running!;
  const plan = r.plan;
  const listenAbs = plan.listenAt !== undefined ? r.startedAtMs + plan.listenAt * 1000 : undefined;
  const exitAbs = plan.exit ? r.startedAtMs + Math.round(plan.exit.at * 1000) : Infinity;
  updateUnready(env, c, cr, now, listenAbs);
  if (cr.image && cr.image.spec !== c.image && r.killAtMs === undefined && r.stoppingAtMs === undefined) {
    // The pod's image was edited: the kubelet restarts the container with the new one.
    r.killAtMs = now;
    r.killReason = "definition changed, will be restarted";
    event(env, cr, now, "Normal", "Killing", `Container ${c.name} definition changed, will be restarted`);
  }
  // Probes up to now (or to the exit).
  const probes = containerProbes(c, cr);
  if (probes.length && r.killAtMs === undefined && r.stoppingAtMs === undefined) {
    const outcomes = probeOutcomeMap(env, c, cr, probes.map((p) => p.kind));
    const effects = runProbeTicks(probes, outcomes, env.pr.sandboxMs ?? r.startedAtMs, r.startedAtMs, listenAbs, exitAbs, now, false, false);
    for (const e of effects) {
      if (e.unhealthy) event(env, cr, e.atMs, "Warning", "Unhealthy", e.unhealthy);
      if (e.kill) {
        r.killAtMs = e.atMs;
        r.killReason = e.kill;
        event(env, cr, e.atMs, "Normal", "Killing", `Container ${c.name} ${e.kill}`);
      }
    }
    r.startedFlag = !c.startupProbe || (r.startProbe?.passed ?? false);
    r.ready = r.startedFlag && (!c.readinessProbe || (r.readyProbe?.passed ?? false));
    if (r.killAtMs === undefined) {
      // Wake at the next tick that changes something, assuming nothing else changes.
      const period = Math.max(...probes.map((p) => (p.probe.periodSeconds ?? 10) * 1000));
      const thresholds = Math.max(...probes.map((p) => Math.max(p.probe.failureThreshold ?? 3, p.probe.successThreshold ?? 1)));
      const reach = (thresholds + 2) * period;
      const horizon = Math.max(now, listenAbs ?? now, r.startedAtMs + Math.max(...probes.map((p) => (p.probe.initialDelaySeconds ?? 0) * 1000))) + reach;
      // Looking further than the horizon (and past the first change) finds the same first
      // change, every effect before it, and what later syncs, whose horizon moves with the
      // clock, would find.
      const anchor = env.pr.sandboxMs ?? r.startedAtMs;
      const further = env.due ? horizon + LOOKAHEAD_PERIODS * period : horizon;
      // Only the effects up to the first change are read: the look-ahead stops there.
      const dry = runProbeTicks(probes, outcomes, anchor, r.startedAtMs, listenAbs, exitAbs, further, true, true);
      const first = dry.find((e) => e.kill || e.readyChanged || e.started);
      const change = first && first.atMs <= horizon ? first : undefined;
      if (change) env.ctx.wakeAt(change.atMs);
      if (env.due) {
        // Ticks before the first effect (an event, a change) can be processed later in one batch.
        env.due(dry.length ? dry[0].atMs : nextProbeTick(probes, anchor, r.startedAtMs, further));
        // A later sync at t looks up to t + reach and asks to wake at a change it finds there.
        if (!change) env.due((first ? first.atMs : nextProbeTick(probes, anchor, r.startedAtMs, further)) - reach);
      }
    } else if (env.due) env.due(nextProbeTick(probes, env.pr.sandboxMs ?? r.startedAtMs, r.startedAtMs, undefined));
  } else if (!probes.length) {
    r.ready = r.stoppingAtMs === undefined;
    r.startedFlag = true;
  }
  if (listenAbs !== undefined && listenAbs > now) env.ctx.wakeAt(listenAbs);
  const stopAt = Math.min(exitAbs, r.killAtMs ?? Infinity, r.stoppingAtMs ?? Infinity);
  if (stopAt > now) {
    if (stopAt !== Infinity) env.ctx.wakeAt(stopAt);
    return false;
  }
  // The process is gone.
  let code: number;
  let reason: string;
  if (r.stoppingAtMs !== undefined && r.stoppingAtMs <= Math.min(exitAbs, r.killAtMs ?? Infinity)) {
    code = plan.onTerm ? plan.onTerm.exitCode : 137;
    reason = code === 0 ? "Completed" : "Error";
  } else if (r.killAtMs !== undefined && r.killAtMs <= exitAbs) {
    const graceful = plan.onTerm && plan.onTerm.seconds < (env.pod.spec.terminationGracePeriodSeconds ?? 30);
    code = graceful ? plan.onTerm!.exitCode : 137;
    reason = code === 0 ? "Completed" : "Error";
    if (graceful) cr.logs!.extra.push(...plan.onTerm!.lines.map((text, i) => ({ atMs: stopAt + i, text })));
  } else {
    code = plan.exit!.code;
    reason = plan.exit!.reason;
  }
  cr.terminated = { exitCode: code, reason, startedAtMs: r.startedAtMs, finishedAtMs: stopAt, containerID: r.id };
  cr.logs!.finishedAtMs = stopAt;
  cr.running = undefined;
  cr.nextSyncMs = stopAt + 1000;
  // A container that ran 10 minutes without failing starts its back-off again.
  return true;
}

/** Evaluates `running` requirements; logs their failure when it begins. */
function updateUnready(env: SyncEnv, c: Container, cr: ContainerRuntime, now: number, listenAbs: number | undefined): void {
  const r = cr.running!;
  const app = r.plan.appId ? env.ctx.world.apps[r.plan.appId] : undefined;
  const reqs = (app?.requirements ?? []).filter((q) => q.when === "running");
  // Whether they hold depends on other pods' processes: every sync looks again.
  if (reqs.length) {
    if (env.network) env.network.dependent = true;
    else env.due?.(now);
  }
  if (!reqs.length || listenAbs === undefined || now < listenAbs) return;
  const net = networkContext(env.ctx.store, env.ctx.world, env.lookup, now);
  const origin = { namespace: env.pod.metadata.namespace ?? "default", pod: env.pod };
  let failed: { vars: Record<string, string>; logs: string[] } | undefined;
  for (const q of reqs) {
    const vars = checkRequirement(q, app!.runtime, {
      env: r.plan.env,
      settings: r.plan.settings,
      readFile(): undefined {
        return undefined;
      },
      reach(url) {
        return reachable(net, origin, url);
      },
    });
    if (vars) {
      failed = { vars, logs: q.failure.logs.map((l) => (typeof l === "string" ? l : l.line)) };
      break;
    }
  }
  const unready = failed !== undefined;
  if (unready && !r.unready && cr.logs) {
    Object.assign(cr.logs.extraVars, failed!.vars);
    cr.logs.extra.push(...failed!.logs.map((text, i) => ({ atMs: now + i, text })));
  }
  r.unready = unready;
}

function probeOutcomeMap(env: SyncEnv, c: Container, cr: ContainerRuntime, kinds: ProbeKind[]): Map<ProbeKind, ProbeOutcomes> {
  const out = new Map<ProbeKind, ProbeOutcomes>();
  let files: Map<string, string> | undefined;
  const image = imageSpecOf(env, cr);
  const probing = {
    exec(argv: string[]): ProbeOutcome {
      files ??= containerFiles(env.ctx.store, env.pod, c, image, env.ctx.world.clusterDomain);
      return execProbe(argv, image, files, (port) => cr.running?.plan.ports.includes(port) ?? false);
    },
  };
  for (const k of kinds) {
    const probe = k === "startup" ? c.startupProbe! : k === "liveness" ? c.livenessProbe! : c.readinessProbe!;
    out.set(k, probeOutcomes(probe, env.pod, env.pr, env.ctx.world, probing.exec));
  }
  return out;
}

/** Starts stopping a running container at `atMs` (pod deletion): returns when it will be gone. */
export function stopContainer(env: SyncEnv, c: Container, cr: ContainerRuntime, atMs: number, graceSeconds: number): number {
  const r = cr.running;
  if (!r) return atMs;
  if (r.stoppingAtMs !== undefined) return r.stoppingAtMs;
  event(env, cr, atMs, "Normal", "Killing", `Stopping container ${c.name}`);
  const onTerm = r.plan.onTerm;
  const seconds = onTerm ? Math.min(onTerm.seconds, graceSeconds) : graceSeconds;
  r.stoppingAtMs = atMs + Math.round(seconds * 1000);
  if (onTerm && cr.logs) cr.logs.extra.push(...onTerm.lines.map((text, i) => ({ atMs: atMs + i, text })));
  env.ctx.wakeAt(r.stoppingAtMs);
  return r.stoppingAtMs;
}
