/** `kubectl describe configmap`: every key with its full value, then binary keys with their sizes. */
import type { ConfigMap, Event } from "../../model/types";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";
import { base64DecodedLength } from "./secret";

/** Renders a ConfigMap and its events. */
export function describeConfigMap(cm: ConfigMap, events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", cm.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", cm.metadata.annotations);
    w.write(LEVEL_0, "\nData\n====\n");
    for (const k of Object.keys(cm.data ?? {}).sort()) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${cm.data![k]}\n`);
      w.write(LEVEL_0, "\n");
    }
    w.write(LEVEL_0, "\nBinaryData\n====\n");
    for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${base64DecodedLength(cm.binaryData![k])} bytes\n`);
    w.write(LEVEL_0, "\n");
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry. */
export const configMapDescriber: Describer = (obj, source, settings) =>
  describeConfigMap(obj as ConfigMap, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);
