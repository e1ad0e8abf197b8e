import { describe, expect, it } from "vitest";
import { humanDuration, shortHumanDuration, translateTimestampSince } from "../../../engine/kubectl/printers/human-duration";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration (apimachinery duration.HumanDuration)", () => {
  it.each([
    [-3 * s, "<invalid>"],
    [-1500, "0s"],
    [0, "0s"],
    [45 * s, "45s"],
    [119 * s + 999, "119s"],
    [120 * s, "2m"],
    [5 * m + 12 * s, "5m12s"],
    [9 * m + 59 * s, "9m59s"],
    [10 * m + 30 * s, "10m"],
    [179 * m, "179m"],
    [3 * h, "3h"],
    [3 * h + 20 * m, "3h20m"],
    [7 * h + 59 * m, "7h59m"],
    [8 * h, "8h"],
    [47 * h, "47h"],
    [48 * h, "2d"],
    [3 * d + 4 * h, "3d4h"],
    [8 * d, "8d"],
    [400 * d, "400d"],
    [730 * d, "2y"],
    [733 * d, "2y3d"],
    [365 * 9 * d, "9y"],
  ])("%d ms → %s", (ms, want) => expect(humanDuration(ms)).toBe(want));
});

describe("shortHumanDuration", () => {
  it.each([
    [59 * s, "59s"],
    [90 * s, "1m"],
    [61 * m, "1h"],
    [25 * h, "1d"],
    [400 * d, "1y"],
  ])("%d ms → %s", (ms, want) => expect(shortHumanDuration(ms)).toBe(want));
});

describe("translateTimestampSince", () => {
  it("is <unknown> without a timestamp", () => {
    expect(translateTimestampSince(undefined, 0)).toBe("<unknown>");
    expect(translateTimestampSince(null, 0)).toBe("<unknown>");
  });
  it("measures from the timestamp to now", () => {
    expect(translateTimestampSince("2026-03-02T09:00:00Z", Date.parse("2026-03-02T10:00:30Z"))).toBe("60m");
  });
});
