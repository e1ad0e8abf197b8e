/**
 * The multi-line blocks describe.go shares between kinds: labels, annotations, taints,
 * tolerations, pod lists, and the Events table.
 */
import { goSort } from "../printers/go-sort";
import type { Event, StringMap, Taint, Toleration } from "../../model/types";
import { parseTime } from "../../runtime/clock";
import { timestampSince } from "./formats";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";

/** The annotation kubectl never shows (`kubectl.kubernetes.io/last-applied-configuration`). */
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
const MAX_ANNOTATION_LEN = 140;

/** `printLabelsMultilineWithIndent`: `Title:\tk=v` then one `\tk=v` line per further label, `<none>` when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: StringMap | undefined | null, initialIndent = "", innerIndent = "\t"): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, initialIndent + innerIndent);
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) + "..." : s;
}

/** `printAnnotationsMultiline`: long or multi-line values are folded under their key; last-applied is skipped. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: StringMap | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED_ANNOTATION).sort();
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].endsWith("\n") ? annotations![key].slice(0, -1) : annotations![key];
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n")) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** `Taint.ToString()`: `key=value:effect`, `key:effect`. */
export function taintString(t: Taint): string {
  let s = t.key;
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

/** `printNodeTaintsMultiline`: sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const key = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** `printTolerationsMultilineWithIndent`: `key=value:effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ""): void {
  w.write(LEVEL_0, `${initialIndent}${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}\t`);
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + "\n");
  });
}

/** `printPodsMultiline` (a PVC's `Used By`): pod names sorted. */
export function printNamesMultiline(w: PrefixWriter, title: string, names: string[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (names.length === 0) {
    w.writeLine("<none>");
    return;
  }
  [...names].sort().forEach((n, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${n}\n`);
  });
}

function eventSortTime(e: Event): number {
  const last = parseTime(e.lastTimestamp);
  if (!Number.isNaN(last)) return last;
  const t = parseTime(e.eventTime ?? undefined);
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * Events in the order describe prints them: `sort.Sort(SortableEvents)` by last time seen,
 * Go's unstable sort, from list order (by name: the object, then the creation instant).
 */
export function sortEvents(events: readonly Event[]): Event[] {
  const keyed = events.map((e) => ({ e, t: eventSortTime(e) }));
  goSort(keyed, (a, b) => a.t < b.t);
  return keyed.map((x) => x.e);
}

/**
 * `DescribeEvents`: `Events:  <none>`, or the Type/Reason/Age/From/Message table, with
 * `2m (x5 over 4m)` for repeated events. Ages are measured at `now` (virtual time).
 */
export function describeEvents(events: readonly Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sortEvents(events)) {
    const first = e.eventTime ? timestampSince(e.eventTime, now) : timestampSince(e.firstTimestamp, now);
    const series = (e as { series?: { count: number; lastObservedTime: string } }).series;
    let interval: string;
    if (series) interval = `${timestampSince(series.lastObservedTime, now)} (x${series.count} over ${first})`;
    else if (e.count > 1) interval = `${timestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || (e as { reportingController?: string }).reportingController || "";
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}
