/**
 * The oracle: the engine's `kubectl describe` must print, byte for byte, what the real kubectl
 * v1.32 prints for the same objects served by a fake API server. Objects are timestamped
 * relative to the wall clock and each comparison happens within one wall-clock second, so
 * event ages agree.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../../engine/runtime/cluster";
import { buildOracleFixture } from "./fixtures";
import { compareDescribe, hasKubectl, KUBECTL, serve, staticCluster } from "./harness";
import type { FakeApiServer } from "./fake-api-server";

if (!hasKubectl) console.warn(`describe oracle skipped: no real kubectl at ${KUBECTL}`);

const COMMANDS = [
  "pod web-7d9f8b6c5-x2x9q -n shop",
  "pod web-5c6d7f8g9-abcde -n shop",
  "pod api-0 -n shop",
  "pod batch-7xk2p -n shop",
  "pod done",
  "pod coredns-668d6bf9bc-4pfgq -n kube-system",
  "pods -n shop",
  "pod web -n shop",
  "pods -n shop -l app=web",
  "pods -A -l job=batch",
  "pod nope -n shop",
  "pod api-0 nope -n shop",
  "pods/nope pods/nope2 -n shop",
  "deploy/web rs/nope -n shop",
  "deployment web -n shop",
  "deploy/web -n shop --show-events=false",
  "rs -n shop",
  "replicaset web-7 -n shop",
  "nodes",
  "node kind-worker",
  "node kind-worker2",
  "no/kind-control-plane",
  "svc -n shop",
  "service api -n shop",
  "ep web -n shop",
  "cm web-config -n shop",
  "secret db-credentials -n shop",
  "sa -n shop",
  "ns shop",
  "namespace default",
  "pvc -n shop",
  "pv pvc-1234",
  "sc standard",
  "pod -l app=zzz",
  "pods -A -l app=zzz",
  "nodes -l nothing=here",
];

function sortedLines(text: string): string[] {
  return text.split("\n").sort();
}

describe.skipIf(!hasKubectl)("describe matches the real kubectl v1.32", () => {
  let server: FakeApiServer;
  let cluster: Cluster;
  beforeAll(async () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    const objects = buildOracleFixture(now);
    server = await serve(objects);
    cluster = staticCluster(objects, now);
  });
  afterAll(async () => {
    await server?.close();
  });
  for (const line of COMMANDS) {
    it(`kubectl describe ${line}`, async () => {
      const { real, engine } = await compareDescribe(server, cluster, line.split(" "));
      // kubectl 1.32 ranges over Go maps for ConfigMap and Secret data, so their keys come in a
      // random order (the engine sorts them, as later kubectl versions do): compare those as line sets.
      if (/^(cm|secret) /.test(line)) expect(sortedLines(engine.stdout)).toEqual(sortedLines(real.stdout));
      else expect(engine.stdout).toBe(real.stdout);
      expect(engine.stderr).toBe(real.stderr);
      expect(engine.exitCode).toBe(real.exitCode);
    });
  }
});
