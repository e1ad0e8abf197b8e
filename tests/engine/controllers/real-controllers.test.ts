/**
 * The controllers exactly as `defaultControllers()` registers them (the real kubelet
 * included once it is registered): what the control plane does must not depend on the
 * stand-in kubelet of the other tests.
 */
import { describe, expect, it } from "vitest";
import type { Pod, ReplicaSet } from "../../../engine/model/types";
import { apply, deployment, makeCluster } from "./helpers";

describe("default controllers", () => {
  it("create, schedule and keep a Deployment's pods, deterministically", () => {
    const run = () => {
      const c = makeCluster({ realControllers: true, seed: 3 });
      apply(c, deployment("web", { replicas: 3, cpu: "100m" }));
      apply(c, deployment("huge", { replicas: 1, cpu: "16" }));
      c.advanceBy(120_000);
      return c;
    };
    const a = run();
    const b = run();
    const pods = a.store.list<Pod>("Pod", "default");
    expect(pods.filter((p) => p.metadata.labels?.app === "web" && p.spec.nodeName)).toHaveLength(3);
    const huge = pods.find((p) => p.metadata.labels?.app === "huge")!;
    expect(huge.spec.nodeName).toBeUndefined();
    expect(a.events.about(huge).map((e) => e.reason)).toEqual(["FailedScheduling"]);
    expect(a.store.list<ReplicaSet>("ReplicaSet")).toHaveLength(2);
    expect(JSON.stringify(a.store.all())).toBe(JSON.stringify(b.store.all()));
  });
});
