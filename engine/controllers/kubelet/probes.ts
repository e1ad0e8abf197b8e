import type { Container, Pod, Probe } from "../../model/types";
import type { ImageSpec, World } from "../../model/world";
import { baseName } from "../../world/process";
import { shellWords } from "../../world/programs";
import type { ContainerRuntime, PodRuntime, ProbeState } from "./state";

/**
 * Liveness, readiness and startup probes (`pkg/kubelet/prober`), evaluated against the
 * application model. Probe ticks fall on a grid of `periodSeconds` from the pod's start, as
 * the prober workers run; ticks are processed in batches when the kubelet next syncs, and the
 * kubelet only wakes up at ticks that change something (a readiness flip, a kill).
 */

/** A probe outcome. */
export type ProbeOutcome = { ok: true } | { ok: false; message: string };

/** Which probe. */
export type ProbeKind = "startup" | "liveness" | "readiness";

const LABEL: Record<ProbeKind, string> = { startup: "Startup", liveness: "Liveness", readiness: "Readiness" };

/** Something a probe tick did. */
export interface ProbeEffect {
  atMs: number;
  kind: ProbeKind;
  /** An `Unhealthy` event message, or a kill, or a readiness/startup change. */
  unhealthy?: string;
  kill?: string;
  readyChanged?: boolean;
  started?: boolean;
}

function resolvePort(pod: Pod, port: number | string): number | undefined {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(port)) return Number(port);
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === port) return p.containerPort;
  return undefined;
}

/** The two outcomes of a probe: while the port is open and while it is not (before start-up, after exit). */
export interface ProbeOutcomes {
  listening: ProbeOutcome;
  closed: ProbeOutcome;
  /** The port the probe checks is served by this pod's processes at all. */
  servedBy?: ContainerRuntime;
}

/** Evaluates a probe against the pod's running processes, as outcomes when listening and when not. */
export function probeOutcomes(probe: Probe, pod: Pod, pr: PodRuntime, world: World, exec: (argv: string[]) => ProbeOutcome): ProbeOutcomes {
  const ip = pr.podIP ?? pod.status?.podIP ?? "";
  if (probe.exec) {
    const o = exec(probe.exec.command ?? []);
    return { listening: o, closed: o };
  }
  const rawPort = probe.httpGet ? probe.httpGet.port : probe.tcpSocket?.port;
  if (rawPort === undefined) return { listening: { ok: true }, closed: { ok: true } };
  const port = resolvePort(pod, rawPort);
  const hostPort = `${ip}:${port ?? rawPort}`;
  const refused = `dial tcp ${hostPort}: connect: connection refused`;
  let served: ContainerRuntime | undefined;
  let listener;
  for (const cr of Object.values(pr.containers)) {
    const plan = cr.running?.plan;
    if (!plan || port === undefined) continue;
    const idx = plan.ports.indexOf(port);
    if (idx < 0) continue;
    const app = plan.appId ? world.apps[plan.appId] : undefined;
    listener = app?.listen?.[idx];
    served = cr;
    break;
  }
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    const path = probe.httpGet.path ?? "/";
    const url = `${scheme}://${probe.httpGet.host ?? ip}:${port ?? rawPort}${path.startsWith("/") ? path : `/${path}`}`;
    const closed: ProbeOutcome = { ok: false, message: `Get "${url}": ${refused}` };
    if (!served || !listener) return { listening: closed, closed };
    if (listener.protocol === "tcp") return { listening: { ok: false, message: `Get "${url}": EOF` }, closed, servedBy: served };
    if (scheme === "https") return { listening: { ok: false, message: `Get "${url}": http: server gave HTTP response to HTTPS client` }, closed, servedBy: served };
    const route = listener.routes?.[path.split("?")[0]];
    const unready = served.running?.unready ?? false;
    const status = route ? (unready && route.whenUnready ? route.whenUnready.status : route.status) : listener.notFound?.status ?? 404;
    const listening: ProbeOutcome = status >= 200 && status < 400 ? { ok: true } : { ok: false, message: `HTTP probe failed with statuscode: ${status}` };
    return { listening, closed, servedBy: served };
  }
  const closed: ProbeOutcome = { ok: false, message: refused };
  if (!served) return { listening: closed, closed };
  return { listening: { ok: true }, closed, servedBy: served };
}

