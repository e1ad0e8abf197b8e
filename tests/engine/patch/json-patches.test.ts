import { describe, expect, it } from "vitest";
import { applyJsonPatch, applyMergePatch, createMergePatch, PatchError, toOperations } from "../../../engine/kubectl/patch";

describe("JSON merge patch (RFC 7386)", () => {
  // Cases from RFC 7386 appendix A.
  const rfc: [unknown, unknown, unknown][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [["a", "b"], ["c", "d"], ["c", "d"]],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  rfc.forEach(([target, patch, result], i) => {
    it(`RFC 7386 example ${i + 1}`, () => {
      expect(applyMergePatch(target as any, patch as any)).toEqual(result);
    });
  });

  it("creates the patch that round-trips", () => {
    const a = { metadata: { labels: { a: "1", b: "2" } }, spec: { x: [1, 2] } };
    const b = { metadata: { labels: { a: "1", c: "3" } }, spec: { x: [2] } };
    const p = createMergePatch(a, b);
    expect(p).toEqual({ metadata: { labels: { b: null, c: "3" } }, spec: { x: [2] } });
    expect(applyMergePatch(a, p)).toEqual(b);
  });
});

describe("JSON patch (RFC 6902)", () => {
  const doc = { spec: { replicas: 1, template: { spec: { containers: [{ name: "app", image: "a" }] } } } };

  it("replaces, adds with the - index, removes, copies, moves and tests", () => {
    const out = applyJsonPatch(doc, [
      { op: "test", path: "/spec/replicas", value: 1 },
      { op: "replace", path: "/spec/template/spec/containers/0/image", value: "b" },
      { op: "add", path: "/spec/template/spec/containers/-", value: { name: "side", image: "s" } },
      { op: "add", path: "/spec/template/spec/containers/0/env", value: [{ name: "A", value: "1" }] },
      { op: "copy", from: "/spec/replicas", path: "/spec/minReadySeconds" },
      { op: "move", from: "/spec/minReadySeconds", path: "/spec/revisionHistoryLimit" },
      { op: "remove", path: "/spec/replicas" },
    ]) as any;
    expect(out.spec.replicas).toBeUndefined();
    expect(out.spec.revisionHistoryLimit).toBe(1);
    expect(out.spec.template.spec.containers).toEqual([
      { name: "app", image: "b", env: [{ name: "A", value: "1" }] },
      { name: "side", image: "s" },
    ]);
    expect(doc.spec.replicas).toBe(1);
  });

  it("decodes ~0 and ~1 in pointers", () => {
    const out = applyJsonPatch({ metadata: { labels: { "app.kubernetes.io/name": "x" } } }, [
      { op: "replace", path: "/metadata/labels/app.kubernetes.io~1name", value: "y" },
      { op: "add", path: "/metadata/labels/a~0b", value: "z" },
    ]);
    expect(out).toEqual({ metadata: { labels: { "app.kubernetes.io/name": "y", "a~b": "z" } } });
  });

  it("fails a test operation and a remove of a missing key", () => {
    expect(() => applyJsonPatch(doc, [{ op: "test", path: "/spec/replicas", value: 2 }])).toThrow(PatchError);
    expect(() => applyJsonPatch(doc, [{ op: "remove", path: "/spec/nope" }])).toThrow(PatchError);
    expect(() => applyJsonPatch(doc, [{ op: "replace", path: "/spec/template/spec/containers/3/image", value: "x" }])).toThrow(PatchError);
  });

  it("requires a list of operations", () => {
    expect(() => toOperations({ op: "add" } as any)).toThrow(PatchError);
  });
});
