/**
 * `kubectl events`: events of a namespace (or all, or one object with `--for`), sorted by
 * time, LAST SEEN as `2m (x4 over 5m)`, OBJECT as `Kind/name`.
 *
 * `-w/--watch`: the simulated terminal does not stream; the command prints the current list
 * (what a watch shows first) and returns.
 */
import { goSort } from "../../printers/go-sort";
import type { Event } from "../../../model/types";
import { resolveKind } from "../../../model/kinds";
import { parseTime } from "../../../runtime/clock";
import { fail, type CommandContext, type CommandResult, type CommandSpec, type FlagDef, type ParsedArgs } from "../../command";
import { flagBool, flagString, flagStrings } from "../../args";
import { unknownResourceType } from "../../errors";
import { translateTimestampSince } from "../../printers/human-duration";
import { parseOutputFormat, printObjects } from "../../printers/output";
import { tabwrite } from "../../printers/tabwriter";

const EVENTS_FLAGS: FlagDef[] = [
  { name: "all-namespaces", short: "A", type: "bool", default: false },
  { name: "allow-missing-template-keys", type: "bool", default: true },
  { name: "chunk-size", type: "int", default: 500 },
  { name: "for", type: "string", default: "" },
  { name: "no-headers", type: "bool", default: false },
  { name: "output", short: "o", type: "string", default: "" },
  { name: "show-managed-fields", type: "bool", default: false },
  { name: "template", type: "string", default: "" },
  { name: "types", type: "stringSlice", default: [] },
  { name: "watch", short: "w", type: "bool", default: false },
];

const EVENTS_OUTPUT_FORMATS = "json,yaml,name,go-template,go-template-file,template,templatefile,jsonpath,jsonpath-as-json,jsonpath-file";

/** `kubectl events`' LAST SEEN: the age, or `2m (x4 over 5m)` for a repeated event. */
export function eventInterval(e: Event, nowMs: number): string {
  const first = e.eventTime ? translateTimestampSince(e.eventTime, nowMs) : translateTimestampSince(e.firstTimestamp, nowMs);
  const series = e.series as { count?: number; lastObservedTime?: string } | undefined;
  if (series) return `${translateTimestampSince(series.lastObservedTime, nowMs)} (x${series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  return first;
}

/** The time `kubectl events` sorts by: the series' last observation, else lastTimestamp, else eventTime. */
function eventTime(e: Event): number {
  const series = e.series as { lastObservedTime?: string } | undefined;
  if (series?.lastObservedTime) return parseTime(series.lastObservedTime);
  if (e.lastTimestamp) return parseTime(e.lastTimestamp);
  const t = parseTime(e.eventTime);
  return Number.isNaN(t) ? -Infinity : t;
}

/** Runs `kubectl events`. */
export function runEvents(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const flags = args.flags;
  const allNamespaces = flagBool(flags, "all-namespaces");
  const types = [...new Set(flagStrings(flags, "types"))].sort();
  const forObject = flagString(flags, "for");
  let forKind: string | undefined;
  let forApiVersion: string | undefined;
  let forName: string | undefined;
  if (forObject !== "") {
    if (!forObject.includes("/")) return fail("error: --for must be in resource/name form");
    const seg = forObject.split("/");
    if (seg.length !== 2) return fail("error: arguments in resource/name form may not have more than one slash");
    const kind = resolveKind(seg[0]);
    if (!kind) return fail(unknownResourceType(seg[0].toLowerCase()));
    forKind = kind.kind;
    forApiVersion = kind.apiVersion;
    forName = seg[1];
  }
  for (const t of types) {
    if (t.toLowerCase() !== "normal" && t.toLowerCase() !== "warning") return fail("error: valid --types are Normal or Warning");
  }
  const output = flagString(flags, "output");
  const parsedFormat = output === "" ? undefined : parseOutputFormat(output, EVENTS_OUTPUT_FORMATS, flagString(flags, "template"), flagBool(flags, "allow-missing-template-keys", true));
  if (parsedFormat && !parsedFormat.ok) return fail(parsedFormat.error);

  let events = ctx.cluster.store.list<Event>("Event", allNamespaces ? undefined : ctx.namespace);
  events = events.filter((e) => {
    if (forKind && (e.involvedObject?.kind !== forKind || e.involvedObject?.apiVersion !== forApiVersion || e.involvedObject?.name !== forName)) return false;
    if (types.length > 0 && !types.some((t) => t.toLowerCase() === (e.type ?? "").toLowerCase())) return false;
    return true;
  });
  if (events.length === 0) {
    return { stdout: "", stderr: allNamespaces ? "No events found.\n" : `No events found in ${ctx.namespace} namespace.\n`, exitCode: 0 };
  }
  // `sort.Sort(SortableEvents)`: Go's unstable sort, from list order (by name).
  const keyed = events.map((e) => ({ e, t: eventTime(e) }));
  goSort(keyed, (a, b) => a.t < b.t);
  events = keyed.map((k) => k.e);

  if (parsedFormat && parsedFormat.ok && parsedFormat.format.kind !== "table") {
    const list = { apiVersion: "v1", items: events, kind: "EventList", metadata: {} };
    const printed = printObjects(parsedFormat.format, [list as never], true);
    if (!printed.ok) return { ...fail(printed.error), stdout: printed.text ?? "" };
    if (parsedFormat.format.kind === "name") return { stdout: events.map((e) => `event/${e.metadata.name}\n`).join(""), stderr: "", exitCode: 0 };
    return { stdout: printed.text, stderr: "", exitCode: 0 };
  }

  const now = ctx.cluster.now();
  let text = "";
  if (!flagBool(flags, "no-headers")) text += (allNamespaces ? "NAMESPACE\t" : "") + "LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n";
  for (const e of events) {
    if (allNamespaces) text += `${e.metadata.namespace ?? ""}\t`;
    text += `${eventInterval(e, now)}\t${e.type ?? ""}\t${e.reason ?? ""}\t${e.involvedObject?.kind ?? ""}/${e.involvedObject?.name ?? ""}\t${(e.message ?? "").trim()}\n`;
  }
  return { stdout: tabwrite(text), stderr: "", exitCode: 0 };
}

/** `kubectl events`. */
export const eventsCommand: CommandSpec = {
  path: ["events"],
  short: "List events",
  usage: "kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]",
  flags: EVENTS_FLAGS,
  run: runEvents,
};
