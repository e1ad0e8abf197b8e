/** `describe pod` on a cluster of ~55 pods with events stays well under the 0.3 ms median target. */
import { describe, expect, it } from "vitest";
import type { KObject } from "../../../engine/model/types";
import { describeObject, storeSource } from "../../../engine/kubectl/describe";
import { buildOracleFixture } from "../oracle/fixtures";
import { staticCluster } from "../oracle/harness";

describe("describe performance", () => {
  it("describes one pod among 50 with a median under 0.3 ms", () => {
    const now = Date.parse("2026-03-02T09:14:05Z");
    const objs = buildOracleFixture(now);
    const base = objs.find((o) => o.kind === "Pod" && o.metadata.name === "web-7d9f8b6c5-x2x9q")!;
    const events = objs.filter((o) => o.kind === "Event" && (o as unknown as { involvedObject: { name: string } }).involvedObject.name === base.metadata.name);
    for (let i = 0; i < 50; i++) {
      const p: KObject = JSON.parse(JSON.stringify(base));
      p.metadata.name = `web-x-${i}`;
      p.metadata.uid = `u-${i}`;
      objs.push(p);
      for (const e of events) {
        const c = JSON.parse(JSON.stringify(e));
        c.metadata.name = `${p.metadata.name}.${c.metadata.name.split(".")[1]}`;
        c.involvedObject = { ...c.involvedObject, name: p.metadata.name, uid: p.metadata.uid };
        objs.push(c);
      }
    }
    const cluster = staticCluster(objs, now);
    const source = storeSource(cluster.store, now);
    const pod = cluster.store.get("Pod", "shop", "web-x-25")!;
    for (let i = 0; i < 200; i++) describeObject(pod, source);
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t = performance.now();
      describeObject(pod, source);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[250]).toBeLessThan(0.3);
  });
});
