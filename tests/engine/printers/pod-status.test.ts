import { describe, expect, it } from "vitest";
import type { Pod } from "../../../engine/model/types";
import { podSummary } from "../../../engine/kubectl/printers/pod-status";

const NOW = Date.parse("2026-03-02T10:00:00Z");
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace(".000Z", "Z");

function pod(status: Partial<Pod["status"]>, spec: Partial<Pod["spec"]> = {}, meta: object = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "d", creationTimestamp: ago(100), ...meta },
    spec: { containers: [{ name: "app", image: "x" }], ...spec },
    status: { phase: "Running", ...status },
  } as Pod;
}
const c = (name: string, state: object, extra: object = {}) => ({ name, state, lastState: {}, ready: false, restartCount: 0, image: "x", imageID: "", ...extra });

describe("podSummary (printPod)", () => {
  it("uses the phase, or status.reason", () => {
    expect(podSummary(pod({ phase: "Pending" }), NOW).status).toBe("Pending");
    expect(podSummary(pod({ phase: "Failed", reason: "Evicted" }), NOW).status).toBe("Evicted");
  });
  it("shows SchedulingGated from the PodScheduled condition", () => {
    expect(podSummary(pod({ phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] }), NOW).status).toBe("SchedulingGated");
  });
  it("counts ready running containers", () => {
    const s = podSummary(pod({ containerStatuses: [c("app", { running: {} }, { ready: true })] }), NOW);
    expect(s).toMatchObject({ ready: "1/1", status: "Running", restarts: "0" });
  });
  it("lets the first container's reason win (reverse walk)", () => {
    const s = podSummary(
      pod({ containerStatuses: [c("a", { waiting: { reason: "CrashLoopBackOff" } }), c("b", { waiting: { reason: "ImagePullBackOff" } })] }, { containers: [{ name: "a", image: "x" }, { name: "b", image: "y" }] }),
      NOW,
    );
    expect(s.status).toBe("CrashLoopBackOff");
    expect(s.ready).toBe("0/2");
  });
  it("shows a terminated reason, else ExitCode or Signal", () => {
    expect(podSummary(pod({ containerStatuses: [c("app", { terminated: { exitCode: 137, reason: "OOMKilled" } })] }), NOW).status).toBe("OOMKilled");
    expect(podSummary(pod({ containerStatuses: [c("app", { terminated: { exitCode: 3 } })] }), NOW).status).toBe("ExitCode:3");
    expect(podSummary(pod({ containerStatuses: [c("app", { terminated: { exitCode: 0, signal: 15 } })] }), NOW).status).toBe("Signal:15");
  });
  it("turns Completed back into Running or NotReady while a container runs", () => {
    const statuses = [c("app", { running: {} }, { ready: true }), c("side", { terminated: { exitCode: 0, reason: "Completed" } })];
    const spec = { containers: [{ name: "app", image: "x" }, { name: "side", image: "y" }] };
    expect(podSummary(pod({ containerStatuses: statuses, conditions: [{ type: "Ready", status: "True" }] }, spec), NOW).status).toBe("Running");
    expect(podSummary(pod({ containerStatuses: statuses }, spec), NOW).status).toBe("NotReady");
  });
  it("reports init containers: running, failed, waiting, and Init:Signal", () => {
    const spec = { initContainers: [{ name: "i1", image: "x" }, { name: "i2", image: "x" }] };
    const done = c("i1", { terminated: { exitCode: 0, reason: "Completed" } });
    expect(podSummary(pod({ phase: "Pending", initContainerStatuses: [done, c("i2", { running: {} })] }, spec), NOW).status).toBe("Init:1/2");
    expect(podSummary(pod({ phase: "Pending", initContainerStatuses: [c("i1", { terminated: { exitCode: 1, reason: "Error" } })] }, spec), NOW).status).toBe("Init:Error");
    expect(podSummary(pod({ phase: "Pending", initContainerStatuses: [c("i1", { terminated: { exitCode: 2 } })] }, spec), NOW).status).toBe("Init:ExitCode:2");
    expect(podSummary(pod({ phase: "Pending", initContainerStatuses: [c("i1", { terminated: { exitCode: 137, signal: 9 } })] }, spec), NOW).status).toBe("Init:Signal:9");
    expect(podSummary(pod({ phase: "Pending", initContainerStatuses: [c("i1", { waiting: { reason: "ImagePullBackOff" } })] }, spec), NOW).status).toBe("Init:ImagePullBackOff");
    expect(podSummary(pod({ phase: "Pending", initContainerStatuses: [c("i1", { waiting: { reason: "PodInitializing" } })] }, spec), NOW).status).toBe("Init:0/2");
  });
  it("counts a started restartable (sidecar) init container as a container", () => {
    const spec = { initContainers: [{ name: "proxy", image: "x", restartPolicy: "Always" }] };
    const s = podSummary(pod({ initContainerStatuses: [c("proxy", { running: {} }, { ready: true, started: true, restartCount: 2 })], containerStatuses: [c("app", { running: {} }, { ready: true })] }, spec), NOW);
    expect(s).toMatchObject({ ready: "2/2", status: "Running", restarts: "2" });
  });
  it("shows Terminating, and Unknown for a pod of an unreachable node", () => {
    expect(podSummary(pod({ containerStatuses: [c("app", { running: {} }, { ready: true })] }, {}, { deletionTimestamp: ago(1) }), NOW).status).toBe("Terminating");
    expect(podSummary(pod({ reason: "NodeLost" }, {}, { deletionTimestamp: ago(1) }), NOW).status).toBe("Unknown");
    expect(podSummary(pod({ phase: "Succeeded" }, {}, { deletionTimestamp: ago(1) }), NOW).status).toBe("Succeeded");
  });
  it("prints restarts with the age of the newest termination", () => {
    const s = podSummary(
      pod({ containerStatuses: [c("app", { running: {} }, { restartCount: 3, lastState: { terminated: { exitCode: 1, finishedAt: ago(45) } } })] }),
      NOW,
    );
    expect(s.restarts).toBe("3 (45s ago)");
    expect(s.restartCount).toBe(3);
  });
});
