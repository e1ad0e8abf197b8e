import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goYaml, goYamlKeyLess } from "../../../engine/kubectl/printers/go-yaml";
import { goJsonCompact, goJsonIndent } from "../../../engine/kubectl/printers/go-json";
import { naturalLess } from "../../../engine/kubectl/printers/sort-by";
import { formatLabels, labelSelectorString } from "../../../engine/kubectl/printers/selectors";

const GOLDEN = join(__dirname, "golden");
// golden/oracle-pod.kubectl.{yaml,json} were printed by real kubectl v1.32 (kubectl-oracle) from oracle-pod.input.json.
const input = JSON.parse(readFileSync(join(GOLDEN, "oracle-pod.input.json"), "utf8"))[0];

describe("-o yaml / -o json match real kubectl byte for byte", () => {
  it("yaml: key order, quoting, literal blocks, folding at 80 columns", () => {
    expect(goYaml(input)).toBe(readFileSync(join(GOLDEN, "oracle-pod.kubectl.yaml"), "utf8"));
  });
  it("json: sorted keys, 4-space indent, HTML escaping", () => {
    expect(goJsonIndent(input)).toBe(readFileSync(join(GOLDEN, "oracle-pod.kubectl.json"), "utf8"));
  });
  it("json escapes like Go", () => {
    expect(goJsonCompact({ b: "<&>\u2028", a: [1, 0.5, true, null, {}] })).toBe('{"a":[1,0.5,true,null,{}],"b":"\\u003c\\u0026\\u003e\\u2028"}');
  });
  it("yaml sorts keys the go-yaml way", () => {
    const keys = ["item10", "item2", "Zeta", "a_b", "a-b", "a.b", "aB", "app", "x01y", "x1y"].sort((a, b) => (goYamlKeyLess(a, b) ? -1 : 1));
    expect(keys).toEqual(["Zeta", "a-b", "a.b", "a_b", "aB", "app", "item2", "item10", "x1y", "x01y"]);
  });
});

describe("sorting and label formats", () => {
  it("naturalLess compares digit runs as numbers", () => {
    expect(naturalLess("web-2", "web-10")).toBe(true);
    expect(naturalLess("web-10", "web-2")).toBe(false);
    expect(naturalLess("a", "ab")).toBe(true);
    expect(naturalLess("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")).toBe(true);
  });
  it("formatLabels sorts k=v pairs as strings", () => {
    expect(formatLabels({ app: "x", "app.kubernetes.io/name": "n" })).toBe("app.kubernetes.io/name=n,app=x");
    expect(formatLabels({})).toBe("<none>");
  });
  it("labelSelectorString prints requirements sorted by key", () => {
    expect(labelSelectorString({ matchLabels: { tier: "web", app: "shop" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod", "dev"] }, { key: "canary", operator: "DoesNotExist" }] })).toBe(
      "app=shop,!canary,env in (dev,prod),tier=web",
    );
  });
});
