/** `kubectl describe namespace`: status, then the resource quota and limit range summaries. */
import type { Namespace } from "../../model/types";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, tabbedString } from "./prefix-writer";
import type { Describer } from "./source";

/** Renders a Namespace (the model has no ResourceQuota or LimitRange objects, so both read "none"). */
export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, "Labels", ns.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? "Active"}\n`);
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No resource quota.\n");
    w.write(LEVEL_0, "\n");
    w.write(LEVEL_0, "No LimitRange resource.\n");
  });
}

/** Registry entry. */
export const namespaceDescriber: Describer = (obj) => describeNamespace(obj as Namespace);
