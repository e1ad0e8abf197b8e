import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** The folder of the Kubernetes manifests. */
export const MANIFEST_DIR = path.join(ROOT, "deploy", "kubernetes");

/** A Kubernetes object as read from YAML, with the file it came from. */
export interface LoadedObject {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // The rest is read by the checks, each typed where it is used.
  [field: string]: unknown;
}

/** Every `*.yaml` / `*.yml` under `dir`, recursively, relative to the repository root. */
export function manifestFiles(dir = path.join(ROOT, "deploy")): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...manifestFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path.relative(ROOT, full));
  }
  return out.sort();
}

/** Parses every document of every manifest file; throws on a YAML error, naming the file. */
export function loadObjects(files = manifestFiles()): LoadedObject[] {
  const objects: LoadedObject[] = [];
  for (const file of files) {
    const docs = parseAllDocuments(fs.readFileSync(path.join(ROOT, file), "utf8"));
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
      const value = doc.toJS() as Omit<LoadedObject, "file"> | null;
      if (value === null) continue; // an empty document (a trailing ---)
      objects.push({ ...value, file } as LoadedObject);
    }
  }
  return objects;
}