/** Runs an exec probe command in the container (a few common checks). */
export function execProbe(argv: string[], image: ImageSpec | undefined, files: Map<string, string>, isListening: (port: number) => boolean): ProbeOutcome {
  if (argv.length === 0) return { ok: false, message: "" };
  const binaries = image?.binaries ?? [];
  const exists = (name: string) => binaries.includes(name) || binaries.includes(baseName(name)) || files.has(name);
  if (!exists(argv[0])) {
    return { ok: false, message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown` };
  }
  const name = baseName(argv[0]);
  const args = argv.slice(1);
  const busybox = binaries.includes("busybox");
  if ((name === "sh" || name === "bash") && args[0] === "-c") {
    const words = shellWords(args[1] ?? "", {});
    if (words.length === 0) return { ok: true };
    if (words[0] === "exit") return Number(words[1] ?? 0) === 0 ? { ok: true } : { ok: false, message: "" };
    return execProbe(words, image, files, isListening);
  }
  switch (name) {
    case "cat":
    case "ls":
      for (const f of args.filter((a) => !a.startsWith("-"))) {
        if (!files.has(f) && ![...files.keys()].some((k) => k.startsWith(`${f.replace(/\/$/, "")}/`))) {
          return { ok: false, message: name === "cat" ? (busybox ? `cat: can't open '${f}': No such file or directory` : `cat: ${f}: No such file or directory`) : `ls: ${busybox ? "" : "cannot access "}'${f}': No such file or directory` };
        }
      }
      return { ok: true };
    case "test":
    case "[": {
      const f = args.find((a) => a.startsWith("/"));
      return f && files.has(f) ? { ok: true } : { ok: false, message: "" };
    }
    case "false":
      return { ok: false, message: "" };
    case "pg_isready": {
      const port = Number(args[args.indexOf("-p") + 1]) || 5432;
      return isListening(port) ? { ok: true } : { ok: false, message: "/var/run/postgresql:5432 - no response" };
    }
    case "redis-cli":
      return isListening(6379) ? { ok: true } : { ok: false, message: "Could not connect to Redis at 127.0.0.1:6379: Connection refused" };
    default:
      return { ok: true };
  }
}

/** The probes of a container in the order the kubelet checks them, with their state. */
export function containerProbes(c: Container, cr: ContainerRuntime): { kind: ProbeKind; probe: Probe; state: ProbeState }[] {
  const r = cr.running;
  if (!r) return [];
  const out: { kind: ProbeKind; probe: Probe; state: ProbeState }[] = [];
  if (c.startupProbe && r.startProbe) out.push({ kind: "startup", probe: c.startupProbe, state: r.startProbe });
  if (c.livenessProbe && r.liveProbe) out.push({ kind: "liveness", probe: c.livenessProbe, state: r.liveProbe });
  if (c.readinessProbe && r.readyProbe) out.push({ kind: "readiness", probe: c.readinessProbe, state: r.readyProbe });
  return out;
}

/**
 * The first probe tick `runProbeTicks` would process next: after each probe's last tick, or,
 * with `afterMs`, the first tick of any probe strictly after that instant.
 */
export function nextProbeTick(probes: { probe: Probe; state: ProbeState }[], gridAnchorMs: number, startedAtMs: number, afterMs: number | undefined): number {
  let best = Infinity;
  for (const w of probes) {
    const period = Math.max(1, w.probe.periodSeconds ?? 10) * 1000;
    const from = Math.max(afterMs !== undefined ? afterMs + 1 : w.state.lastTickMs + 1, startedAtMs + 1);
    const at = gridAnchorMs + Math.ceil((from - gridAnchorMs) / period) * period;
    if (at < best) best = at;
  }
  return best;
}

