import { describe, expect, it } from "vitest";
import { executeJsonPath, parseJsonPath, relaxedJsonPath } from "../../../engine/kubectl/printers/jsonpath";

// The same objects and expectations were run through real kubectl v1.32 (`-o jsonpath=…`).
const list = {
  apiVersion: "v1",
  items: [
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "a", namespace: "d", labels: { app: "x", "app.kubernetes.io/name": "n" } },
      spec: { containers: [{ name: "c1", image: "i1" }, { name: "c2", image: "i2" }] },
      status: { phase: "Running", hostIP: null, conditions: [{ type: "Ready", status: "True" }, { type: "PodScheduled", status: "True" }], x: 1.5, n: 3 },
    },
    { apiVersion: "v1", kind: "Pod", metadata: { name: "b", namespace: "d", labels: { app: "y" } }, spec: { containers: [{ name: "c3", image: "i3" }] }, status: { phase: "Pending", conditions: [{ type: "Ready", status: "False" }] } },
  ],
  kind: "List",
  metadata: { resourceVersion: "" },
};

const run = (t: string) => executeJsonPath(parseJsonPath(t), list);

describe("jsonpath (as real kubectl prints it)", () => {
  it.each([
    ["{.items[*].metadata.name}", "a b"],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', "a\tRunning\nb\tPending\n"],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', "a"],
    ['{.items[0].status.conditions[?(@.type=="Ready")].status}', "True"],
    ["{.items[*].status.hostIP}", "null"],
    ["{.items[0].metadata.labels}", '{"app":"x","app.kubernetes.io/name":"n"}'],
    ["{.items[0].spec.containers[*].name}x{.items[1].metadata.name}", "c1 c2xb"],
    ["{.items[0].metadata.labels.app\\.kubernetes\\.io/name}", "n"],
    ["{.items[0].metadata.labels['app.kubernetes.io/name']}", ""],
    ["{.items[-1].metadata.name}", "b"],
    ["{.items[0:1].metadata.name}", "a"],
    ["{..image}", "i1 i2 i3"],
    ["{.items[0].status.x} {.items[0].status.n}", "1.5 3"],
    ["{.items[*].spec.containers[*].name}", "c1 c2 c3"],
    ["{.kind}", "List"],
    ["{.items[0].nope}", ""],
    ["plain", "plain"],
    ["{.items[0].metadata.labels.*}", "x n"],
    ["{.items[0].spec.containers}", '[{"image":"i1","name":"c1"},{"image":"i2","name":"c2"}]'],
    ["{.items[?(@.status.x)].metadata.name}", "a"],
    ["{.items[0].status.conditions[?(@.status!='True')].type}", ""],
  ])("%s", (template, want) => expect(run(template)).toBe(want));

  it("reports kubectl's errors", () => {
    expect(() => parseJsonPath("{.items[*].metadata.name,.items[*].status.phase}")).toThrow("unrecognized character in action: U+002C ','");
    expect(() => parseJsonPath("{.items[*].metadata.name")).toThrow("unclosed action");
    expect(() => run("{.items[5].metadata.name}")).toThrow("array index out of bounds: index 5, length 2");
  });

  it("prints jsonpath-as-json as an indented array", () => {
    expect(executeJsonPath(parseJsonPath("{.items[*].metadata.name}"), list, true)).toBe('[\n    "a",\n    "b"\n]\n');
  });

  it("relaxes sort-by and custom-column paths", () => {
    expect(relaxedJsonPath(".metadata.name")).toBe("{.metadata.name}");
    expect(relaxedJsonPath("metadata.name")).toBe("{.metadata.name}");
    expect(relaxedJsonPath("{.metadata.name}")).toBe("{.metadata.name}");
  });
});
