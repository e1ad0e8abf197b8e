/**
 * The READY, STATUS and RESTARTS cells of a pod, computed as the API server's table printer
 * (`printPod` in pkg/printers/internalversion) computes them.
 */
import type { Container, ContainerStatus, Pod } from "../../model/types";
import { cachedTime, humanDuration } from "./human-duration";

/** The pod's summary as `kubectl get pods` shows it. */
export interface PodSummary {
  /** `ready/total`, e.g. `1/2`. */
  ready: string;
  /** STATUS: the phase or the most telling container reason (`CrashLoopBackOff`, `Init:0/1`…). */
  status: string;
  /** RESTARTS: `0`, or `3 (45s ago)` when the newest restart time is known. */
  restarts: string;
  /** The restart count alone. */
  restartCount: number;
}

/** The reason the node lifecycle controller sets on pods of an unreachable node. */
export const NODE_UNREACHABLE_POD_REASON = "NodeLost";

function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === "Always";
}

function hasCondition(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === "True");
}

function terminationTime(cs: ContainerStatus): number {
  const t = cs.lastState?.terminated?.finishedAt;
  return cachedTime(t);
}

/** Computes READY, STATUS and RESTARTS for one pod at `nowMs`. */
export function podSummary(pod: Pod, nowMs: number): PodSummary {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? { phase: "Pending" };
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = NaN;
  let lastRestartableInitRestart = NaN;

  const phase = status.phase ?? "";
  let reason: string = status.reason ? status.reason : phase;
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initSpecs = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    restarts += cs.restartCount ?? 0;
    const t = terminationTime(cs);
    if (!Number.isNaN(t) && (Number.isNaN(lastRestart) || t > lastRestart)) lastRestart = t;
    const restartable = isRestartableInitContainer(initSpecs.get(cs.name));
    if (restartable) {
      restartableInitRestarts += cs.restartCount ?? 0;
      if (!Number.isNaN(t) && (Number.isNaN(lastRestartableInitRestart) || t > lastRestartableInitRestart)) lastRestartableInitRestart = t;
    }
    const term = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (restartable && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, "Initialized")) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      const t = terminationTime(cs);
      if (!Number.isNaN(t) && (Number.isNaN(lastRestart) || t > lastRestart)) lastRestart = t;
      const waiting = cs.state?.waiting;
      const term = cs.state?.terminated;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === "Completed" && hasRunning) reason = hasCondition(pod, "Ready") ? "Running" : "NotReady";
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";

  let restartsText = String(restarts);
  if (restarts !== 0 && !Number.isNaN(lastRestart)) {
    restartsText = `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText, restartCount: restarts };
}