/**
 * Cuts `counts` (how many ticks each probe has left, from its next one `at`, every `period`)
 * to the first `budget` ticks in the order the tick loop takes them: by time, then by probe order.
 */
function limitToFirstTicks(work: { at: number; period: number }[], counts: number[], budget: number): void {
  const upTo = (T: number) => work.map((w, i) => (T < w.at ? 0 : Math.min(counts[i], Math.floor((T - w.at) / w.period) + 1)));
  const total = (T: number) => upTo(T).reduce((a, b) => a + b, 0);
  // The instant of the budget-th tick: the first T with at least `budget` ticks at or before it.
  let lo = Math.min(...work.map((w) => w.at));
  let hi = Math.max(...work.map((w, i) => (counts[i] > 0 ? w.at + (counts[i] - 1) * w.period : w.at)));
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (total(mid) >= budget) hi = mid;
    else lo = mid + 1;
  }
  const before = upTo(lo - 1);
  let left = budget - before.reduce((a, b) => a + b, 0);
  const atT = upTo(lo);
  for (let i = 0; i < work.length; i++) {
    const extra = atT[i] - before[i];
    const take = Math.min(extra, left);
    counts[i] = before[i] + take;
    left -= take;
  }
}

/** One probe's progress through `runProbeTicks`. */
interface TickWork {
  kind: ProbeKind;
  probe: Probe;
  state: ProbeState;
  period: number;
  at: number;
}

/** The next tick of a probe after its last one, on its grid. */
function nextTickOf(w: TickWork, gridAnchorMs: number, startedAtMs: number): number {
  const from = Math.max(w.state.lastTickMs + 1, startedAtMs + 1);
  return gridAnchorMs + Math.ceil((from - gridAnchorMs) / w.period) * w.period;
}

/**
 * Whether every tick of `w` from its next one on only counts a success (or nothing): past its
 * initial delay, after the startup probe, with an outcome that no longer changes, already passed.
 */
function steadyTicks(w: TickWork, startup: TickWork | undefined, startedAtMs: number, listenAtMs: number | undefined, outcomes: Map<ProbeKind, ProbeOutcomes>): boolean {
  if ((w.at - startedAtMs) / 1000 < (w.probe.initialDelaySeconds ?? 0)) return false;
  if (w.kind === "startup") return w.state.passed;
  if (startup && !startup.state.passed) return false;
  if (!w.state.passed) return false;
  if (listenAtMs !== undefined && w.at < listenAtMs) return false;
  const o = outcomes.get(w.kind)!;
  return (listenAtMs !== undefined ? o.listening : o.closed).ok;
}

function allSteady(work: TickWork[], startup: TickWork | undefined, startedAtMs: number, listenAtMs: number | undefined, outcomes: Map<ProbeKind, ProbeOutcomes>): boolean {
  for (const w of work) if (!steadyTicks(w, startup, startedAtMs, listenAtMs, outcomes)) return false;
  return true;
}

/** How many ticks of `w` fall in [its next tick, `upToMs`] and before `endMs`. */
function ticksUpTo(w: TickWork, upToMs: number, endMs: number): number {
  if (w.at > upToMs || w.at >= endMs) return 0;
  const byEnd = endMs === Infinity ? Infinity : Math.ceil((endMs - w.at) / w.period);
  return Math.min(Math.floor((upToMs - w.at) / w.period) + 1, byEnd);
}

/**
 * Processes probe ticks in (lastTick, upToMs] in time order and returns their effects. With
 * `dryRun` the states are copies (to find the next tick that changes something). Stops at a kill.
 */
