/**
 * The oracle on engine-produced clusters: every scenario of the catalogue is instantiated and
 * simulated (controllers, scheduler, kubelet, events), its objects are moved in time so the
 * learner's "now" is the wall clock, and the engine's describe of its pods, workloads, services
 * and nodes must equal the real kubectl v1.32's, byte for byte.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../../engine/scenario/load-files";
import { instantiate } from "../../../engine/scenario/instantiate";
import type { FakeApiServer } from "./fake-api-server";
import { compareDescribe, hasKubectl, serve, shiftTimestamps, staticCluster } from "./harness";

const catalogue = loadCatalogue();

describe.skipIf(!hasKubectl)("describe on simulated scenario clusters matches the real kubectl v1.32", () => {
  const servers: FakeApiServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  for (const scenario of catalogue.scenarios) {
    it(`${scenario.id}: pods, deployments, replicasets, services, endpoints, nodes`, async () => {
      const instance = instantiate(scenario, 1);
      const sim = instance.cluster;
      sim.advanceTo(instance.learnerStartMs + 90_000);
      const wall = Math.floor(Date.now() / 1000) * 1000;
      const objects = shiftTimestamps(sim.store.all(), wall - Math.floor(sim.now() / 1000) * 1000);
      const server = await serve(objects);
      servers.push(server);
      const cluster = staticCluster(objects, wall);
      const ns = instance.defaultNamespace;
      for (const line of [`pods -n ${ns}`, `deploy -n ${ns}`, `rs -n ${ns}`, `svc -n ${ns}`, `ep -n ${ns}`, `pvc -n ${ns}`, "nodes"]) {
        const { real, engine } = await compareDescribe(server, cluster, line.split(" "));
        expect({ line, stdout: engine.stdout, stderr: engine.stderr }).toEqual({ line, stdout: real.stdout, stderr: real.stderr });
      }
    }, 60_000);
  }
});
