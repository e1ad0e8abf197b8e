/**
 * describe.go's `genericDescriber`, which kubectl uses for kinds without a describer of their
 * own (ControllerRevisions among them): name, namespace, labels, annotations, then every other
 * field of the object walked in key order (`printUnstructuredContent`) with smart labels
 * (`creationTimestamp` → `Creation Timestamp`), then the events.
 */
import type { KObject } from "../../model/types";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, type PrefixWriter, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";

const COMMON_ACRONYMS = new Set(["API", "URL", "UID", "OSB", "GUID"]);

type CharClass = "lower" | "upper" | "digit" | "other";

function classOf(ch: string): CharClass {
  if (ch >= "a" && ch <= "z") return "lower";
  if (ch >= "A" && ch <= "Z") return "upper";
  if (ch >= "0" && ch <= "9") return "digit";
  if (ch.toLowerCase() !== ch.toUpperCase()) return ch === ch.toLowerCase() ? "lower" : "upper";
  return "other";
}

/** fatih/camelcase `Split`: runs of one character class, an upper-case run handing its last letter to a following lower-case run. */
export function camelCaseSplit(s: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const ch of s) {
    const c = classOf(ch);
    if (c === last && runs.length > 0) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = c;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === "upper" && classOf(runs[i + 1][0]) === "lower") {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

/** Go's deprecated `strings.Title`: the first letter of every word upper-cased. */
function title(s: string): string {
  let out = "";
  let prevLetter = false;
  for (const ch of s) {
    const letter = ch.toLowerCase() !== ch.toUpperCase() || (ch >= "0" && ch <= "9") || ch === "_";
    out += letter && !prevLetter ? ch.toUpperCase() : ch;
    prevLetter = letter;
  }
  return out;
}

/** `smartLabelFor`: `apiVersion` → `API Version`; a field with characters other than letters and `-` stays as it is. */
export function smartLabelFor(field: string): string {
  for (const ch of field) if (ch !== "-" && ch.toLowerCase() === ch.toUpperCase()) return field;
  const parts: string[] = [];
  for (const part of camelCaseSplit(field)) {
    if (part === "_") continue;
    parts.push(COMMON_ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : title(part));
  }
  return parts.join(" ");
}

/** Go's `%v` of a decoded JSON scalar. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  return String(v);
}

/** Go's `sort.Strings` (byte order, as UTF-16 order for the keys objects carry). */
function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `printUnstructuredContent`: every field but the skipped paths, nested maps and lists indented a level. */
export function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: ReadonlySet<string>): void {
  for (const field of sortedKeys(content)) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (skip.has(path)) continue;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, path, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === "object" && !Array.isArray(child)) printUnstructuredContent(w, level + 1, child as Record<string, unknown>, path, skip);
        else w.write(level + 1, `${Array.isArray(child) ? `[${child.map(goValue).join(" ")}]` : goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

const SKIPPED = new Set([".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"]);

/** The generic description of any object, with its events when `events` is given. */
export function describeGeneric(obj: KObject, events: Parameters<typeof describeEvents>[0] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", obj.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, "", SKIPPED);
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry for kinds kubectl describes generically. */
export const genericDescriber: Describer = (obj, source, settings) =>
  describeGeneric(obj, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);
