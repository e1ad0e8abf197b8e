/** `kubectl describe secret`: the type and each key's size in bytes, never the values. */
import type { Secret } from "../../model/types";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, tabbedString } from "./prefix-writer";
import type { Describer } from "./source";

/** The number of bytes a base64 string decodes to. */
export function base64DecodedLength(b64: string | undefined): number {
  const s = (b64 ?? "").replace(/[\s]/g, "");
  if (s.length === 0) return 0;
  let pad = 0;
  if (s.endsWith("==")) pad = 2;
  else if (s.endsWith("=")) pad = 1;
  return Math.floor((s.length * 3) / 4) - pad;
}

function base64Decode(b64: string): string {
  const bin = atob(b64.replace(/\s/g, ""));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Renders a Secret (no events: describe.go's secret describer fetches none). */
export function describeSecret(secret: Secret): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", secret.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", secret.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${secret.type ?? "Opaque"}\n`);
    w.write(LEVEL_0, "\nData\n====\n");
    for (const k of Object.keys(secret.data ?? {}).sort()) {
      if (k === "token" && secret.type === "kubernetes.io/service-account-token") w.write(LEVEL_0, `${k}:\t${base64Decode(secret.data![k])}\n`);
      else w.write(LEVEL_0, `${k}:\t${base64DecodedLength(secret.data![k])} bytes\n`);
    }
  });
}

/** Registry entry. */
export const secretDescriber: Describer = (obj) => describeSecret(obj as Secret);
