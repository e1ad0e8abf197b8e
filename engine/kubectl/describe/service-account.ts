/** `kubectl describe serviceaccount` (kubectl v1.32). */
import type { Event, Secret, ServiceAccount } from "../../model/types";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";

const EMPTY_HEADER = "                   ";

/**
 * Renders a ServiceAccount: its image pull secrets, mountable secrets (each marked
 * `(not found)` when `existing` lacks it) and token secrets.
 */
export function describeServiceAccount(sa: ServiceAccount, existing: Set<string>, tokens: string[], events: Event[] | undefined, now: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", sa.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", sa.metadata.annotations);
    const groups: [string, string[]][] = [
      ["Image pull secrets:", (sa.imagePullSecrets ?? []).map((s) => (existing.has(s.name) ? s.name : `${s.name} (not found)`))],
      ["Mountable secrets: ", (sa.secrets ?? []).map((s) => (existing.has(s.name) ? s.name : `${s.name} (not found)`))],
      ["Tokens:            ", tokens],
    ];
    for (const [header, names] of groups) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, `${prefix}\t${n}\n`);
        prefix = EMPTY_HEADER;
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

/** Registry entry. */
export const serviceAccountDescriber: Describer = (obj, source, settings) => {
  const secrets = source.list<Secret>("Secret", obj.metadata.namespace);
  const tokens = secrets
    .filter((s) => s.type === "kubernetes.io/service-account-token" && s.metadata.annotations?.["kubernetes.io/service-account.name"] === obj.metadata.name)
    .map((s) => s.metadata.name);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  return describeServiceAccount(obj as ServiceAccount, existing, tokens, settings.showEvents ? searchEvents(source, { kind: obj.kind, ...obj.metadata }) : undefined, source.now);
};
