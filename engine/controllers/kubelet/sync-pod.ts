import type { Container, Node, Pod } from "../../model/types";
import type { ControllerContext } from "../../runtime/controller";
import { fnv1a32 } from "../../runtime/random";
import { volumeProblems } from "../../world/container-config";
import { recordAt } from "./events";
import { buildPodStatus, deepEqual } from "./status";
import { nodeRuntime, podRuntime, podStateKey, trackedPods, KUBELET, type ContainerRuntime, type PodRuntime } from "./state";
import { stopContainer, syncContainer, type SyncEnv } from "./sync-container";

/**
 * The kubelet's sync of one pod (`syncPod`): volumes, the sandbox and its IP, init
 * containers then containers, graceful termination, and the status it reports.
 */

/** The volume manager's retry delays: 500 ms doubling to 2m2s. */
function mountAttemptAt(firstFailMs: number, k: number): number {
  let t = firstFailMs;
  for (let i = 1; i <= k; i++) t += Math.min(500 * 2 ** (i - 1), 122_000);
  return t;
}

/** How long the kubelet waits for volumes before reporting a timeout (`podAttachAndMountTimeout`). */
const MOUNT_TIMEOUT_MS = 123_000;

/** The addresses the kubelet hands pods on a node: `base` plus a host number in [lo, hi]. */
export interface PodAddressRange {
  base: number;
  lo: number;
  hi: number;
}

/** The node's pod address range, from its pod CIDR; undefined without one. */
export function podAddressRange(node: Node): PodAddressRange | undefined {
  const cidr = node.spec.podCIDR ?? node.spec.podCIDRs?.[0];
  if (!cidr) return undefined;
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  const size = 2 ** (32 - Number(m[5]));
  return { base, lo: 2, hi: Math.min(size - 2, 254) };
}

