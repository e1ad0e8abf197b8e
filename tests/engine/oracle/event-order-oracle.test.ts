/**
 * The order of events with the same timestamp: kubectl sorts them with Go's `sort.Sort`, which
 * is not stable past 12 elements, so ties come out however Go's pdqsort leaves them. The
 * engine's `describe` and `kubectl events` must agree with the real kubectl v1.32 for lists
 * of every length, with many ties, listed in an arbitrary name order; so must `get --sort-by`,
 * which sorts with `sort.Sort` too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../../../engine/model/types";
import type { Cluster } from "../../../engine/runtime/cluster";
import { Random } from "../../../engine/runtime/random";
import { rfc3339 } from "../../../engine/runtime/clock";
import { runTerminalLine } from "../../../engine/kubectl/terminal";
import { compareDescribe, hasKubectl, KUBECTL, runRealKubectl, serve, staticCluster } from "./harness";
import type { FakeApiServer } from "./fake-api-server";

if (!hasKubectl) console.warn(`event order oracle skipped: no real kubectl at ${KUBECTL}`);

const SIZES = [5, 12, 13, 17, 26, 49, 50, 77, 120, 203];
const REASONS = ["Pulled", "Created", "Started", "BackOff", "Unhealthy", "Killing"];

/** A pod per size in its own namespace, with that many events at a few instants (many ties), named in no particular order. */
function objects(now: number): KObject[] {
  const rng = new Random("event order");
  const out: KObject[] = [];
  for (const n of SIZES) {
    const ns = `events-${n}`;
    const uid = `uid-${n}`;
    out.push({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns, uid: `ns-${n}`, creationTimestamp: rfc3339(now - 3_600_000) }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } } as KObject);
    out.push({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "app", namespace: ns, uid, creationTimestamp: rfc3339(now - 600_000) },
      spec: { nodeName: "kind-worker", containers: [{ name: "app", image: "busybox" }] },
      status: { phase: "Pending", startTime: rfc3339(now - 600_000) },
    } as KObject);
    for (let i = 0; i < n; i++) {
      const lastAgo = [10, 20, 30, 60][rng.int(0, 3)] * 1000;
      const reason = REASONS[rng.int(0, REASONS.length - 1)];
      out.push({
        apiVersion: "v1",
        kind: "Event",
        metadata: { name: `app.${rng.hex(16)}`, namespace: ns, creationTimestamp: rfc3339(now - lastAgo) },
        involvedObject: { kind: "Pod", name: "app", namespace: ns, uid, apiVersion: "v1" },
        reason,
        message: `${reason} number ${i}`,
        source: { component: "kubelet", host: "kind-worker" },
        firstTimestamp: rfc3339(now - lastAgo - 5_000),
        lastTimestamp: rfc3339(now - lastAgo),
        count: 1,
        type: "Normal",
        eventTime: null,
        reportingComponent: "kubelet",
        reportingInstance: "kind-worker",
      } as KObject);
    }
  }
  return out;
}

describe.skipIf(!hasKubectl)("events with equal timestamps come in kubectl v1.32's order", () => {
  let server: FakeApiServer;
  let cluster: Cluster;
  beforeAll(async () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    const objs = objects(now);
    server = await serve(objs);
    cluster = staticCluster(objs, now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(SIZES)("kubectl describe pod with %i events", async (n) => {
    const { real, engine } = await compareDescribe(server, cluster, ["pod", "app", "-n", `events-${n}`]);
    expect(engine.stdout).toBe(real.stdout);
  });

  it.each(SIZES)("kubectl events with %i events", async (n) => {
    for (let attempt = 0; ; attempt++) {
      const real = await runRealKubectl(server.port, ["events", "-n", `events-${n}`]);
      if (real.second === undefined && attempt < 6) continue;
      cluster.clock.advanceTo((real.second ?? Math.floor(Date.now() / 1000) * 1000) + 500);
      const engine = runTerminalLine(cluster, { namespace: "default", attached: undefined }, `kubectl events -n events-${n}`);
      expect(engine.output).toBe(real.stdout);
      return;
    }
  });

  it.each(SIZES)("kubectl get events --sort-by=.lastTimestamp -o name with %i events", async (n) => {
    const args = ["get", "events", "-n", `events-${n}`, "--sort-by=.lastTimestamp", "-o", "name"];
    const real = await runRealKubectl(server.port, args);
    const engine = runTerminalLine(cluster, { namespace: "default", attached: undefined }, `kubectl ${args.join(" ")}`);
    expect(real.stderr).toBe("");
    expect(engine.output).toBe(real.stdout);
  });
});
