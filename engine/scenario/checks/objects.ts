/** Checks on single objects: still the same object, present, a field's value. */
import { kindInfo } from "../../model/kinds";
import type { Condition } from "../schema";
import { objectKey } from "../manifests";
import { getAtPath } from "../object-path";
import { fail, pass, type CheckContext, type CheckOutcome } from "./context";
import { describeRef } from "./workload";

type CheckOf<K extends Condition["kind"]> = Extract<Condition, { kind: K }>;

function lookup(ctx: CheckContext, kind: string, name: string, namespace: string | undefined) {
  const info = kindInfo(kind);
  const ns = info.namespaced ? (namespace ?? ctx.defaultNamespace) : undefined;
  return { info, ns, obj: ctx.cluster.store.get(info.kind, ns, name), ref: describeRef(info.kind, name) };
}

/** `sameUid`: the object the learner found still exists with its original uid (not deleted and recreated). */
export function sameUid(c: CheckOf<"sameUid">, ctx: CheckContext): CheckOutcome {
  const { info, ns, obj, ref } = lookup(ctx, c.object, c.name, c.namespace);
  const original = ctx.initialUids[objectKey(info.kind, ns, c.name)];
  if (!obj) return fail(`${ref} was deleted: fix the existing object instead of removing it`);
  if (original !== undefined && obj.metadata.uid !== original) return fail(`${ref} was deleted and recreated: fix the existing object in place (kubectl edit, set, patch or apply)`);
  return pass(`${ref} is the original object, fixed in place`);
}

/** `objectExists`: an object of this kind and name exists. */
export function objectExists(c: CheckOf<"objectExists">, ctx: CheckContext): CheckOutcome {
  const { ns, obj, ref } = lookup(ctx, c.object, c.name, c.namespace);
  return obj ? pass(`${ref} exists`) : fail(`${ref} does not exist${ns ? ` in namespace ${ns}` : ""}`);
}

function show(v: unknown): string {
  return v === undefined ? "<unset>" : typeof v === "string" ? v : JSON.stringify(v);
}

/** `fieldEquals`: the value at `path` equals `value` (numbers and their string forms compare equal); with `orAbsent`, an unset field passes too. */
export function fieldEquals(c: CheckOf<"fieldEquals">, ctx: CheckContext): CheckOutcome {
  const { ns, obj, ref } = lookup(ctx, c.object, c.name, c.namespace);
  if (!obj) return fail(`${ref} does not exist${ns ? ` in namespace ${ns}` : ""}`);
  const actual = getAtPath(obj, c.path);
  if (actual === undefined && c.orAbsent) return pass(`${ref}: ${c.path} is not set`);
  const same = typeof actual === "object" || typeof c.value === "object" ? JSON.stringify(actual) === JSON.stringify(c.value) : actual !== undefined && String(actual) === String(c.value);
  return same ? pass(`${ref}: ${c.path} is ${show(actual)}`) : fail(`${ref}: ${c.path} is ${show(actual)}, expected ${show(c.value)}`);
}

/** `fieldMatches`: the value at `path`, as text, matches `pattern` (a whole-string regular expression); with `orAbsent`, an unset field passes too. */
export function fieldMatches(c: CheckOf<"fieldMatches">, ctx: CheckContext): CheckOutcome {
  const { ns, obj, ref } = lookup(ctx, c.object, c.name, c.namespace);
  if (!obj) return fail(`${ref} does not exist${ns ? ` in namespace ${ns}` : ""}`);
  const actual = getAtPath(obj, c.path);
  if (actual === undefined && c.orAbsent) return pass(`${ref}: ${c.path} is not set`);
  const ok = actual !== undefined && new RegExp(`^(?:${c.pattern})$`).test(typeof actual === "string" ? actual : JSON.stringify(actual));
  return ok ? pass(`${ref}: ${c.path} is ${show(actual)}`) : fail(`${ref}: ${c.path} is ${show(actual)}`);
}
