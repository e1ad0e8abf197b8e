/**
 * The three patch types of the Kubernetes API (strategic merge, JSON merge, JSON patch),
 * and the client-side diffs kubectl computes for `edit` and `apply`.
 */
export { applyStrategicMergePatch } from "./strategic-merge-patch";
export { createTwoWayMergePatch, createThreeWayMergePatch } from "./strategic-merge-diff";
export { applyMergePatch, createMergePatch } from "./json-merge-patch";
export { applyJsonPatch, toOperations, type JsonPatchOperation } from "./json-patch";
export { patchSchemaFor, type PatchSchema } from "./patch-schema";
export { PatchError } from "./patch-error";
export { deepClone, deepEqual, goFormat, isObject, type JsonObject, type JsonValue } from "./json-value";
