import type { Event } from "../../../model/types";
import { translateTimestampSince } from "../human-duration";
import type { TableDefinition } from "./table-definition";

/** SOURCE: `component, host` from `source`, falling back to `reportingComponent`/`reportingInstance`. */
export function formatEventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || "";
  const instance = e.source?.host || e.reportingInstance || "";
  if (!component) return "";
  return instance ? `${component}, ${instance}` : component;
}

/** OBJECT: `kind/name` with the kind in lower case (`pod/web-x`), or just the kind. */
export function eventTarget(e: Event): string {
  const kind = (e.involvedObject?.kind ?? "").toLowerCase();
  return e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
}

/** `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT SOURCE, FIRST SEEN COUNT NAME. */
export const eventTable: TableDefinition<Event> = {
  columns: [
    { name: "Last Seen" },
    { name: "Type" },
    { name: "Reason" },
    { name: "Object" },
    { name: "Subobject", priority: 1 },
    { name: "Source", priority: 1 },
    { name: "Message" },
    { name: "First Seen", priority: 1 },
    { name: "Count", priority: 1 },
    { name: "Name", priority: 1, format: "name" },
  ],
  row(e, now, wide) {
    let first = translateTimestampSince(e.firstTimestamp, now);
    if (!e.firstTimestamp) first = translateTimestampSince(e.eventTime, now);
    const last = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, now) : first;
    const count = e.count ? e.count : 1;
    const message = (e.message ?? "").trim();
    if (wide) return [last, e.type ?? "", e.reason ?? "", eventTarget(e), e.involvedObject?.fieldPath ?? "", formatEventSource(e), message, first, String(count), e.metadata.name];
    return [last, e.type ?? "", e.reason ?? "", eventTarget(e), message];
  },
};
