import { describe, expect, it } from "vitest";
import {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  patchSchemaFor,
  PatchError,
  type JsonObject,
} from "../../../engine/kubectl/patch";

const pod = patchSchemaFor("Pod");
const deploy = patchSchemaFor("Deployment");

function podWith(spec: JsonObject): JsonObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec };
}

describe("applyStrategicMergePatch", () => {
  it("merges containers by name and keeps the others", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a:1" }, { name: "side", image: "s:1" }] });
    const out = applyStrategicMergePatch(orig, { spec: { containers: [{ name: "app", image: "a:2" }] } }, pod);
    expect(out.spec).toEqual({ containers: [{ name: "app", image: "a:2" }, { name: "side", image: "s:1" }] });
  });

  it("puts a new list item before the server-only items (apimachinery order)", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] });
    const out = applyStrategicMergePatch(orig, { spec: { containers: [{ name: "app", env: [{ name: "C", value: "3" }] }] } }, pod);
    expect((out.spec as any).containers[0].env.map((e: any) => e.name)).toEqual(["C", "A", "B"]);
  });

  it("honours $setElementOrder", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] });
    const patch = {
      spec: {
        containers: [{ name: "app", env: [{ name: "C", value: "3" }], "$setElementOrder/env": [{ name: "A" }, { name: "B" }, { name: "C" }] }],
      },
    };
    const out = applyStrategicMergePatch(orig, patch, pod);
    expect((out.spec as any).containers[0].env.map((e: any) => e.name)).toEqual(["A", "B", "C"]);
  });

  it("deletes list items with $patch: delete", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] });
    const out = applyStrategicMergePatch(orig, { spec: { containers: [{ name: "app", env: [{ name: "A", $patch: "delete" }] }] } }, pod);
    expect((out.spec as any).containers[0].env).toEqual([{ name: "B", value: "2" }]);
  });

  it("replaces a whole list with $patch: replace", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a" }, { name: "b", image: "b" }] });
    const out = applyStrategicMergePatch(orig, { spec: { containers: [{ name: "c", image: "c" }, { $patch: "replace" }] } }, pod);
    expect((out.spec as any).containers).toEqual([{ name: "c", image: "c" }]);
  });

  it("replaces a map with $patch: replace and empties it with $patch: delete", () => {
    const orig = { metadata: { name: "x", labels: { a: "1", b: "2" } } };
    expect(applyStrategicMergePatch(orig, { metadata: { labels: { c: "3", $patch: "replace" } } }, pod)).toEqual({ metadata: { name: "x", labels: { c: "3" } } });
    expect(applyStrategicMergePatch(orig, { metadata: { labels: { $patch: "delete" } } }, pod)).toEqual({ metadata: { name: "x", labels: {} } });
  });

  it("deletes a key with null and merges maps", () => {
    const orig = { metadata: { name: "x", labels: { a: "1", b: "2" } } };
    expect(applyStrategicMergePatch(orig, { metadata: { labels: { a: null, c: "3" } } }, pod)).toEqual({ metadata: { name: "x", labels: { b: "2", c: "3" } } });
  });

  it("replaces lists without a merge strategy (tolerations, args)", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a", args: ["x", "y"] }], tolerations: [{ key: "a", operator: "Exists" }] });
    const out = applyStrategicMergePatch(orig, { spec: { tolerations: [{ key: "b", operator: "Exists" }], containers: [{ name: "app", args: ["z"] }] } }, pod);
    expect((out.spec as any).tolerations).toEqual([{ key: "b", operator: "Exists" }]);
    expect((out.spec as any).containers[0].args).toEqual(["z"]);
  });

  it("merges ports by containerPort and volumeMounts by mountPath", () => {
    const orig = podWith({
      containers: [{ name: "app", image: "a", ports: [{ containerPort: 80, name: "http" }], volumeMounts: [{ name: "v", mountPath: "/a" }] }],
    });
    const out = applyStrategicMergePatch(
      orig,
      { spec: { containers: [{ name: "app", ports: [{ containerPort: 80, protocol: "TCP" }], volumeMounts: [{ name: "w", mountPath: "/a" }] }] } },
      pod,
    );
    expect((out.spec as any).containers[0].ports).toEqual([{ containerPort: 80, name: "http", protocol: "TCP" }]);
    expect((out.spec as any).containers[0].volumeMounts).toEqual([{ name: "w", mountPath: "/a" }]);
  });

  it("applies $retainKeys to clear a volume's other source", () => {
    const orig = podWith({ containers: [], volumes: [{ name: "v", configMap: { name: "c" } }] });
    const out = applyStrategicMergePatch(orig, { spec: { volumes: [{ name: "v", secret: { secretName: "s" }, $retainKeys: ["name", "secret"] }] } }, pod);
    expect((out.spec as any).volumes).toEqual([{ name: "v", secret: { secretName: "s" } }]);
  });

  it("rejects $retainKeys that do not list a patched field", () => {
    const orig = podWith({ containers: [], volumes: [{ name: "v", configMap: { name: "c" } }] });
    expect(() => applyStrategicMergePatch(orig, { spec: { volumes: [{ name: "v", secret: { secretName: "s" }, $retainKeys: ["name"] }] } }, pod)).toThrow(
      "invalid patch format of retainKeys",
    );
  });

  it("deletes from primitive lists with $deleteFromPrimitiveList", () => {
    const orig = { metadata: { name: "x", finalizers: ["a", "b", "c"] } };
    const out = applyStrategicMergePatch(orig, { metadata: { "$deleteFromPrimitiveList/finalizers": ["b"] } }, pod);
    expect(out.metadata).toEqual({ name: "x", finalizers: ["a", "c"] });
  });

  it("merges primitive lists with the merge strategy as a union", () => {
    const orig = { metadata: { name: "x", finalizers: ["a"] } };
    const out = applyStrategicMergePatch(orig, { metadata: { finalizers: ["a", "b"] } }, pod);
    expect((out.metadata as any).finalizers).toEqual(["a", "b"]);
  });

  it("fails like the API server when a merge key is missing", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a" }] });
    let err: unknown;
    try {
      applyStrategicMergePatch(orig, { spec: { containers: [{ image: "nginx" }] } }, pod);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    expect((err as Error).message).toBe("map: map[image:nginx] does not contain declared merge key: name");
  });

  it("adds a list that did not exist, dropping directives", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a" }] });
    const out = applyStrategicMergePatch(orig, { spec: { containers: [{ name: "app", env: [{ name: "X", value: "1" }] }] } }, pod);
    expect((out.spec as any).containers[0]).toEqual({ name: "app", image: "a", env: [{ name: "X", value: "1" }] });
  });

  it("does not mutate its inputs", () => {
    const orig = podWith({ containers: [{ name: "app", image: "a" }] });
    const before = JSON.stringify(orig);
    const patch = { spec: { containers: [{ name: "app", image: "b" }] } };
    applyStrategicMergePatch(orig, patch, pod);
    expect(JSON.stringify(orig)).toBe(before);
    expect(patch.spec.containers[0].image).toBe("b");
  });
});

