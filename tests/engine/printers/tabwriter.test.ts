import { describe, expect, it } from "vitest";
import { formatRows, tabwrite } from "../../../engine/kubectl/printers/tabwriter";

describe("tabwriter (cli-runtime settings: minwidth 6, padding 3)", () => {
  it("pads every column but the last to max(cell + 3, 6)", () => {
    expect(formatRows([["NAME", "READY", "AGE"], ["a", "1/1", "5s"]])).toBe("NAME   READY   AGE\na      1/1     5s\n");
  });
  it("uses the min width for short columns", () => {
    expect(formatRows([["A", "B"], ["x", "y"]])).toBe("A     B\nx     y\n");
  });
  it("never pads the last cell, and pads a cell before an empty last cell", () => {
    expect(tabwrite("a\tb\t\nccc\td\t\n")).toBe("a     b     \nccc   d     \n");
  });
  it("counts runes, not UTF-16 units", () => {
    expect(formatRows([["é☃", "x"], ["ab", "y"]])).toBe("é☃    x\nab    y\n");
  });
  it("breaks column blocks at lines with fewer cells, as Go's tabwriter does", () => {
    expect(tabwrite("aaaaaaaa\tb\nx\nc\td\n")).toBe("aaaaaaaa   b\nx\nc     d\n");
  });
  it("returns nothing for no rows", () => {
    expect(formatRows([])).toBe("");
  });
});
