/**
 * JSON patch (RFC 6902) as the API server applies `kubectl patch --type=json`: add, remove,
 * replace, move, copy and test, JSON pointers with `~0`/`~1` escapes and the `-` index.
 */
import { deepClone, deepEqual, isObject, type JsonObject, type JsonValue } from "./json-value";
import { PatchError } from "./patch-error";

/** One operation of a JSON patch. */
export interface JsonPatchOperation {
  op: string;
  path: string;
  value?: JsonValue;
  from?: string;
}

function parsePointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new PatchError(`invalid JSON pointer: ${JSON.stringify(path)}`, "Invalid");
  return path
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function fail(message: string): never {
  throw new PatchError(message, "Invalid");
}

/** Resolves the parent container of a pointer and the last token. */
function parentOf(doc: JsonValue, tokens: string[], path: string): { parent: JsonObject | JsonValue[]; key: string } {
  let cur: JsonValue = doc;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (Array.isArray(cur)) {
      const idx = arrayIndex(t, cur.length - 1, path);
      cur = cur[idx];
    } else if (isObject(cur)) {
      if (!(t in cur)) fail(`doc is missing path: "${path}": missing value`);
      cur = cur[t];
    } else fail(`doc is missing path: "${path}": missing value`);
  }
  if (!Array.isArray(cur) && !isObject(cur)) fail(`doc is missing path: "${path}": missing value`);
  return { parent: cur, key: tokens[tokens.length - 1] };
}

function arrayIndex(token: string, max: number, path: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) fail(`Unable to access invalid index: ${token}: invalid index referenced`);
  const idx = Number(token);
  if (idx > max) fail(`Unable to access invalid index: ${idx}: invalid index referenced`);
  void path;
  return idx;
}

function getAt(doc: JsonValue, path: string): JsonValue {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return doc;
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) return parent[arrayIndex(key, parent.length - 1, path)];
  if (!(key in parent)) fail(`doc is missing key: ${path}: missing value`);
  return parent[key];
}

function addAt(doc: JsonValue, path: string, value: JsonValue): JsonValue {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) {
    if (key === "-") parent.push(value);
    else parent.splice(arrayIndex(key, parent.length, path), 0, value);
  } else parent[key] = value;
  return doc;
}

function removeAt(doc: JsonValue, path: string): JsonValue {
  const tokens = parsePointer(path);
  if (tokens.length === 0) fail("unable to remove the whole document");
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) {
    if (key === "-") fail(`Unable to remove invalid index: -: invalid index referenced`);
    parent.splice(arrayIndex(key, parent.length - 1, path), 1);
  } else {
    if (!(key in parent)) fail(`Unable to remove nonexistent key: ${key}: missing value`);
    delete parent[key];
  }
  return doc;
}

function replaceAt(doc: JsonValue, path: string, value: JsonValue): JsonValue {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, key } = parentOf(doc, tokens, path);
  if (Array.isArray(parent)) parent[arrayIndex(key, parent.length - 1, path)] = value;
  else {
    if (!(key in parent)) fail(`replace operation does not apply: doc is missing key: ${path}: missing value`);
    parent[key] = value;
  }
  return doc;
}

/** Parses the text of a JSON patch into operations, or throws {@link PatchError}. */
export function toOperations(patch: JsonValue): JsonPatchOperation[] {
  if (!Array.isArray(patch)) throw new PatchError("json: cannot unmarshal object into Go value of type jsonpatch.Patch", "BadRequest");
  return patch.map((p) => {
    if (!isObject(p)) throw new PatchError("json: cannot unmarshal into Go value of type jsonpatch.Operation", "BadRequest");
    return p as unknown as JsonPatchOperation;
  });
}

/** Applies the operations in order to a copy of `doc`; throws {@link PatchError} on the first failure. */
export function applyJsonPatch(doc: JsonValue, operations: JsonPatchOperation[]): JsonValue {
  let out = deepClone(doc);
  for (const op of operations) {
    const path = typeof op.path === "string" ? op.path : fail(`operation missing path field`);
    switch (op.op) {
      case "add":
        if (!("value" in op)) fail(`add operation missing value`);
        out = addAt(out, path, deepClone(op.value as JsonValue));
        break;
      case "remove":
        out = removeAt(out, path);
        break;
      case "replace":
        if (!("value" in op)) fail(`replace operation missing value`);
        out = replaceAt(out, path, deepClone(op.value as JsonValue));
        break;
      case "move": {
        const from = typeof op.from === "string" ? op.from : fail(`move operation missing from field`);
        const v = getAt(out, from);
        out = removeAt(out, from);
        out = addAt(out, path, v);
        break;
      }
      case "copy": {
        const from = typeof op.from === "string" ? op.from : fail(`copy operation missing from field`);
        out = addAt(out, path, deepClone(getAt(out, from)));
        break;
      }
      case "test": {
        let actual: JsonValue | undefined;
        try {
          actual = getAt(out, path);
        } catch {
          actual = undefined;
        }
        if (actual === undefined || !deepEqual(actual, op.value ?? null)) fail(`testing value ${path} failed: test failed`);
        break;
      }
      default:
        fail(`Unexpected kind: ${op.op}`);
    }
  }
  return out;
}
