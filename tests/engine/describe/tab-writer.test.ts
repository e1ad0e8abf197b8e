/** Go text/tabwriter semantics and the value formats describe.go uses. */
import { describe, expect, it } from "vitest";
import { TabWriter } from "../../../engine/kubectl/describe/tab-writer";
import { canonicalQuantity, formatLabels, formatLabelSelector, humanDuration, rfc1123z } from "../../../engine/kubectl/describe/formats";

function tab(text: string): string {
  const w = new TabWriter();
  w.write(text);
  return w.toString();
}

describe("TabWriter", () => {
  it("aligns a column over consecutive lines with padding 2", () => {
    expect(tab("Name:\tweb\nNamespace:\tshop\n")).toBe("Name:       web\nNamespace:  shop\n");
  });
  it("ends column blocks at a line without tabs", () => {
    expect(tab("A:\t1\nContainers:\n  LongerKey:\t2\n")).toBe("A:  1\nContainers:\n  LongerKey:  2\n");
  });
  it("aligns nested columns independently, the last cell never padded", () => {
    expect(tab("  Type\tStatus\n  PodScheduled \tFalse \n")).toBe("  Type           Status\n  PodScheduled   False \n");
  });
  it("keeps a block running across lines with fewer cells only for the columns they have", () => {
    expect(tab("a\tb\tc\nlong\tx\nq\tr\ts\n")).toBe("a     b  c\nlong  x\nq     r  s\n");
  });
  it("flushes on demand, splitting blocks", () => {
    const w = new TabWriter();
    w.write("short:\t1\n");
    w.flush();
    w.write("much-longer:\t2\n");
    expect(w.toString()).toBe("short:  1\nmuch-longer:  2\n");
  });
});

describe("formats", () => {
  it("canonicalises quantities as apimachinery does", () => {
    expect(canonicalQuantity("0.5")).toBe("500m");
    expect(canonicalQuantity("1024Mi")).toBe("1Gi");
    expect(canonicalQuantity("1536Mi")).toBe("1536Mi");
    expect(canonicalQuantity("2000")).toBe("2k");
    expect(canonicalQuantity("1500m")).toBe("1500m");
    expect(canonicalQuantity("1000m")).toBe("1");
    expect(canonicalQuantity("128974848")).toBe("128974848");
    expect(canonicalQuantity("1e3")).toBe("1e3");
    expect(canonicalQuantity("100Ki")).toBe("100Ki");
    expect(canonicalQuantity("512")).toBe("512");
    expect(canonicalQuantity(2)).toBe("2");
  });
  it("writes human durations", () => {
    expect(humanDuration(45_000)).toBe("45s");
    expect(humanDuration(312_000)).toBe("5m12s");
    expect(humanDuration(300_000)).toBe("5m");
    expect(humanDuration(47 * 60_000)).toBe("47m");
    expect(humanDuration(200 * 60_000)).toBe("3h20m");
    expect(humanDuration(30 * 3_600_000)).toBe("30h");
    expect(humanDuration(100 * 3_600_000)).toBe("4d4h");
    expect(humanDuration(400 * 86_400_000)).toBe("400d");
    expect(humanDuration(-1500)).toBe("0s");
    expect(humanDuration(-3000)).toBe("<invalid>");
  });
  it("formats RFC 1123Z in UTC", () => {
    expect(rfc1123z("2026-03-02T09:14:05Z")).toBe("Mon, 02 Mar 2026 09:14:05 +0000");
  });
  it("formats label sets and selectors", () => {
    expect(formatLabels({ app: "api", "app.kubernetes.io/name": "api" })).toBe("app.kubernetes.io/name=api,app=api");
    expect(formatLabels({})).toBe("<none>");
    expect(formatLabelSelector({ matchLabels: { b: "2", a: "1" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod", "dev"] }, { key: "x", operator: "DoesNotExist" }] })).toBe("a=1,b=2,env in (dev,prod),!x");
    expect(formatLabelSelector({})).toBe("<none>");
  });
});
