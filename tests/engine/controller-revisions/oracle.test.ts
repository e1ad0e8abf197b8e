/**
 * The oracle on ControllerRevisions: a StatefulSet and a DaemonSet simulated through a template
 * change, served to the real kubectl v1.32, whose `describe controllerrevision` (the generic
 * describer), `rollout history [--revision]` and `rollout undo --dry-run=client` (reads only)
 * must equal the engine's byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../../../engine/model/types";
import type { Cluster } from "../../../engine/runtime/cluster";
import type { FakeApiServer } from "../oracle/fake-api-server";
import { hasKubectl, runRealKubectl, serve, shiftTimestamps, staticCluster } from "../oracle/harness";
import { kubectl, world } from "../workloads/harness";

const WORLD = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web, namespace: shop }
spec:
  serviceName: web
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web }, annotations: { team: storefront } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports: [{ containerPort: 80, name: http }]
          env: [{ name: MODE, value: live }]
          resources: { requests: { cpu: 100m, memory: 64Mi } }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: shop }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: agent, image: "busybox:1.36", command: ["sleep", "3600"] }]
`;

const COMMANDS = [
  "describe controllerrevisions",
  "rollout history sts/web",
  "rollout history ds/agent",
  "rollout history sts/web --revision=1",
  "rollout history ds/agent --revision=2",
  "rollout history sts/web --revision=7",
  "rollout undo sts/web --dry-run=client",
  "rollout undo ds/agent --dry-run=client --to-revision=1",
  "rollout undo ds/agent --dry-run=client --to-revision=5",
];

describe.skipIf(!hasKubectl)("ControllerRevisions against the real kubectl", () => {
  let server: FakeApiServer;
  let engine: Cluster;

  beforeAll(async () => {
    const { cluster } = world(WORLD);
    kubectl(cluster, "set image sts/web nginx=nginx:1.28");
    kubectl(cluster, "annotate ds/agent kubernetes.io/change-cause=bump");
    kubectl(cluster, "set image ds/agent agent=busybox:1.37");
    cluster.advanceBy(30_000);
    const now = Date.now();
    const objects = shiftTimestamps(JSON.parse(JSON.stringify(cluster.store.all())) as KObject[], now - cluster.now());
    server = await serve(objects);
    engine = staticCluster(objects, now);
    // The static store numbers resourceVersions afresh; the real kubectl sees the simulated ones.
    for (const o of objects) {
      const copy = engine.store.get(o.kind, o.metadata.namespace, o.metadata.name);
      if (copy) copy.metadata.resourceVersion = o.metadata.resourceVersion;
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it.each(COMMANDS)("%s", async (line) => {
    const real = await runRealKubectl(server.port, ["-n", "shop", ...line.split(" ")]);
    const mine = kubectl(engine, line);
    expect(mine.stdout).toBe(real.stdout);
    expect(mine.stderr).toBe(real.stderr);
    expect(mine.exitCode).toBe(real.exitCode);
  });
});
