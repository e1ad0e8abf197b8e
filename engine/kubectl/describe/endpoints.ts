/** `kubectl describe endpoints` (describe.go's `describeEndpoints`). */
import type { Endpoints, Event } from "../../model/types";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";

/** Renders an Endpoints object: per subset its ready and not-ready addresses and its ports. */
export function describeEndpoints(ep: Endpoints, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ep.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", ep.metadata.annotations);
    w.write(LEVEL_0, "Subsets:\n");
    for (const s of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(s.addresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a) => a.ip).join(",") || "<none>"}\n`);
      if (s.ports && s.ports.length > 0) {
        w.write(LEVEL_1, "Ports:\n");
        w.write(LEVEL_2, "Name\tPort\tProtocol\n");
        w.write(LEVEL_2, "----\t----\t--------\n");
        for (const p of s.ports) w.write(LEVEL_2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? "TCP"}\n`);
      }
      w.write(LEVEL_0, "\n");
    }
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry. */
export const endpointsDescriber: Describer = (obj, source, settings) =>
  describeEndpoints(obj as Endpoints, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);
