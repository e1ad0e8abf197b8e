/**
 * The real kubectl v1.32 describes the RBAC objects (through the fake API server), and the
 * engine's describe must print the same bytes: the bootstrap ClusterRoles (whose rules kubectl
 * breaks down, compacts and sorts) and the workshop's roles and bindings.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { FakeApiServer } from "../oracle/fake-api-server";
import { compareDescribe, hasKubectl, serve, shiftTimestamps, staticCluster } from "../oracle/harness";
import { world } from "../workloads/harness";
import { RBAC_WORLD } from "./fixtures";

const LINES = [
  "role -n shop",
  "rolebinding -n shop",
  "clusterrole node-watcher",
  "clusterrole view",
  "clusterrole edit",
  "clusterrole admin",
  "clusterrole cluster-admin",
  "clusterrole system:discovery",
  "clusterrolebinding",
];

describe.skipIf(!hasKubectl)("describe of the RBAC kinds matches the real kubectl v1.32", () => {
  const servers: FakeApiServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  it("Role, ClusterRole, RoleBinding, ClusterRoleBinding", async () => {
    const { cluster: sim } = world(RBAC_WORLD);
    const wall = Math.floor(Date.now() / 1000) * 1000;
    const objects = shiftTimestamps(sim.store.all(), wall - Math.floor(sim.now() / 1000) * 1000);
    const server = await serve(objects);
    servers.push(server);
    const cluster = staticCluster(objects, wall);
    for (const line of LINES) {
      const { real, engine } = await compareDescribe(server, cluster, line.split(" "));
      expect.soft({ line, exitCode: real.exitCode, empty: real.stdout === "" }).toEqual({ line, exitCode: 0, empty: false });
      expect.soft({ line, stdout: engine.stdout, stderr: engine.stderr }).toEqual({ line, stdout: real.stdout, stderr: real.stderr });
    }
  }, 60_000);
});