describe("createTwoWayMergePatch", () => {
  const cases: [string, JsonObject, JsonObject][] = [
    ["image change", podWith({ containers: [{ name: "app", image: "a" }] }), podWith({ containers: [{ name: "app", image: "b" }] })],
    [
      "env add, remove and reorder",
      podWith({ containers: [{ name: "app", image: "a", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] }),
      podWith({ containers: [{ name: "app", image: "a", env: [{ name: "C", value: "3" }, { name: "A", value: "9" }] }] }),
    ],
    [
      "container removed",
      podWith({ containers: [{ name: "app", image: "a" }, { name: "b", image: "b" }] }),
      podWith({ containers: [{ name: "b", image: "b" }] }),
    ],
    [
      "volume source switched",
      podWith({ containers: [], volumes: [{ name: "v", configMap: { name: "c" } }] }),
      podWith({ containers: [], volumes: [{ name: "v", secret: { secretName: "s" } }] }),
    ],
    ["finalizers", { metadata: { name: "x", finalizers: ["a", "b"] } }, { metadata: { name: "x", finalizers: ["c", "a"] } }],
    ["field removed", { metadata: { name: "x", labels: { a: "1" } } }, { metadata: { name: "x" } }],
  ];
  for (const [name, original, modified] of cases) {
    it(`round-trips: ${name}`, () => {
      const patch = createTwoWayMergePatch(original, modified, pod);
      expect(applyStrategicMergePatch(original, patch, pod)).toEqual(modified);
    });
  }

  it("produces kubectl edit's patch for an image change", () => {
    const patch = createTwoWayMergePatch(
      podWith({ containers: [{ name: "app", image: "a" }] }),
      podWith({ containers: [{ name: "app", image: "b" }] }),
      pod,
    );
    expect(patch).toEqual({ spec: { "$setElementOrder/containers": [{ name: "app" }], containers: [{ image: "b", name: "app" }] } });
  });

  it("is empty when nothing changed", () => {
    const o = podWith({ containers: [{ name: "app", image: "a" }] });
    expect(createTwoWayMergePatch(o, structuredClone(o), pod)).toEqual({});
  });

  it("builds $retainKeys for a deployment strategy switch", () => {
    const o = { spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%" } } } };
    const m = { spec: { strategy: { type: "Recreate" } } };
    const patch = createTwoWayMergePatch(o, m, deploy);
    expect(patch).toEqual({ spec: { strategy: { $retainKeys: ["type"], rollingUpdate: null, type: "Recreate" } } });
    expect(applyStrategicMergePatch(o, patch, deploy)).toEqual(m);
  });
});

describe("createThreeWayMergePatch", () => {
  const last: JsonObject = { spec: { replicas: 2, template: { spec: { containers: [{ name: "app", image: "a", env: [{ name: "A", value: "1" }] }] } } } };
  const live: JsonObject = {
    spec: { replicas: 5, template: { spec: { containers: [{ name: "app", image: "a", imagePullPolicy: "IfNotPresent", env: [{ name: "A", value: "1" }] }] } } },
  };

  it("changes what the configuration changed and keeps fields others set", () => {
    const modified = { spec: { replicas: 2, template: { spec: { containers: [{ name: "app", image: "b", env: [{ name: "A", value: "1" }] }] } } } };
    const patch = createThreeWayMergePatch(last, modified, live, deploy);
    const out = applyStrategicMergePatch(live, patch, deploy) as any;
    expect(out.spec.replicas).toBe(2);
    expect(out.spec.template.spec.containers[0]).toEqual({ name: "app", image: "b", imagePullPolicy: "IfNotPresent", env: [{ name: "A", value: "1" }] });
  });

  it("deletes what the last-applied configuration had and the new one dropped", () => {
    const modified = { spec: { template: { spec: { containers: [{ name: "app", image: "a" }] } } } };
    const patch = createThreeWayMergePatch(last, modified, live, deploy);
    const out = applyStrategicMergePatch(live, patch, deploy) as any;
    expect(out.spec.replicas).toBeUndefined();
    expect(out.spec.template.spec.containers[0].env).toBeUndefined();
    expect(out.spec.template.spec.containers[0].imagePullPolicy).toBe("IfNotPresent");
  });

  it("resets a field the configuration sets and someone else changed (replicas after a scale)", () => {
    expect(createThreeWayMergePatch(last, structuredClone(last), live, deploy)).toEqual({ spec: { replicas: 2 } });
  });

  it("is empty when the configuration is unchanged and live agrees", () => {
    const agreeing = structuredClone(live) as any;
    agreeing.spec.replicas = 2;
    expect(createThreeWayMergePatch(last, structuredClone(last), agreeing, deploy)).toEqual({});
  });
});