/** `base + host` as dotted text. */
export function podAddress(range: PodAddressRange, host: number): string {
  const n = (range.base + host) >>> 0;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Picks a free IP in the node's pod CIDR. */
function allocateIP(ctx: ControllerContext, node: Node): string | undefined {
  const range = podAddressRange(node);
  if (!range) return undefined;
  const used = new Set(nodeRuntime(ctx, node.metadata.name).ips);
  for (let attempt = 0; attempt < 64; attempt++) {
    const ip = podAddress(range, ctx.rng.int(range.lo, range.hi));
    if (!used.has(ip)) {
      nodeRuntime(ctx, node.metadata.name).ips.push(ip);
      return ip;
    }
  }
  return undefined;
}

/** Releases a pod's IP and forgets it. */
export function forgetPod(ctx: ControllerContext, pr: PodRuntime): void {
  if (pr.podIP) {
    const ips = nodeRuntime(ctx, pr.node).ips;
    const i = ips.indexOf(pr.podIP);
    if (i >= 0) ips.splice(i, 1);
  }
  const index = trackedPods(ctx);
  const j = index.uids.indexOf(pr.uid);
  if (j >= 0) index.uids.splice(j, 1);
  ctx.dropState(KUBELET, podStateKey(pr.uid));
}

function runtimeOf(pr: PodRuntime, c: Container, init: boolean): ContainerRuntime {
  let cr = pr.containers[c.name];
  if (!cr) {
    cr = { name: c.name, init, restartCount: 0 };
    pr.containers[c.name] = cr;
  }
  return cr;
}

/**
 * Syncs one pod bound to `node` up to `ctx.now`. Returns the instant until which another sync
 * with the same inputs (the pod, the kinds the kubelet reads) would change nothing: the earliest
 * wake-up it asked for, probe tick or retry tick due, or `ctx.now` when that cannot be told.
 */
export function syncPod(outer: ControllerContext, pod: Pod, node: Node, lookup: (uid: string) => PodRuntime | undefined, network?: { dependent: boolean; untilMs: number }): number {
  const uid = pod.metadata.uid!;
  const now = outer.now;
  // The earliest instant noted due (an object method, not a named closure: see afterImage).
  const horizon = {
    quiet: Infinity,
    due(ms: number): void {
      if (ms < horizon.quiet) horizon.quiet = ms;
    },
  };
  const due = horizon.due;
  const ctx: ControllerContext = {
    ...outer,
    wakeAt(ms: number) {
      due(ms);
      outer.wakeAt(ms);
    },
  };
  const pr = podRuntime(ctx, uid, () => {
    trackedPods(ctx).uids.push(uid);
    return {
      uid,
      namespace: pod.metadata.namespace ?? "default",
      name: pod.metadata.name,
      node: node.metadata.name,
      resyncMs: 10_000 + (fnv1a32(uid) % 5000),
      firstSeenMs: now,
      containers: {},
      transitions: {},
    };
  });
  const net = network ? { dependent: false } : undefined;
  const env: SyncEnv = { ctx, pod, node, pr, lookup, due, network: net };
  if (pr.final && !pod.metadata.deletionTimestamp) {
    writeStatus(ctx, pod, pr, node);
    return now;
  }
  if (pod.metadata.deletionTimestamp) {
    if (!pr.terminating) {
      const grace = Number(pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
      let removeAt = now;
      for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
        const cr = pr.containers[c.name];
        if (cr?.running) removeAt = Math.max(removeAt, stopContainer(env, c, cr, now, grace));
      }
      pr.terminating = { sinceMs: now, removeAtMs: removeAt };
    }
    for (const c of pod.spec.containers) {
      const cr = pr.containers[c.name];
      if (cr?.running) syncContainer(env, c, cr);
    }
    if (now >= pr.terminating.removeAtMs) {
      ctx.store.remove("Pod", pod.metadata.namespace, pod.metadata.name);
      forgetPod(ctx, pr);
      return now;
    }
    ctx.wakeAt(pr.terminating.removeAtMs);
    writeStatus(ctx, pod, pr, node);
    return now;
  }
  if (pr.sandboxMs === undefined) {
    const problems = volumeProblems(ctx.store, pod);
    if (problems.length > 0) {
      pr.mount ??= { firstFailMs: now, attempts: 0, timeouts: 0 };
      const m = pr.mount;
      while (mountAttemptAt(m.firstFailMs, m.attempts) <= now) {
        const at = mountAttemptAt(m.firstFailMs, m.attempts);
        for (const p of problems) if (p.kind === "setup") recordAt(ctx, pod, node.metadata.name, at, "Warning", "FailedMount", p.message);
        m.attempts++;
      }
      while (m.firstFailMs + (m.timeouts + 1) * MOUNT_TIMEOUT_MS <= now) {
        m.timeouts++;
        const at = m.firstFailMs + m.timeouts * MOUNT_TIMEOUT_MS;
        const unmounted = problems.map((p) => p.volume).join(" ");
        const claims = problems.filter((p) => p.kind === "claim");
        const detail = claims.length ? `failed to process volumes=[${claims.map((p) => p.volume).join(" ")}]: ${claims[0].message}` : "failed to process volumes=[]: timed out waiting for the condition";
        recordAt(ctx, pod, node.metadata.name, at, "Warning", "FailedMount", `Unable to attach or mount volumes: unmounted volumes=[${unmounted}], unattached volumes=[], ${detail}`);
      }
      m.readyAtMs = undefined;
      writeStatus(ctx, pod, pr, node);
      return now;
    }
    if (pr.mount) {
      const m = pr.mount;
      if (m.readyAtMs === undefined) {
        let k = m.attempts;
        while (mountAttemptAt(m.firstFailMs, k) < now) k++;
        m.readyAtMs = mountAttemptAt(m.firstFailMs, k);
      }
      if (now < m.readyAtMs) {
        ctx.wakeAt(m.readyAtMs);
        writeStatus(ctx, pod, pr, node);
        return now;
      }
    }
    pr.sandboxMs = now;
    pr.podIP = allocateIP(ctx, node);
  }
  const inits = pod.spec.initContainers ?? [];
  let initDone = true;
  for (const c of inits) {
    const cr = runtimeOf(pr, c, true);
    syncContainer(env, c, cr);
    if (!(cr.done && cr.terminated?.exitCode === 0)) {
      initDone = false;
      break;
    }
  }
  if (initDone) for (const c of pod.spec.containers) syncContainer(env, c, runtimeOf(pr, c, false));
  writeStatus(ctx, pod, pr, node);
  if (network && net!.dependent) {
    // Due at every instant, as far as the caller's own bookkeeping goes; `untilMs` says until
    // when nothing but the network could make a sync do something.
    network.dependent = true;
    network.untilMs = horizon.quiet;
    return Math.min(horizon.quiet, now);
  }
  return horizon.quiet;
}

/** Writes the pod's status when it changed. */
function writeStatus(ctx: ControllerContext, pod: Pod, pr: PodRuntime, node: Node): void {
  const status = buildPodStatus(pod, pr, node, ctx.now, ctx.now);
  if (!deepEqual(pod.status, status)) {
    pod.status = status;
    ctx.store.touch(pod);
  }
}
