/**
 * The real kubectl v1.32 describes the standard kinds the engine stores (through the fake API
 * server), and the engine's describe must print the same bytes.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { FakeApiServer } from "../oracle/fake-api-server";
import { compareDescribe, hasKubectl, serve, shiftTimestamps, staticCluster } from "../oracle/harness";
import { world } from "../workloads/harness";
import { STANDARD_WORLD } from "./fixtures";

const LINES = [
  "ingress -n shop",
  "ingressclass",
  "netpol -n shop",
  "hpa -n shop",
  "pdb -n shop",
  "quota -n shop",
  "limits -n shop",
  "endpointslices -n shop",
  "endpointslices -n default",
  "endpointslices -n kube-system",
  "rc -n shop",
  "podtemplates -n shop",
  "priorityclasses",
  "service web -n shop",
  "service kubernetes -n default",
];

describe.skipIf(!hasKubectl)("describe of the standard kinds matches the real kubectl v1.32", () => {
  const servers: FakeApiServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  it("Ingress, NetworkPolicy, HPA, PDB, quota, limits, slices, RC, templates, priority classes", async () => {
    const { cluster: sim } = world(STANDARD_WORLD);
    sim.advanceBy(5 * 60_000);
    const wall = Math.floor(Date.now() / 1000) * 1000;
    const objects = shiftTimestamps(sim.store.all(), wall - Math.floor(sim.now() / 1000) * 1000);
    const server = await serve(objects);
    servers.push(server);
    const cluster = staticCluster(objects, wall);
    // The static cluster stores the objects anew: give them back their resourceVersions (the generic describer prints them).
    for (const o of objects) {
      const copy = cluster.store.get(o.kind, o.metadata.namespace, o.metadata.name);
      if (copy) copy.metadata.resourceVersion = o.metadata.resourceVersion;
    }
    for (const line of LINES) {
      const { real, engine } = await compareDescribe(server, cluster, line.split(" "));
      // kubectl walks a Go map for a LimitRange item's resources: their order varies from run to run.
      const norm = (text: string) => (line.startsWith("limits") ? text.split("\n").sort().join("\n") : text);
      expect.soft({ line, stdout: norm(engine.stdout), stderr: engine.stderr }).toEqual({ line, stdout: norm(real.stdout), stderr: real.stderr });
    }
  }, 60_000);
});