export function runProbeTicks(
  probes: { kind: ProbeKind; probe: Probe; state: ProbeState }[],
  outcomes: Map<ProbeKind, ProbeOutcomes>,
  gridAnchorMs: number,
  startedAtMs: number,
  listenAtMs: number | undefined,
  endMs: number,
  upToMs: number,
  dryRun: boolean,
  stopAtFirstChange: boolean,
): ProbeEffect[] {
  const effects: ProbeEffect[] = [];
  // Per probe: its period and the next tick it would process (recomputed only when it ticks).
  const work: TickWork[] = probes.map((p) => {
    const state = dryRun ? { ...p.state } : p.state;
    const period = Math.max(1, p.probe.periodSeconds ?? 10) * 1000;
    return { kind: p.kind, probe: p.probe, state, period, at: 0 };
  });
  const startup = work.find((w) => w.kind === "startup");
  for (const w of work) w.at = nextTickOf(w, gridAnchorMs, startedAtMs);
  for (let guard = 0; guard < 100_000; guard++) {
    if (allSteady(work, startup, startedAtMs, listenAtMs, outcomes)) {
      // Nothing can happen any more up to `upToMs`: take the remaining ticks in one step, or,
      // when the guard would stop the loop first, the ticks it would have reached.
      const counts = work.map((w) => ticksUpTo(w, upToMs, endMs));
      const budget = 100_000 - guard;
      if (counts.reduce((a, b) => a + b, 0) > budget) limitToFirstTicks(work, counts, budget);
      work.forEach((w, i) => {
        const k = counts[i];
        if (k === 0) return;
        w.state.lastTickMs = w.at + (k - 1) * w.period;
        if (w.kind !== "startup") {
          w.state.consecutiveSuccesses += k;
          w.state.consecutiveFailures = 0;
        }
      });
      break;
    }
    let best: (typeof work)[number] | undefined;
    let bestAt = Infinity;
    for (const w of work) {
      if (w.at < bestAt) {
        bestAt = w.at;
        best = w;
      }
    }
    if (!best || bestAt > upToMs || bestAt >= endMs) break;
    const w = best;
    const at = bestAt;
    w.state.lastTickMs = at;
    w.at = nextTickOf(w, gridAnchorMs, startedAtMs);
    if ((at - startedAtMs) / 1000 < (w.probe.initialDelaySeconds ?? 0)) continue;
    if (w.kind !== "startup" && startup && !startup.state.passed) continue;
    if (w.kind === "startup" && w.state.passed) continue;
    const o = outcomes.get(w.kind)!;
    const outcome = listenAtMs !== undefined && at >= listenAtMs ? o.listening : o.closed;
    const failureThreshold = Math.max(1, w.probe.failureThreshold ?? 3);
    const successThreshold = Math.max(1, w.probe.successThreshold ?? 1);
    if (outcome.ok) {
      w.state.consecutiveSuccesses++;
      w.state.consecutiveFailures = 0;
      if (!w.state.passed && w.state.consecutiveSuccesses >= (w.kind === "readiness" ? successThreshold : 1)) {
        w.state.passed = true;
        effects.push(w.kind === "startup" ? { atMs: at, kind: w.kind, started: true } : { atMs: at, kind: w.kind, readyChanged: true });
        if (stopAtFirstChange) return effects;
      }
      continue;
    }
    w.state.consecutiveFailures++;
    w.state.consecutiveSuccesses = 0;
    effects.push({ atMs: at, kind: w.kind, unhealthy: `${LABEL[w.kind]} probe failed: ${outcome.message}` });
    if (w.state.consecutiveFailures >= failureThreshold) {
      if (w.kind === "readiness") {
        if (w.state.passed) {
          w.state.passed = false;
          effects.push({ atMs: at, kind: w.kind, readyChanged: true });
          if (stopAtFirstChange) return effects;
        }
      } else {
        effects.push({ atMs: at, kind: w.kind, kill: `failed ${w.kind} probe, will be restarted` });
        return effects;
      }
    }
  }
  return effects;
}
