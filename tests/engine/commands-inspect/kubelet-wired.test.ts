/**
 * The inspect commands wired to the real kubelet's views (as engine/index.ts wires them), on
 * simulated scenario clusters: logs come from the processes the kubelet ran, exec sees the
 * runtime's processes and environment.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pod } from "../../../engine/model/types";
import { containerFilesystem, containerLogs } from "../../../engine/controllers/kubelet/views";
import { networkContext } from "../../../engine/controllers/kubelet/runtime-view";
import { KUBELET } from "../../../engine/controllers/kubelet/state";
import { inspectRuntimeFromKubelet, setInspectRuntime } from "../../../engine/kubectl/commands/inspect";
import { loadCatalogue } from "../../../engine/scenario/load-files";
import { instantiate } from "../../../engine/scenario/instantiate";
import { kubectl } from "./fixture";

describe("inspect commands over the kubelet", () => {
  beforeAll(() => {
    setInspectRuntime(
      inspectRuntimeFromKubelet({
        containerLogs: (c, pod, name, opts) => containerLogs(c, pod, name, opts),
        containerFilesystem: (c, pod, name) => containerFilesystem(c, pod, name),
        network: (c) => networkContext(c.store, c.world, (uid) => c.controllerState(KUBELET, `pod/${uid}`), c.now()),
      }),
    );
  });
  afterAll(() => setInspectRuntime({}));

  for (const scenario of loadCatalogue().scenarios.filter((s) => s.id.startsWith("crash-"))) {
    it(`${scenario.id}: logs of a crashing pod and exec into a running one`, () => {
      const instance = instantiate(scenario, 1);
      const cluster = instance.cluster;
      cluster.advanceTo(instance.learnerStartMs + 60_000);
      const ns = instance.defaultNamespace;
      const pods = cluster.store.list<Pod>("Pod", ns);
      const crashing = pods.find((p) => p.status?.containerStatuses?.some((s) => s.restartCount > 0 || s.lastState?.terminated));
      if (crashing) {
        const r = kubectl(cluster, `logs ${crashing.metadata.name} -n ${ns} -c ${crashing.status.containerStatuses![0].name}`);
        expect(r.exitCode).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
      }
      const running = pods.find((p) => p.status?.containerStatuses?.[0]?.state?.running);
      if (running) {
        const c = running.spec.containers[0].name;
        const env = kubectl(cluster, `exec ${running.metadata.name} -n ${ns} -c ${c} -- env`);
        const fs = containerFilesystem(cluster, running, c)!;
        if (fs.distroless || !fs.binaries.includes("env")) expect(env.stderr).toContain("OCI runtime exec failed");
        else expect(env.stdout).toContain(`HOSTNAME=${running.metadata.name}\n`);
      }
    });
  }
});
